import { randomUUID } from 'node:crypto';
import { ENROLL, placeFixture, publishedCourse, residentFixture, VIEW } from './fixtures/courses/course-fixtures';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const EXPORT = `query ($id: ID!) { exportResidentData(residentId: $id) { json } }`;
const ERASE = `mutation ($id: ID!) { eraseResident(residentId: $id, reason: RESIDENT_REQUEST) { erasedAt } }`;

interface Exported {
  learning: {
    enrollments: { courseTitle: string; completedAt: string | null }[];
    lessons: { title: string; viewedAt: string | null; source: string }[];
    quizAttempts: unknown[];
  };
  certificates: { code: string; courseTitle: string }[];
  supportVisits: { task: string; note: string | null }[];
  liveClasses: { checkIns: unknown[] };
}

/**
 * The other domains keep rows about a resident too. A data export lists them, and erasure leaves
 * nothing there that names the person while keeping the rows that statistics count.
 */
describe('personal data export and erasure cover learning, certificates and support visits', () => {
  let api: ApiHarness;
  let admin: TestActor;
  let residentId: string;
  let courseTitle: string;
  const note = 'Giúp bà Hoa ở xóm Bãi cài ứng dụng thuế';

  beforeAll(async () => {
    api = await ApiHarness.start();
    admin = await createActor(api, [[Role.ADMIN, scopes.nation()]]);
    const place = await placeFixture(api, '83', '83001');
    ({ residentId } = await residentFixture(api, place.villageId));
    const course = await publishedCourse(api, admin.token, { provinceCode: '83', lessons: 2 });
    const enrolled = await api.gql<{ enroll: { id: string } }>(
      ENROLL,
      { courseId: course.courseId, residentId },
      admin.token,
    );
    const enrollmentId = enrolled.data!.enroll.id;
    await api.gql(VIEW, { enrollmentId, lessonId: course.lessonIds[0] }, admin.token);
    const [version] = await api.sql<{ title: string }>(`select title from course_version where id = ?`, [
      course.versionId,
    ]);
    courseTitle = version.title;
    await api.sql(
      `insert into certificate (id, code, resident_id, enrollment_id, course_id, course_version_id, course_version_number,
         course_title, issuing_province_code, issuing_unit_name, completed_at)
       values (?, 'HV7K2M9QXR', ?, ?, ?, ?, 1, ?, '83', 'Tỉnh Thử 83', now())`,
      [randomUUID(), residentId, enrollmentId, course.courseId, course.versionId, courseTitle],
    );
    await api.sql(
      `insert into support_visit (id, volunteer_account_id, resident_id, province_code, commune_code, village_id,
         task, note, place, occurred_at, minutes, content_hash)
       values (?, ?, ?, '83', '83001', ?, 'OTHER', ?, 'DOOR_TO_DOOR', now(), 30, ?)`,
      [randomUUID(), admin.accountId, residentId, place.villageId, note, 'f'.repeat(64)],
    );
  });

  afterAll(() => api.close());

  it('exports the enrollments, lesson progress, certificates and support visits', async () => {
    const result = await api.gql<{ exportResidentData: { json: string } }>(EXPORT, { id: residentId }, admin.token);

    expect(result.errors).toBeUndefined();
    const exported = JSON.parse(result.data!.exportResidentData.json) as Exported;
    expect(exported.learning.enrollments).toEqual([expect.objectContaining({ courseTitle, completedAt: null })]);
    expect(exported.learning.lessons).toEqual([
      expect.objectContaining({ title: 'Bài 1', source: 'ASSISTED', viewedAt: expect.any(String) }),
    ]);
    expect(exported.certificates).toEqual([expect.objectContaining({ code: 'HV7K-2M9Q-XR', courseTitle })]);
    expect(exported.supportVisits).toEqual([expect.objectContaining({ task: 'OTHER', note })]);
    expect(exported.liveClasses.checkIns).toEqual([]);
  });

  it('erases the visit notes and keeps the rows that are counted', async () => {
    const erased = await api.gql(ERASE, { id: residentId }, admin.token);

    expect(erased.errors).toBeUndefined();
    const [counts] = await api.sql<{ enrollments: number; certificates: number; visits: number; notes: string[] }>(
      `select (select count(*)::int from enrollment where resident_id = ?) as enrollments,
              (select count(*)::int from certificate where resident_id = ?) as certificates,
              (select count(*)::int from support_visit where resident_id = ?) as visits,
              (select array_agg(note) from support_visit where resident_id = ?) as notes`,
      [residentId, residentId, residentId, residentId],
    );
    expect(counts).toEqual({ enrollments: 1, certificates: 1, visits: 1, notes: ['(đã xóa)'] });
    const dump = await api.sql<{ text: string }>(`select string_agg(s::text, ' ') as text from support_visit s`);
    expect(dump[0].text).not.toContain('bà Hoa');
  });
});
