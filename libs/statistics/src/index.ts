export { BASIC_PROGRAMME_SLUGS } from './basic-programme';
export { REACH_TIME_ZONE, ReachInterval } from './reach-calendar';
export { type ReachFigures, type ReachPeriod, type SeriesPoint, type TaskVisits } from './reach-figures';
export { type ReachRefreshRequest, ReachRefreshRequests } from './reach-refresh-requests';
export { type ReachRefreshOutcome, ReachRefreshService } from './reach-refresh.service';
export {
  MAX_PERIOD_DAYS,
  type RankingRow,
  RankingMetric,
  RankingSubject,
  type ReachBreakdownRow,
  type ReachRanking,
  type ReachReport,
  ReachStatisticsService,
} from './reach-statistics.service';
export { type ReachUnit, ReachUnitKind, type ReachUnitRef } from './reach-units';
export { StatisticsError, StatisticsErrorCode, statisticsErrorMessages } from './statistics.errors';
export { StatisticsModule } from './statistics.module';
