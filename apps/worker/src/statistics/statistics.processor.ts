import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { QueueName, type StatisticsJobs } from '@hocvuso/jobs';
import { type ReachRefreshOutcome, ReachRefreshService } from '@hocvuso/statistics';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type { Job, Queue } from 'bullmq';

const REFRESH_SCHEDULER = 'refresh-reach';

type StatisticsJob = { [K in keyof StatisticsJobs]: Job<StatisticsJobs[K], unknown, K> }[keyof StatisticsJobs];

/** Keeps the reach statistics rollups fresh: incrementally on a schedule, fully on an admin's request. */
@Processor(QueueName.statistics)
export class StatisticsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(StatisticsProcessor.name);

  constructor(
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
  process(job: StatisticsJob): Promise<ReachRefreshOutcome> {
    return RequestContext.create(this.orm.em, () => this.run(job));
  }

  private async run(job: StatisticsJob): Promise<ReachRefreshOutcome> {
    switch (job.name) {
      case 'refresh-reach': {
        const outcome = await this.refreshes.refresh({ full: job.data.full });
        this.logger.log(`job ${job.id} refresh-reach (${outcome.full ? 'full' : 'incremental'}): ${outcome.days} days`);
        return outcome;
      }
      default: {
        const unknown: never = job.name;
        throw new Error(`unknown statistics job ${String(unknown)}`);
      }
    }
  }
}
