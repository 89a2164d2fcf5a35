import { Logger } from '@nestjs/common';
import { type LiveAttendanceJobs, QueueName } from '@hocvuso/jobs';
import { Queue } from 'bullmq';
import type { AttendanceBatch } from './attendance-buffer';

type AttendanceJobName = keyof LiveAttendanceJobs;

/** A batch add that has not answered by then counts as refused; the batch is offered again. */
const SEND_TIMEOUT_MS = 3_000;
/** Kept so that a re-sent batch id finds its job and adds nothing (a day covers any outage). */
const KEEP_DONE_SECONDS = 86_400;

/** The completion job of a session: one per session, whoever asks for it. */
export function completionJobId(sessionId: string): string {
  return `attendance-complete-${sessionId}`;
}

/**
 * The `live-attendance` queue as a gateway or the worker sees it. The connection does not queue
 * commands while Redis is away (`enableOfflineQueue: false`), so an add fails fast and the batch
 * stays in the gateway's buffer instead of piling up inside the client.
 */
export class AttendanceQueue {
  private readonly logger = new Logger(AttendanceQueue.name);
  private readonly queue: Queue<LiveAttendanceJobs[AttendanceJobName], unknown, AttendanceJobName>;

  constructor(redisUrl: string, prefix: string, connectionName: string) {
    this.queue = new Queue(QueueName.liveAttendance, {
      connection: { url: redisUrl, connectionName, maxRetriesPerRequest: null, enableOfflineQueue: false },
      prefix,
    });
    this.queue.on('error', (error: Error) => this.logger.warn(`attendance queue: ${error.message}`));
  }

  /** Resolves once the batch is in Redis; the job id is the batch id, so a re-send is a no-op. */
  async send(batch: AttendanceBatch): Promise<void> {
    await withTimeout(
      this.queue.add('write-batch', batch, {
        jobId: batch.batchId,
        attempts: 20,
        backoff: { type: 'exponential', delay: 1_000 },
        removeOnComplete: { age: KEEP_DONE_SECONDS },
        removeOnFail: { age: KEEP_DONE_SECONDS * 7 },
      }),
    );
  }

  /** Asks for the session's completion after `delayMs`; a second ask is a no-op. */
  async requestCompletion(sessionId: string, delayMs: number): Promise<void> {
    await withTimeout(
      this.queue.add(
        'complete-session',
        { sessionId },
        {
          jobId: completionJobId(sessionId),
          delay: delayMs,
          attempts: 10,
          backoff: { type: 'exponential', delay: 5_000 },
          removeOnComplete: { age: KEEP_DONE_SECONDS },
          removeOnFail: { age: KEEP_DONE_SECONDS * 7 },
        },
      ),
    );
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('attendance queue did not answer')), SEND_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
