import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions } from '@hocvuso/database';
import type { UnitsImportSummary } from '@hocvuso/geography';
import { type GeographyJobs, QueueName } from '@hocvuso/jobs';
import { createRedisClient } from '@hocvuso/redis';
import { MikroORM } from '@mikro-orm/postgresql';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { createWorkerApp } from '../apps/worker/src/worker.app';

const officialFile = resolve(__dirname, '../../shared/data/vn-units/units-2026-07-25.json');
const fixture = (name: string) => resolve(__dirname, 'fixtures/units', name);

describe('the import-units job on the worker', () => {
  const config = loadConfig();
  let app: NestExpressApplication;
  let orm: MikroORM;
  let connections: Redis[];
  let queue: Queue<GeographyJobs['import-units'], UnitsImportSummary, 'import-units'>;
  let events: QueueEvents;
  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    orm.em.fork().execute<R[]>(text, params);

  beforeAll(async () => {
    orm = await MikroORM.init(createOrmOptions(config));
    await sql('truncate province, commune, village, venue cascade');
    app = await createWorkerApp();
    app.useLogger(app.get(Logger));
    await app.init();
    connections = [
      createRedisClient(config.REDIS_URL, 'test-queue'),
      createRedisClient(config.REDIS_URL, 'test-events'),
    ];
    queue = new Queue(QueueName.geography, { connection: connections[0], prefix: config.REDIS_KEY_PREFIX });
    events = new QueueEvents(QueueName.geography, { connection: connections[1], prefix: config.REDIS_KEY_PREFIX });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await queue?.close();
    await events?.close();
    await Promise.all((connections ?? []).map((c) => c.quit()));
    await app?.close();
    await orm?.close();
  });

  it('imports the official list and returns the summary', async () => {
    const job = await queue.add('import-units', { filePath: officialFile });

    const summary = await job.waitUntilFinished(events, 30_000);

    expect(summary).toMatchObject({
      provinces: { created: 34, updated: 0, unchanged: 0 },
      communes: { created: 3321, updated: 0, unchanged: 0 },
      communesByKind: { XA: 2611, PHUONG: 697, DAC_KHU: 13 },
      totalProvinces: 34,
      totalCommunes: 3321,
    });
    const [counts] = await sql<{ provinces: string; communes: string }>(
      'select (select count(*) from province) as provinces, (select count(*) from commune) as communes',
    );
    expect(counts).toEqual({ provinces: '34', communes: '3321' });
    const finished = await Job.fromId(queue, job.id!);
    expect(finished?.progress).toEqual({ phase: 'communes', done: 3321, total: 3321 });
  });

  it('fails a job on a malformed file with the position and reason, writing nothing', async () => {
    const job = await queue.add('import-units', { filePath: fixture('malformed-late-province-code.json') });

    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(
      'UNITS_FILE_INVALID: Tệp danh mục đơn vị hành chính không hợp lệ. [1].Wards[1].ProvinceCode: là "98" nhưng xã/phường nằm trong tỉnh/thành phố mã "99"',
    );
    expect((await Job.fromId(queue, job.id!))?.attemptsMade).toBe(1);
    expect(await sql("select code from province where code in ('98', '99')")).toEqual([]);
  });
});
