export { BASIC_PROGRAMME_SLUGS } from './basic-programme';
export { REPORT_COLUMNS, REPORT_TITLE, ReachExportFormat } from './export/reach-export-document';
export { ReachExportError, ReachExportErrorCode, reachExportErrorMessages } from './export/reach-export.errors';
export { type SignedExportLink, signExportLink } from './export/reach-export-link';
export {
  REACH_EXPORT_RETENTION_MS,
  type ReachExportFile,
  type ReachExportRequest,
  ReachExportStatus,
  ReachExportsService,
  type ReachExportView,
} from './export/reach-exports.service';
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
  type ReachCourseRow,
  type ReachRanking,
  type ReachReport,
  ReachStatisticsService,
} from './reach-statistics.service';
export { type ReachUnit, ReachUnitKind, type ReachUnitRef } from './reach-units';
export { StatisticsError, StatisticsErrorCode, statisticsErrorMessages } from './statistics.errors';
export { StatisticsModule } from './statistics.module';
