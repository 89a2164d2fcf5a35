import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@hocvuso/config';
import { type CertificateJobs, QueueName } from '@hocvuso/jobs';
import { createRedisClient } from '@hocvuso/redis';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { createWorkerApp } from '../apps/worker/src/worker.app';
import { ENROLL, placeFixture, publishedCourse, residentFixture } from './fixtures/courses/course-fixtures';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes } from './support/actors';

/**
 * A course completed while Redis was down leaves an enrollment with completed_at and no
 * certificate request. The worker's sweep finds it and issues the certificate, once.
 */
describe('the certificate sweep issues what a lost request left behind', () => {
  const config = loadConfig();
  let api: ApiHarness;
  let worker: NestExpressApplication;
  let connections: Redis[];
  let queue: Queue<CertificateJobs['sweep-missing-certificates'], unknown, 'sweep-missing-certificates'>;
  let events: QueueEvents;

  beforeAll(async () => {
    api = await ApiHarness.start();
    worker = await createWorkerApp();
    worker.useLogger(worker.get(Logger));
    await worker.init();
    connections = [
      createRedisClient(config.REDIS_URL, 'test-queue'),
      createRedisClient(config.REDIS_URL, 'test-events'),
    ];
    queue = new Queue(QueueName.certificates, { connection: connections[0], prefix: config.REDIS_KEY_PREFIX });
    events = new QueueEvents(QueueName.certificates, { connection: connections[1], prefix: config.REDIS_KEY_PREFIX });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await queue?.close();
    await events?.close();
    await Promise.all((connections ?? []).map((c) => c.quit()));
    await worker?.close();
    await api?.close();
  });

  const sweep = async () => {
    const job = await queue.add('sweep-missing-certificates', {});
    return job.waitUntilFinished(events, 30_000) as Promise<{ issued: number; failed: number }>;
  };

  it('issues the certificate of a completion that has none, and nothing more on the next sweep', async () => {
    const admin = await createActor(api, [[Role.ADMIN, scopes.nation()]]);
    const place = await placeFixture(api, '84', '84001');
    const { residentId } = await residentFixture(api, place.villageId);
    const course = await publishedCourse(api, admin.token, { provinceCode: '84', lessons: 1 });
    const enrolled = await api.gql<{ enroll: { id: string } }>(
      ENROLL,
      { courseId: course.courseId, residentId },
      admin.token,
    );
    const enrollmentId = enrolled.data!.enroll.id;
    // The completing transaction committed; its request to the queue never arrived.
    await api.sql(`update enrollment set completed_at = now() where id = ?`, [enrollmentId]);
    const certificatesOf = () =>
      api.sql<{ course_title: string; issuing_unit_name: string }>(
        `select course_title, issuing_unit_name from certificate where resident_id = ? and course_version_id = ?`,
        [residentId, course.versionId],
      );
    expect(await certificatesOf()).toHaveLength(0);

    const first = await sweep();
    const second = await sweep();

    expect(first.issued).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ issued: 0, failed: 0 });
    const certificates = await certificatesOf();
    expect(certificates).toHaveLength(1);
    expect(certificates[0].issuing_unit_name).toBe('Tỉnh Thử 84');
    expect(certificates[0].course_title).toMatch(/^Khóa học thử /);
  });

  it('leaves an erased resident’s completion without a certificate', async () => {
    const admin = await createActor(api, [[Role.ADMIN, scopes.nation()]]);
    const place = await placeFixture(api, '84', '84001');
    const { residentId } = await residentFixture(api, place.villageId);
    const course = await publishedCourse(api, admin.token, { provinceCode: '84', lessons: 1 });
    const enrolled = await api.gql<{ enroll: { id: string } }>(
      ENROLL,
      { courseId: course.courseId, residentId },
      admin.token,
    );
    await api.sql(`update enrollment set completed_at = now() where id = ?`, [enrolled.data!.enroll.id]);
    await api.sql(`update resident set full_name = null, birth_year = null, erased_at = now() where id = ?`, [
      residentId,
    ]);

    await sweep();

    const rows = await api.sql(`select 1 from certificate where resident_id = ?`, [residentId]);
    expect(rows).toHaveLength(0);
  });
});
