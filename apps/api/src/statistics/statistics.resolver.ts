import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type ReachReport,
  ReachInterval,
  ReachRefreshRequests,
  ReachStatisticsService,
  type ReachUnit,
  ReachUnitKind,
} from '@hocvuso/statistics';
import type { GraphQLContext } from '../graphql/graphql.context';
import { ReachRankingArgs, ReachStatisticsArgs } from './statistics.input';
import {
  ReachBreakdownRowModel,
  ReachCourseRowModel,
  ReachRankingModel,
  ReachRefreshRequestModel,
  ReachSeriesPointModel,
  ReachStatisticsModel,
  type ReachUnitModel,
} from './statistics.model';

/** The GraphQL shape of a unit: provinces and communes by code, villages and teams by id. */
export function toUnitModel(unit: ReachUnit): ReachUnitModel {
  const byCode = unit.kind === ReachUnitKind.PROVINCE || unit.kind === ReachUnitKind.COMMUNE;
  return {
    kind: unit.kind,
    code: byCode ? unit.key : null,
    id: byCode ? null : unit.key,
    name: unit.name,
    provinceCode: unit.provinceCode,
    communeCode: unit.communeCode,
  };
}

/** What a ReachStatistics object carries for its breakdown and series: the checked unit and period. */
type ReachStatisticsParent = ReachStatisticsModel & { report: Pick<ReachReport, 'unit' | 'period' | 'course'> };

@Resolver(() => ReachStatisticsModel)
export class ReachStatisticsResolver {
  constructor(
    private readonly statistics: ReachStatisticsService,
    private readonly refreshes: ReachRefreshRequests,
  ) {}

  @Query(() => ReachStatisticsModel, {
    description:
      'Reach figures of a province, commune, village or team over a period of local days, for every course or one (STATISTICS_READ)',
  })
  async reachStatistics(
    @Args() args: ReachStatisticsArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<ReachStatisticsParent> {
    const report = await this.statistics.report(ctx.actor, args.unit, args.from, args.to, args.courseId);
    return {
      unit: toUnitModel(report.unit),
      from: report.period.from,
      to: report.period.to,
      courseId: report.course,
      asOf: report.asOf,
      figures: report.figures,
      report,
    };
  }

  @ResolveField(() => [ReachBreakdownRowModel], {
    description: 'One level down: a province’s communes; a commune’s villages, then its teams; a team’s villages',
  })
  async breakdown(@Parent() parent: ReachStatisticsParent): Promise<ReachBreakdownRowModel[]> {
    const rows = await this.statistics.breakdown(parent.report);
    return rows.map((row) => ({ unit: toUnitModel(row.unit), figures: row.figures }));
  }

  @ResolveField(() => [ReachSeriesPointModel], { description: 'Every day or week of the period, zeros included' })
  series(
    @Parent() parent: ReachStatisticsParent,
    @Args('interval', { type: () => ReachInterval }) interval: ReachInterval,
  ): Promise<ReachSeriesPointModel[]> {
    return this.statistics.series(parent.report, interval);
  }

  @ResolveField(() => [ReachCourseRowModel], {
    description:
      'The courses whose sessions, completions or reached people count in the unit over the period, most people reached first (only the asked course with courseId)',
  })
  courses(@Parent() parent: ReachStatisticsParent): Promise<ReachCourseRowModel[]> {
    return this.statistics.courses(parent.report);
  }

  @Query(() => ReachRankingModel, {
    description: 'Communes or teams of a province ranked by completions per team member or per adult (STATISTICS_READ)',
  })
  async reachRanking(@Args() args: ReachRankingArgs, @Context() ctx: GraphQLContext): Promise<ReachRankingModel> {
    const ranking = await this.statistics.ranking(
      ctx.actor,
      args.provinceCode,
      args.by,
      args.metric,
      args.from,
      args.to,
      args.courseId,
    );
    return {
      from: ranking.period.from,
      to: ranking.period.to,
      metric: ranking.metric,
      courseId: ranking.course,
      asOf: ranking.asOf,
      rows: ranking.rows.map((row) => ({ ...row, unit: toUnitModel(row.unit) })),
    };
  }

  @Mutation(() => ReachRefreshRequestModel, {
    description: 'Asks the worker to refresh the reach rollups: fully by default, else the changed days (ADMIN)',
  })
  refreshReachStatistics(
    @Args('full', { type: () => Boolean, defaultValue: true }) full: boolean,
    @Context() ctx: GraphQLContext,
  ): Promise<ReachRefreshRequestModel> {
    return this.refreshes.request(ctx.actor, full);
  }
}
