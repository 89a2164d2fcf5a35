import { randomUUID } from 'node:crypto';
import { loadConfig } from '@hocvuso/config';
import { AttendanceOutcome, AttendanceService, certificateJobId } from '@hocvuso/courses';
import { type IssueCertificatePayload, QueueName } from '@hocvuso/jobs';
import { Queue } from 'bullmq';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  ENROLL,
  placeFixture,
  publishedCourse,
  residentFixture,
  RIGHT,
  SUBMIT,
  VIEW,
  WRONG,
} from './fixtures/courses/course-fixtures';

describe('completion requests exactly one certificate; assisted progress needs consent; attendance completes lessons', () => {
  const config = loadConfig();
  let api: ApiHarness;
  let queue: Queue<IssueCertificatePayload>;
  let trainer: TestActor;
  let villageId: string;
  let otherVillageId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    queue = new Queue(QueueName.certificates, {
      connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
      prefix: config.REDIS_KEY_PREFIX,
    });
    ({ villageId } = await placeFixture(api, '78', '78001'));
    ({ villageId: otherVillageId } = await placeFixture(api, '78', '78002'));
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('78')]]);
  });

  afterAll(async () => {
    await queue?.close();
    await api?.close();
  });

  const certificateJobsOf = async (enrollmentId: string) =>
    (await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'])).filter(
      (job) => job.data.enrollmentId === enrollmentId,
    );

  it('sets completedAt when every lesson is done and the final quiz passed, and a retried last attempt adds no second job', async () => {
    const course = await publishedCourse(api, trainer.token, { provinceCode: '78', lessons: 2, quizOn: [1] });
    const { residentId } = await residentFixture(api, villageId);
    const learner = await createActor(api, [], { residentId });
    const enrollmentId = (
      await api.gql<{ enroll: { id: string } }>(ENROLL, { courseId: course.courseId }, learner.token)
    ).data!.enroll.id;
    await api.gql(VIEW, { enrollmentId, lessonId: course.lessonIds[0] }, learner.token);
    await api.gql(VIEW, { enrollmentId, lessonId: course.lessonIds[1] }, learner.token);
    await api.gql(SUBMIT, { input: { enrollmentId, lessonId: course.lessonIds[1], answers: RIGHT } }, learner.token);

    const failed = await api.gql<{ submitQuizAttempt: { courseCompleted: boolean } }>(
      SUBMIT,
      { input: { enrollmentId, answers: WRONG } },
      learner.token,
    );
    expect(failed.data?.submitQuizAttempt.courseCompleted).toBe(false);
    expect(await certificateJobsOf(enrollmentId)).toHaveLength(0);

    const attemptKey = randomUUID();
    const final = { input: { enrollmentId, answers: RIGHT, attemptKey } };
    const passed = await api.gql<{ submitQuizAttempt: { id: string; passed: boolean; courseCompleted: boolean } }>(
      SUBMIT,
      final,
      learner.token,
    );
    expect(passed.data?.submitQuizAttempt).toEqual(expect.objectContaining({ passed: true, courseCompleted: true }));
    const retried = await api.gql<{ submitQuizAttempt: { id: string } }>(SUBMIT, final, learner.token);
    expect(retried.data?.submitQuizAttempt.id).toBe(passed.data?.submitQuizAttempt.id);
    const again = await api.gql(SUBMIT, { input: { enrollmentId, answers: RIGHT } }, learner.token);
    expect(again.errors?.[0].extensions?.code).toBe('QUIZ_ALREADY_PASSED');

    const [enrollment] = await api.sql<{ completed_at: Date | null }>(
      `select completed_at from enrollment where id = ?`,
      [enrollmentId],
    );
    expect(enrollment.completed_at).not.toBeNull();
    const jobs = await certificateJobsOf(enrollmentId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].id).toBe(certificateJobId(enrollmentId));
    expect(jobs[0].name).toBe('issue-certificate');
    expect(jobs[0].data).toEqual({
      enrollmentId,
      residentId,
      courseId: course.courseId,
      courseVersionId: course.versionId,
      courseVersionNumber: 1,
      courseTitle: expect.stringContaining('Khóa học thử'),
      issuingProvinceCode: '78',
      issuingUnitName: 'Tỉnh Thử 78',
      completedAt: new Date(enrollment.completed_at!).toISOString(),
    });
    const count = await api.sql<{ n: number }>(`select count(*)::int as n from quiz_attempt where enrollment_id = ?`, [
      enrollmentId,
    ]);
    expect(count[0].n).toBe(3);
  });

  it('lets a volunteer in the resident’s commune record progress only under an open LEARNING consent, marked assisted', async () => {
    const course = await publishedCourse(api, trainer.token, { provinceCode: '78', lessons: 1, quizOn: [0] });
    const volunteer = await createActor(api, [[Role.VOLUNTEER, scopes.commune('78001', '78')]]);
    const outsider = await createActor(api, [[Role.VOLUNTEER, scopes.commune('78002', '78')]]);

    const withoutConsent = await residentFixture(api, villageId, { learningConsent: false });
    const refused = await api.gql(
      ENROLL,
      { courseId: course.courseId, residentId: withoutConsent.residentId },
      volunteer.token,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('LEARNING_CONSENT_REQUIRED');
    expect(refused.errors?.[0].message).toMatch(/đồng ý/);

    const { residentId, consentId } = await residentFixture(api, villageId);
    const elsewhere = await api.gql(ENROLL, { courseId: course.courseId, residentId }, outsider.token);
    expect(elsewhere.errors?.[0].extensions?.code).toBe('RESIDENT_NOT_FOUND');

    const enrolled = await api.gql<{ enroll: { id: string } }>(
      ENROLL,
      { courseId: course.courseId, residentId },
      volunteer.token,
    );
    const enrollmentId = enrolled.data!.enroll.id;
    const viewed = await api.gql<{ viewLesson: { source: string; assistedBy: string; consentId: string } }>(
      VIEW,
      { enrollmentId, lessonId: course.lessonIds[0] },
      volunteer.token,
    );
    expect(viewed.data?.viewLesson).toEqual(
      expect.objectContaining({ source: 'ASSISTED', assistedBy: volunteer.accountId, consentId }),
    );
    const attempt = await api.gql<{ submitQuizAttempt: { source: string; assistedBy: string } }>(
      SUBMIT,
      { input: { enrollmentId, lessonId: course.lessonIds[0], answers: RIGHT } },
      volunteer.token,
    );
    expect(attempt.data?.submitQuizAttempt).toEqual({
      ...attempt.data?.submitQuizAttempt,
      source: 'ASSISTED',
      assistedBy: volunteer.accountId,
    });
    const [stored] = await api.sql<{ source: string; assisted_by: string; consent_id: string }>(
      `select source, assisted_by, consent_id from quiz_attempt where enrollment_id = ?`,
      [enrollmentId],
    );
    expect(stored).toEqual({ source: 'ASSISTED', assisted_by: volunteer.accountId, consent_id: consentId });
    const outsiderView = await api.gql(VIEW, { enrollmentId, lessonId: course.lessonIds[0] }, outsider.token);
    expect(outsiderView.errors?.[0].extensions?.code).toBe('ENROLLMENT_NOT_FOUND');

    // Once the consent is withdrawn, nothing more is recorded on the resident's behalf.
    await api.sql(`update consent set withdrawn_at = now() where id = ?`, [consentId]);
    const afterWithdrawal = await api.gql(SUBMIT, { input: { enrollmentId, answers: RIGHT } }, volunteer.token);
    expect(afterWithdrawal.errors?.[0].extensions?.code).toBe('LEARNING_CONSENT_REQUIRED');
    const list = await api.gql<{ residentEnrollments: { totalCount: number } }>(
      `query ($id: ID!) { residentEnrollments(residentId: $id) { totalCount } }`,
      { id: residentId },
      volunteer.token,
    );
    expect(list.data?.residentEnrollments.totalCount).toBe(1);
  });

  it('completeLessonByAttendance enrolls, completes out of order, is idempotent, and ignores too-short attendance', async () => {
    const attendance = api.app.get(AttendanceService);
    const course = await publishedCourse(api, trainer.token, { provinceCode: '78', lessons: 2, quizOn: [1] });
    const { residentId } = await residentFixture(api, otherVillageId);
    const input = { residentId, lessonId: course.lessonIds[1], liveClassId: 'lop-75-01', requiredSeconds: 1800 };

    const short = await attendance.completeLessonByAttendance({ ...input, attendedSeconds: 600 });
    expect(short).toEqual({
      outcome: AttendanceOutcome.NOT_ENOUGH_ATTENDANCE,
      enrollmentId: null,
      lessonCompletedAt: null,
      courseCompleted: false,
    });
    expect(await api.sql(`select id from enrollment where resident_id = ?`, [residentId])).toHaveLength(0);

    const done = await attendance.completeLessonByAttendance({ ...input, attendedSeconds: 1900 });
    expect(done.outcome).toBe(AttendanceOutcome.COMPLETED);
    expect(done.lessonCompletedAt).toBeInstanceOf(Date);
    const twice = await attendance.completeLessonByAttendance({ ...input, attendedSeconds: 2000 });
    expect(twice).toEqual(
      expect.objectContaining({ outcome: AttendanceOutcome.ALREADY_DONE, enrollmentId: done.enrollmentId }),
    );
    const progress = await api.sql<{
      source: string;
      live_class_id: string;
      attended_seconds: number;
      viewed_at: Date | null;
    }>(`select source, live_class_id, attended_seconds, viewed_at from lesson_progress where enrollment_id = ?`, [
      done.enrollmentId,
    ]);
    expect(progress).toEqual([
      { source: 'ATTENDANCE', live_class_id: 'lop-75-01', attended_seconds: 1900, viewed_at: null },
    ]);
    const [enrollment] = await api.sql<{ course_version_id: string }>(
      `select course_version_id from enrollment where id = ?`,
      [done.enrollmentId],
    );
    expect(enrollment.course_version_id).toBe(course.versionId);

    await expect(attendance.completeLessonByAttendance({ ...input, attendedSeconds: -1 })).rejects.toMatchObject({
      code: 'INVALID_ATTENDANCE',
    });
    await expect(
      attendance.completeLessonByAttendance({ ...input, lessonId: randomUUID(), attendedSeconds: 1900 }),
    ).rejects.toMatchObject({ code: 'LESSON_NOT_FOUND' });
  });
});
