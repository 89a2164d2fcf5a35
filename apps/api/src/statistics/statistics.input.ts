import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { RankingMetric, RankingSubject, ReachUnitKind } from '@hocvuso/statistics';

@InputType()
export class ReachUnitInput {
  @Field(() => ReachUnitKind)
  kind: ReachUnitKind;

  @Field(() => String, { nullable: true, description: 'PROVINCE (2 digits) or COMMUNE (5 digits) code' })
  code?: string | null;

  @Field(() => ID, { nullable: true, description: 'VILLAGE or TEAM id' })
  id?: string | null;
}

@ArgsType()
export class ReachStatisticsArgs {
  @Field(() => ReachUnitInput)
  unit: ReachUnitInput;

  @Field({ description: 'YYYY-MM-DD, local day, included' })
  from: string;

  @Field({ description: 'YYYY-MM-DD, local day, included; at most 1100 days after from' })
  to: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only what belongs to this course: its sessions’ classes and attendance, its completions, the people they reached',
  })
  courseId?: string | null;
}

@ArgsType()
export class ReachRankingArgs {
  @Field()
  provinceCode: string;

  @Field(() => RankingSubject)
  by: RankingSubject;

  @Field(() => RankingMetric)
  metric: RankingMetric;

  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => ID, { nullable: true, description: 'Rank by the completions of this course only' })
  courseId?: string | null;
}
