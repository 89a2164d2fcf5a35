import { ArgsType, Field, Int } from '@nestjs/graphql';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Items per page, 1 to 200' })
  first: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page' })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Accent- and case-insensitive: "hung yen" finds Hưng Yên' })
  search?: string | null;
}
