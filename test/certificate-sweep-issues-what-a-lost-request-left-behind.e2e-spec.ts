import { QueueName } from '@hocvuso/jobs';
import { ENROLL, placeFixture, publishedCourse, residentFixture } from './fixtures/courses/course-fixtures';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes } from './support/actors';
import { type TestQueue, WorkerHarness } from './support/worker-harness';

/**
 * A course completed while Redis was down leaves an enrollment with completed_at and no
 * certificate request. The worker's sweep finds it and issues the certificate, once.
 */
describe('the certificate sweep issues what a lost request left behind', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let certificates: TestQueue<'certificates'>;

  beforeAll(async () => {
    api = await ApiHarness.start();
    worker = await WorkerHarness.start();
    certificates = await worker.queue(QueueName.certificates);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const sweep = () => certificates.run<{ issued: number; failed: number }>('sweep-missing-certificates', {});

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
