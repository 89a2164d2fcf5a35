import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { type LiveAttendanceJobs, type LiveJobs, QueueName } from '@hocvuso/jobs';
import { LiveSessionsService, LiveSessionStatus } from '@hocvuso/live';
import { completionJobId } from '@hocvuso/live/attendance';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type { Job, Queue } from 'bullmq';

type LiveJob = { [K in keyof LiveJobs]: Job<LiveJobs[K], unknown, K> }[keyof LiveJobs];

/**
 * Opens and closes sessions on schedule. Both transitions are conditional updates, so a retried
 * or duplicated job finds the session already moved on and changes nothing. A closing also asks
 * for the attendance completion, after a grace for the gateways' last batches (the gateways ask
 * too when they see the end; the job id makes it one job).
 */
@Processor(QueueName.live)
export class LiveProcessor extends WorkerHost {
  private readonly logger = new Logger(LiveProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly liveSessions: LiveSessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.liveAttendance)
    private readonly attendance: Queue<LiveAttendanceJobs['complete-session'], unknown, 'complete-session'>,
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
        if (status === LiveSessionStatus.ENDED) await this.requestCompletion(job.data.sessionId);
        return status;
      }
      default: {
        const unknown: never = job;
        throw new Error(`unknown live job ${String((unknown as Job).name)}`);
      }
    }
  }

  private async requestCompletion(sessionId: string): Promise<void> {
    await this.attendance.add(
      'complete-session',
      { sessionId },
      {
        jobId: completionJobId(sessionId),
        delay: this.config.LIVE_ATTENDANCE_GRACE_MS,
        attempts: 10,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: { age: 86_400 },
      },
    );
  }
}
