import { ArgsType, Field, Int } from '@nestjs/graphql';

@ArgsType()
export class MyCertificatesArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Items per page, 1 to 200' })
  first: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page' })
  after?: string | null;
}

@ArgsType()
export class RevokeCertificateArgs {
  @Field({ description: 'Verification code; dashes, spaces and case do not matter' })
  code: string;

  @Field({ description: '5 to 500 characters; shown by the public verification' })
  reason: string;
}
