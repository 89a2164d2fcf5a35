import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { type LiveJobs, QueueName } from '@hocvuso/jobs';
import { Queue } from 'bullmq';

type Transition = keyof LiveJobs;

/** The job id of a session's scheduled transition: one per session and transition. */
export function transitionJobId(transition: Transition, sessionId: string): string {
  return `live-${transition}-${sessionId}`;
}

/**
 * Puts a session's opening and closing on the `live` queue as delayed jobs. Rescheduling removes
 * the old job and adds the new one under the same id; a duplicate add is ignored by BullMQ, and
 * a retried job finds the session already moved on, so nothing happens twice.
 */
@Injectable()
export class LiveScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveScheduler.name);
  private readonly queue: Queue<LiveJobs[Transition], unknown, Transition>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queue = new Queue(QueueName.live, {
      connection: { url: config.REDIS_URL, connectionName: 'live-scheduler', maxRetriesPerRequest: null },
      prefix: config.REDIS_KEY_PREFIX,
    });
  }

  async schedule(sessionId: string, start: Date, end: Date, now = new Date()): Promise<void> {
    await this.replace('open-session', sessionId, start, now);
    await this.replace('close-session', sessionId, end, now);
  }

  /** Drops the pending transitions of a session that ended or was cancelled by hand. */
  async unschedule(sessionId: string): Promise<void> {
    for (const transition of ['open-session', 'close-session'] as const) {
      await this.queue.remove(transitionJobId(transition, sessionId)).catch((error: Error) => {
        this.logger.warn(`could not remove ${transition} of ${sessionId}: ${error.message}`);
      });
    }
  }

  /** The delayed job of a transition, for tests and diagnostics. */
  async pending(transition: Transition, sessionId: string): Promise<{ delay: number; timestamp: number } | null> {
    const job = await this.queue.getJob(transitionJobId(transition, sessionId));
    return job ? { delay: job.delay, timestamp: job.timestamp } : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  private async replace(transition: Transition, sessionId: string, at: Date, now: Date): Promise<void> {
    const jobId = transitionJobId(transition, sessionId);
    await this.queue.remove(jobId);
    await this.queue.add(
      transition,
      { sessionId },
      {
        jobId,
        delay: Math.max(0, at.getTime() - now.getTime()),
        attempts: 5,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: true,
        removeOnFail: 1_000,
      },
    );
  }
}
