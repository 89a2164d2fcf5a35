import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RankingMetric, RankingSubject, ReachInterval, ReachUnitKind } from '@hocvuso/statistics';
import { SupportTask } from '@hocvuso/youth';

registerEnumType(ReachUnitKind, {
  name: 'ReachUnitKind',
  description: 'PROVINCE and COMMUNE are named by code; VILLAGE and TEAM by id',
});
registerEnumType(ReachInterval, { name: 'ReachInterval', description: 'DAY: local days; WEEK: ISO weeks from Monday' });
registerEnumType(RankingSubject, { name: 'RankingSubject' });
registerEnumType(RankingMetric, {
  name: 'RankingMetric',
  description:
    'COMPLETIONS_PER_MEMBER: course completions per team member active in the period; COMPLETIONS_PER_ADULT: per adult of the target',
});

@ObjectType('ReachUnit')
export class ReachUnitModel {
  @Field(() => ReachUnitKind)
  kind: ReachUnitKind;

  @Field(() => String, { nullable: true, description: 'Province or commune code' })
  code: string | null;

  @Field(() => ID, { nullable: true, description: 'Village or team id' })
  id: string | null;

  @Field()
  name: string;

  @Field()
  provinceCode: string;

  @Field(() => String, { nullable: true })
  communeCode: string | null;
}

@ObjectType('TaskVisits')
export class TaskVisitsModel {
  @Field(() => SupportTask)
  task: SupportTask;

  @Field(() => Int)
  visits: number;
}

@ObjectType('ReachFigures', {
  description:
    'Person-times count occasions (a person twice is two); unique people count residents once. The two are never added together.',
})
export class ReachFiguresModel {
  @Field(() => Int, { description: 'Distinct ended live sessions attended from the unit (lớp học đã tổ chức)' })
  classesHeld: number;

  @Field(() => Int, { description: 'Resident and guest attendances plus venue headcounts (lượt người học trực tuyến)' })
  livePersonTimes: number;

  @Field(() => Int, { description: 'The part of livePersonTimes reported as venue headcounts' })
  venueHeadcount: number;

  @Field(() => Int, { nullable: true, description: 'Support visits (lượt hỗ trợ); null for a course' })
  supportVisits: number | null;

  @Field(() => [TaskVisitsModel], { nullable: true, description: 'Every task, zeros included; null for a course' })
  visitsByTask: TaskVisitsModel[] | null;

  @Field(() => Int, { description: 'livePersonTimes + supportVisits (lượt người); for a course, livePersonTimes' })
  personTimes: number;

  @Field(() => Int, { description: 'Course completions of residents living in the unit' })
  completions: number;

  @Field(() => Int, {
    description:
      'Distinct residents of the unit with an attendance, check-in, completion or named visit in the period; for a course, an attendance of or check-in at its sessions or its completion',
  })
  uniquePeople: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Residents who completed the basic programme during the period; null for a course',
  })
  residentsConfirmed: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Residents who completed the basic programme by the period’s last day; null for a course',
  })
  residentsConfirmedToDate: number | null;

  @Field(() => Int, { nullable: true, description: 'From the targets in force on the last day; null without a target' })
  adultPopulation: number | null;

  @Field(() => Int, { nullable: true, description: 'People to confirm by the target' })
  targetPeople: number | null;

  @Field(() => Float, { nullable: true, description: 'uniquePeople / adultPopulation' })
  reachedShare: number | null;

  @Field(() => Float, { nullable: true, description: 'residentsConfirmedToDate / adultPopulation; null for a course' })
  confirmedShare: number | null;

  @Field(() => Float, { nullable: true, description: 'residentsConfirmedToDate / targetPeople; null for a course' })
  targetProgress: number | null;

  @Field(() => Int)
  villages: number;

  @Field(() => Int, { description: 'Villages with at least one class (of the course) held in the period' })
  villagesWithClass: number;

  @Field(() => Int, { description: 'Villages covered by a team' })
  villagesWithTeam: number;

  @Field(() => Int)
  villagesWithClassAndTeam: number;
}

@ObjectType('ReachBreakdownRow')
export class ReachBreakdownRowModel {
  @Field(() => ReachUnitModel)
  unit: ReachUnitModel;

  @Field(() => ReachFiguresModel)
  figures: ReachFiguresModel;
}

@ObjectType('ReachSeriesPoint')
export class ReachSeriesPointModel {
  @Field({ description: 'The bucket’s first day, YYYY-MM-DD (a Monday for weeks)' })
  start: string;

  @Field(() => Int)
  classesHeld: number;

  @Field(() => Int)
  livePersonTimes: number;

  @Field(() => Int, { nullable: true, description: 'Null for a course' })
  supportVisits: number | null;

  @Field(() => Int)
  completions: number;

  @Field(() => Int, { description: 'Distinct within the bucket: buckets do not add up to the period’s uniquePeople' })
  uniquePeople: number;
}

@ObjectType('ReachCourseRow', { description: 'One course’s figures in the unit over the period' })
export class ReachCourseRowModel {
  @Field(() => ID)
  courseId: string;

  @Field(() => String, { nullable: true, description: 'Null for a course sessions name but the catalog lacks' })
  slug: string | null;

  @Field(() => String, { nullable: true, description: 'Title of the latest published version, else of the draft' })
  title: string | null;

  @Field(() => Int, { description: 'Distinct ended sessions of the course attended from the unit' })
  classesHeld: number;

  @Field(() => Int, { description: 'Attendances of the course’s sessions plus venue headcounts' })
  livePersonTimes: number;

  @Field(() => Int)
  venueHeadcount: number;

  @Field(() => Int, { description: 'Completions of the course by residents of the unit' })
  completions: number;

  @Field(() => Int, {
    description: 'Residents of the unit who attended or checked in at the course’s sessions, or completed it',
  })
  uniquePeople: number;
}

@ObjectType('ReachStatistics')
export class ReachStatisticsModel {
  @Field(() => ReachUnitModel)
  unit: ReachUnitModel;

  @Field({ description: 'YYYY-MM-DD, local day, included' })
  from: string;

  @Field({ description: 'YYYY-MM-DD, local day, included' })
  to: string;

  @Field(() => ID, { nullable: true, description: 'The course the figures are restricted to; null for every course' })
  courseId: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the rollups were last refreshed; rows changed after it are not counted yet. Null before the first refresh.',
  })
  asOf: Date | null;

  @Field(() => ReachFiguresModel)
  figures: ReachFiguresModel;
}

@ObjectType('ReachRankingRow')
export class ReachRankingRowModel {
  @Field(() => Int)
  rank: number;

  @Field(() => ReachUnitModel)
  unit: ReachUnitModel;

  @Field(() => Int)
  completions: number;

  @Field(() => Int, { description: 'Team members active at some point of the period' })
  members: number;

  @Field(() => Int, { nullable: true })
  adultPopulation: number | null;

  @Field(() => Float, { nullable: true, description: 'Null when the denominator is zero or unknown (ranked last)' })
  value: number | null;
}

@ObjectType('ReachRanking')
export class ReachRankingModel {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => RankingMetric)
  metric: RankingMetric;

  @Field(() => ID, { nullable: true, description: 'The course whose completions are ranked; null for every course' })
  courseId: string | null;

  @Field(() => Date, { nullable: true })
  asOf: Date | null;

  @Field(() => [ReachRankingRowModel])
  rows: ReachRankingRowModel[];
}

@ObjectType('ReachRefreshRequest')
export class ReachRefreshRequestModel {
  @Field({ description: 'The worker job; figures show the refresh through their asOf' })
  jobId: string;

  @Field()
  full: boolean;
}
