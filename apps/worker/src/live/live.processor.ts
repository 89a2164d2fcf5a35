import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type LiveJobs, QueueName } from '@hocvuso/jobs';
import { LiveSessionsService, type LiveSessionStatus } from '@hocvuso/live';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type { Job } from 'bullmq';

type LiveJob = { [K in keyof LiveJobs]: Job<LiveJobs[K], unknown, K> }[keyof LiveJobs];

/**
 * Opens and closes sessions on schedule. Both transitions are conditional updates, so a retried
 * or duplicated job finds the session already moved on and changes nothing.
 */
@Processor(QueueName.live)
export class LiveProcessor extends WorkerHost {
  private readonly logger = new Logger(LiveProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly liveSessions: LiveSessionsService,
  ) {
    super();
  }

  process(job: LiveJob): Promise<LiveSessionStatus | null> {
    return RequestContext.create(this.orm.em, () => this.run(job));
  }

  private async run(job: LiveJob): Promise<LiveSessionStatus | null> {
    switch (job.name) {
      case 'open-session': {
        const status = await this.liveSessions.openScheduled(job.data.sessionId);
        this.logger.log({ sessionId: job.data.sessionId, status }, 'scheduled opening');
        return status;
      }
      case 'close-session': {
        const status = await this.liveSessions.closeScheduled(job.data.sessionId);
        this.logger.log({ sessionId: job.data.sessionId, status }, 'scheduled closing');
        return status;
      }
      default: {
        const unknown: never = job;
        throw new Error(`unknown live job ${String((unknown as Job).name)}`);
      }
    }
  }
}
