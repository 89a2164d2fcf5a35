import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { QueueName, type StatisticsJobs } from '@hocvuso/jobs';
import {
  ReachExportError,
  ReachExportsService,
  type ReachRefreshOutcome,
  ReachRefreshService,
  StatisticsError,
} from '@hocvuso/statistics';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';

const REFRESH_SCHEDULER = 'refresh-reach';

type StatisticsJob = { [K in keyof StatisticsJobs]: Job<StatisticsJobs[K], unknown, K> }[keyof StatisticsJobs];

/**
 * Keeps the reach statistics rollups fresh (incrementally on a schedule, fully on an admin's
 * request) and builds the requested reach exports.
 */
@Processor(QueueName.statistics)
export class StatisticsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(StatisticsProcessor.name);

  constructor(
    private readonly exports: ReachExportsService,
    private readonly refreshes: ReachRefreshService,
    private readonly orm: MikroORM,
    @InjectQueue(QueueName.statistics) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** One schedule per queue whatever the number of workers: upserting it again changes nothing. */
  async onApplicationBootstrap(): Promise<void> {
    const seconds = this.config.STATISTICS_REFRESH_INTERVAL_SECONDS;
    if (seconds === 0) {
      await this.queue.removeJobScheduler(REFRESH_SCHEDULER);
      return;
    }
    await this.queue.upsertJobScheduler(
      REFRESH_SCHEDULER,
      { every: seconds * 1_000 },
      { name: 'refresh-reach', data: { full: false } },
    );
  }

  /** Each job runs in its own identity map, like a request. */
  process(job: StatisticsJob): Promise<ReachRefreshOutcome | { exportId: string }> {
    return RequestContext.create(this.orm.em, () => this.run(job));
  }

  private async run(job: StatisticsJob): Promise<ReachRefreshOutcome | { exportId: string }> {
    switch (job.name) {
      case 'refresh-reach': {
        const outcome = await this.refreshes.refresh({ full: job.data.full });
        this.logger.log(`job ${job.id} refresh-reach (${outcome.full ? 'full' : 'incremental'}): ${outcome.days} days`);
        // Exports past their retention go with the schedule, which runs every few minutes.
        const purged = await this.exports.purgeExpired();
        if (purged > 0) this.logger.log(`job ${job.id} deleted ${purged} expired reach exports`);
        return outcome;
      }
      case 'build-reach-export':
        return this.buildExport(job);
      default: {
        const unknown: never = job;
        throw new Error(`unknown statistics job ${String((unknown as Job).name)}`);
      }
    }
  }

  /**
   * A refusal (the requester lost access, the export is gone) fails at once with its code; any
   * other error is retried, and marks the export FAILED (INTERNAL) only on the last attempt.
   */
  private async buildExport(job: Job<StatisticsJobs['build-reach-export']>): Promise<{ exportId: string }> {
    const { exportId } = job.data;
    try {
      await this.exports.build(exportId, (progress) => job.updateProgress(progress));
      this.logger.log(`job ${job.id} build-reach-export ${exportId}: done`);
      return { exportId };
    } catch (error) {
      if (error instanceof StatisticsError || error instanceof ReachExportError) {
        await this.exports.fail(exportId, error.code);
        this.logger.warn(`job ${job.id} build-reach-export ${exportId}: ${error.code}`);
        throw new UnrecoverableError(error.code);
      }
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.exports.fail(exportId, 'INTERNAL');
      throw error;
    }
  }
}
