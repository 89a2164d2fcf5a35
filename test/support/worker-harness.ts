import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@hocvuso/config';
import type {
  CertificateJobs,
  GeographyJobs,
  LiveAttendanceJobs,
  LiveJobs,
  QueueName,
  StatisticsJobs,
} from '@hocvuso/jobs';
import { createRedisClient } from '@hocvuso/redis';
import { type Job, type JobsOptions, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { createWorkerApp } from '../../apps/worker/src/worker.app';

/** The job names and payloads of each queue. */
interface QueueJobs {
  geography: GeographyJobs;
  certificates: CertificateJobs;
  live: LiveJobs;
  'live-attendance': LiveAttendanceJobs;
  statistics: StatisticsJobs;
}

/** A producer's side of one queue: add a job, or add it and wait for its result. */
export interface TestQueue<Q extends QueueName> {
  queue: Queue;
  events: QueueEvents;
  add<N extends keyof QueueJobs[Q] & string>(name: N, data: QueueJobs[Q][N], options?: JobsOptions): Promise<Job>;
  run<R = unknown, N extends keyof QueueJobs[Q] & string = keyof QueueJobs[Q] & string>(
    name: N,
    data: QueueJobs[Q][N],
    options?: JobsOptions,
  ): Promise<R>;
  /** Waits for a job something else added (the API, a gateway) and returns its result. */
  finished<R = unknown>(jobId: string): Promise<R>;
}

/**
 * The real worker app on the run's database and Redis, with producers for the queues a test
 * feeds; `close()` stops the worker and every connection it opened.
 */
export class WorkerHarness {
  private readonly connections: Redis[] = [];
  private readonly closers: (() => Promise<void>)[] = [];
  private readonly config = loadConfig();

  private constructor(readonly app: NestExpressApplication) {}

  static async start(): Promise<WorkerHarness> {
    const app = await createWorkerApp();
    app.useLogger(app.get(Logger));
    await app.init();
    return new WorkerHarness(app);
  }

  async queue<Q extends QueueName>(name: Q): Promise<TestQueue<Q>> {
    const prefix = this.config.REDIS_KEY_PREFIX;
    const [producer, listener] = [`test-${name}-queue`, `test-${name}-events`].map((label) => {
      const connection = createRedisClient(this.config.REDIS_URL, label);
      this.connections.push(connection);
      return connection;
    });
    const queue = new Queue(name, { connection: producer, prefix });
    const events = new QueueEvents(name, { connection: listener, prefix });
    this.closers.push(
      () => queue.close(),
      () => events.close(),
    );
    await events.waitUntilReady();
    return {
      queue,
      events,
      add: (jobName: string, data: unknown, options?: JobsOptions) => queue.add(jobName, data, options),
      run: async <R>(jobName: string, data: unknown, options?: JobsOptions) =>
        (await queue.add(jobName, data, options)).waitUntilFinished(events, 30_000) as Promise<R>,
      finished: async <R>(jobId: string) => {
        const job = await queue.getJob(jobId);
        if (!job) throw new Error(`no job ${jobId} in ${name}`);
        return job.waitUntilFinished(events, 30_000) as Promise<R>;
      },
    } as TestQueue<Q>;
  }

  async close(): Promise<void> {
    for (const close of this.closers) await close();
    await Promise.all(this.connections.map((connection) => connection.quit()));
    await this.app.close();
  }
}
