import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ReachExportFormat } from '@hocvuso/statistics';
import { ReachUnitInput } from './statistics.input';

@InputType()
export class RequestReachExportInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A UUID the client makes up: sending the same request with it again returns the same export',
  })
  id?: string | null;

  @Field(() => ReachUnitInput)
  unit: ReachUnitInput;

  @Field({ description: 'YYYY-MM-DD, local day, included' })
  from: string;

  @Field({ description: 'YYYY-MM-DD, local day, included; at most 1100 days after from' })
  to: string;

  @Field(() => ReachExportFormat)
  format: ReachExportFormat;
}

@ArgsType()
export class ReachExportsArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Items per page, 1 to 200' })
  first: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page' })
  after?: string | null;
}
