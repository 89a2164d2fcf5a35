import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@hocvuso/config';
import { type LiveAttendanceJobs, QueueName } from '@hocvuso/jobs';
import { AttendanceWriter, type BatchOutcome, type CompletionOutcome } from '@hocvuso/live/attendance';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type { Job, WorkerOptions } from 'bullmq';

type AttendanceJob = {
  [K in keyof LiveAttendanceJobs]: Job<LiveAttendanceJobs[K], unknown, K>;
}[keyof LiveAttendanceJobs];

/**
 * How many jobs run at once (a class's end brings many batches: two transactions overlap the
 * worker's own work with PostgreSQL's, and a session's completion does not hold the batches up),
 * how long a job's lock lasts without renewal, and how often this worker looks for active jobs
 * whose lock has lapsed (their worker died) and puts them back in the queue. @nestjs/bullmq takes
 * worker options only from the decorator; these getters are read when the worker is created at
 * application start, not when this file is imported, so the configuration is the app's own.
 * Batches touching one participant take turns (see AttendanceWriter.recompute).
 */
const workerOptions: Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval'> = {
  get concurrency() {
    return loadConfig().LIVE_ATTENDANCE_CONCURRENCY;
  },
  get lockDuration() {
    return loadConfig().WORKER_STALLED_INTERVAL_MS;
  },
  get stalledInterval() {
    return loadConfig().WORKER_STALLED_INTERVAL_MS;
  },
};

/**
 * Writes the gateways' attendance batches and, once a session has ended, completes its lesson
 * for those who attended enough. Both are idempotent, so BullMQ retries (a worker killed mid-batch
 * included) change nothing the first run did.
 */
@Processor(QueueName.liveAttendance, workerOptions)
export class LiveAttendanceProcessor extends WorkerHost {
  private readonly logger = new Logger(LiveAttendanceProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly writer: AttendanceWriter,
  ) {
    super();
  }

  /** Redis away: the worker reconnects by itself; say so once per error, not as an unhandled one. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`live attendance worker: ${error.message}`);
  }

  process(job: AttendanceJob): Promise<BatchOutcome | CompletionOutcome | null> {
    return RequestContext.create(this.orm.em, () => this.run(job));
  }

  private async run(job: AttendanceJob): Promise<BatchOutcome | CompletionOutcome | null> {
    switch (job.name) {
      case 'write-batch': {
        const outcome = await this.writer.writeBatch(job.data.batchId, job.data.events);
        this.logger.debug({ batchId: job.data.batchId, ...outcome }, 'attendance batch written');
        return outcome;
      }
      case 'complete-session':
        return this.writer.completeSession(job.data.sessionId);
      default: {
        const unknown: never = job;
        throw new Error(`unknown live attendance job ${String((unknown as Job).name)}`);
      }
    }
  }
}
