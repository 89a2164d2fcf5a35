import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@hocvuso/jobs';
import { ReachExportsService } from './export/reach-exports.service';
import { ReachRefreshRequests } from './reach-refresh-requests';
import { ReachRefreshService } from './reach-refresh.service';
import { ReachStatisticsService } from './reach-statistics.service';

/**
 * Reach statistics: the rollups (refreshed by the worker) and the reports read from them. The
 * importing app provides `BullModule.forRoot(Async)` for the statistics queue.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.statistics })],
  providers: [ReachExportsService, ReachRefreshRequests, ReachRefreshService, ReachStatisticsService],
  exports: [ReachExportsService, ReachRefreshRequests, ReachRefreshService, ReachStatisticsService],
})
export class StatisticsModule {}
