import { ApiHarness } from './support/api-harness';
import { createActor, type TestActor, Role, scopes } from './support/actors';
import {
  ENROLL,
  placeFixture,
  publishedCourse,
  type PublishedCourse,
  residentFixture,
  RIGHT,
  SUBMIT,
  VIEW,
  WRONG,
} from './fixtures/courses/course-fixtures';

const COURSE_QUIZZES = `query ($id: ID!) {
  course(id: $id) { published { lessons { id quiz { id passMark questions { index prompt choices } } } finalQuiz { id questions { prompt } } } }
}`;

interface AttemptResult {
  submitQuizAttempt: {
    id: string;
    attemptNumber: number;
    attemptsLeft: number;
    score: number;
    correctCount: number;
    passed: boolean;
    questions: { index: number; correct: boolean; correctChoices: number[] | null; explanation: string | null }[];
  };
}

describe('lessons unlock in order, and quizzes are graded on the server', () => {
  let api: ApiHarness;
  let trainer: TestActor;
  let villageId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    ({ villageId } = await placeFixture(api, '73', '73001'));
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('73')]]);
  });

  afterAll(() => api.close());

  /** A resident account enrolled on the course; returns its token and the enrollment id. */
  async function learnerOn(course: PublishedCourse): Promise<{ token: string; enrollmentId: string }> {
    const { residentId } = await residentFixture(api, villageId);
    const learner = await createActor(api, [], { residentId });
    const enrolled = await api.gql<{ enroll: { id: string } }>(ENROLL, { courseId: course.courseId }, learner.token);
    return { token: learner.token, enrollmentId: enrolled.data!.enroll.id };
  }

  it('never sends correct answers or explanations with a question: the type has no such field', async () => {
    const type = await api.gql<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "QuizQuestion") { fields { name } } }`,
    );
    expect(type.data?.__type.fields.map((field) => field.name).sort()).toEqual(['choices', 'index', 'prompt']);
    const course = await publishedCourse(api, trainer.token, { provinceCode: '73', quizOn: [0] });
    const asked = await api.gql(
      `query ($id: ID!) { course(id: $id) { published { finalQuiz { questions { correct } } } } }`,
      { id: course.courseId },
    );
    expect(asked.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    const shown = await api.gql(COURSE_QUIZZES, { id: course.courseId });
    expect(JSON.stringify(shown.data)).not.toMatch(/Cần xác minh trực tiếp|correct/);
  });

  it('refuses skipping ahead: a later lesson, its quiz and the final quiz stay locked until the ones before are done', async () => {
    const course = await publishedCourse(api, trainer.token, { provinceCode: '73', lessons: 3, quizOn: [1] });
    const [first, second, third] = course.lessonIds;
    const { token, enrollmentId } = await learnerOn(course);

    const skip = await api.gql(VIEW, { enrollmentId, lessonId: second }, token);
    expect(skip.errors?.[0].extensions?.code).toBe('LESSON_LOCKED');
    expect(skip.errors?.[0].message).toBe('Bài học này chưa mở: hãy hoàn thành bài học trước đó.');
    const quizAhead = await api.gql(SUBMIT, { input: { enrollmentId, lessonId: second, answers: RIGHT } }, token);
    expect(quizAhead.errors?.[0].extensions?.code).toBe('LESSON_LOCKED');
    const finalAhead = await api.gql(SUBMIT, { input: { enrollmentId, answers: RIGHT } }, token);
    expect(finalAhead.errors?.[0].extensions?.code).toBe('FINAL_QUIZ_LOCKED');

    const viewedFirst = await api.gql<{ viewLesson: { done: boolean; source: string } }>(
      VIEW,
      { enrollmentId, lessonId: first },
      token,
    );
    expect(viewedFirst.data?.viewLesson).toEqual(expect.objectContaining({ done: true, source: 'SELF' }));
    // Lesson 2 has a quiz: viewing it is not enough, and lesson 3 stays locked until the quiz is passed.
    const viewedSecond = await api.gql<{ viewLesson: { done: boolean } }>(
      VIEW,
      { enrollmentId, lessonId: second },
      token,
    );
    expect(viewedSecond.data?.viewLesson.done).toBe(false);
    expect((await api.gql(VIEW, { enrollmentId, lessonId: third }, token)).errors?.[0].extensions?.code).toBe(
      'LESSON_LOCKED',
    );
    const passed = await api.gql<AttemptResult>(
      SUBMIT,
      { input: { enrollmentId, lessonId: second, answers: RIGHT } },
      token,
    );
    expect(passed.data?.submitQuizAttempt.passed).toBe(true);
    const viewedThird = await api.gql<{ viewLesson: { done: boolean } }>(
      VIEW,
      { enrollmentId, lessonId: third },
      token,
    );
    expect(viewedThird.data?.viewLesson.done).toBe(true);
    const progress = await api.gql<{ enrollment: { lessons: { done: boolean; unlocked: boolean }[] } }>(
      `query ($id: ID!) { enrollment(id: $id) { lessons { done unlocked } } }`,
      { id: enrollmentId },
      token,
    );
    expect(progress.data?.enrollment.lessons).toEqual([
      { done: true, unlocked: true },
      { done: true, unlocked: true },
      { done: true, unlocked: true },
    ]);
  });

  it('grades on the server, stores answers and score, and reveals the key only once passed', async () => {
    const course = await publishedCourse(api, trainer.token, {
      provinceCode: '73',
      lessons: 1,
      quizOn: [0],
      lessonQuiz: { passMark: 50 },
    });
    const [lessonId] = course.lessonIds;
    const { token, enrollmentId } = await learnerOn(course);
    await api.gql(VIEW, { enrollmentId, lessonId }, token);

    // Choosing only one of the two right choices makes question 2 wrong: 0 of 2 here.
    const wrong = await api.gql<AttemptResult>(
      SUBMIT,
      { input: { enrollmentId, lessonId, answers: [[0], [0]] } },
      token,
    );
    expect(wrong.data?.submitQuizAttempt).toEqual(
      expect.objectContaining({ attemptNumber: 1, attemptsLeft: 4, score: 0, correctCount: 0, passed: false }),
    );
    expect(wrong.data?.submitQuizAttempt.questions).toEqual([
      { index: 0, correct: false, correctChoices: null, explanation: null },
      { index: 1, correct: false, correctChoices: null, explanation: null },
    ]);
    const half = await api.gql<AttemptResult>(
      SUBMIT,
      { input: { enrollmentId, lessonId, answers: [[1], [2, 0, 1]] } },
      token,
    );
    expect(half.data?.submitQuizAttempt).toEqual(expect.objectContaining({ score: 50, correctCount: 1, passed: true }));
    expect(half.data?.submitQuizAttempt.questions).toEqual([
      { index: 0, correct: true, correctChoices: [1], explanation: 'Cần xác minh trực tiếp.' },
      { index: 1, correct: false, correctChoices: [0, 2], explanation: null },
    ]);
    const stored = await api.sql<{ answers: number[][]; score: number; passed: boolean; source: string }>(
      `select answers, score, passed, source from quiz_attempt where enrollment_id = ? order by submitted_at`,
      [enrollmentId],
    );
    expect(stored).toEqual([
      { answers: [[0], [0]], score: 0, passed: false, source: 'SELF' },
      { answers: [[1], [0, 1, 2]], score: 50, passed: true, source: 'SELF' },
    ]);
    const again = await api.gql(SUBMIT, { input: { enrollmentId, lessonId, answers: RIGHT } }, token);
    expect(again.errors?.[0].extensions?.code).toBe('QUIZ_ALREADY_PASSED');
  });

  it('refuses malformed answers and stores nothing', async () => {
    const course = await publishedCourse(api, trainer.token, { provinceCode: '73', lessons: 1, quizOn: [0] });
    const [lessonId] = course.lessonIds;
    const { token, enrollmentId } = await learnerOn(course);
    for (const answers of [[[1]], [[1], [0, 2], [0]], [[2], [0]], [[1], [0, 0]], [[-1], [0]]]) {
      const result = await api.gql(SUBMIT, { input: { enrollmentId, lessonId, answers } }, token);
      expect([answers, result.errors?.[0].extensions?.code]).toEqual([answers, 'INVALID_QUIZ_ANSWERS']);
    }
    const badKey = await api.gql(
      SUBMIT,
      { input: { enrollmentId, lessonId, answers: RIGHT, attemptKey: 'not-a-uuid' } },
      token,
    );
    expect(badKey.errors?.[0].extensions?.code).toBe('INVALID_QUIZ_ANSWERS');
    const [{ n }] = await api.sql<{ n: number }>(
      `select count(*)::int as n from quiz_attempt where enrollment_id = ?`,
      [enrollmentId],
    );
    expect(n).toBe(0);
  });

  it('limits attempts, and makes the learner wait out the cooldown between them', async () => {
    const limited = await publishedCourse(api, trainer.token, {
      provinceCode: '73',
      lessons: 1,
      quizOn: [0],
      lessonQuiz: { maxAttempts: 2, cooldownSeconds: 0 },
    });
    const a = await learnerOn(limited);
    await api.gql(VIEW, { enrollmentId: a.enrollmentId, lessonId: limited.lessonIds[0] }, a.token);
    const input = { enrollmentId: a.enrollmentId, lessonId: limited.lessonIds[0], answers: WRONG };
    const first = await api.gql<AttemptResult>(SUBMIT, { input }, a.token);
    expect(first.data?.submitQuizAttempt.attemptsLeft).toBe(1);
    const second = await api.gql<AttemptResult>(SUBMIT, { input }, a.token);
    expect(second.data?.submitQuizAttempt.attemptsLeft).toBe(0);
    // Out of attempts: the key is shown so the learner can still learn from the quiz.
    expect(second.data?.submitQuizAttempt.questions[0].correctChoices).toEqual([1]);
    const third = await api.gql(SUBMIT, { input: { ...input, answers: RIGHT } }, a.token);
    expect(third.errors?.[0].extensions?.code).toBe('QUIZ_ATTEMPTS_EXHAUSTED');

    const cooled = await publishedCourse(api, trainer.token, {
      provinceCode: '73',
      lessons: 1,
      quizOn: [0],
      lessonQuiz: { maxAttempts: 5, cooldownSeconds: 3600 },
    });
    const b = await learnerOn(cooled);
    await api.gql(VIEW, { enrollmentId: b.enrollmentId, lessonId: cooled.lessonIds[0] }, b.token);
    const coolInput = { enrollmentId: b.enrollmentId, lessonId: cooled.lessonIds[0], answers: WRONG };
    expect((await api.gql<AttemptResult>(SUBMIT, { input: coolInput }, b.token)).data?.submitQuizAttempt.passed).toBe(
      false,
    );
    const tooSoon = await api.gql(SUBMIT, { input: { ...coolInput, answers: RIGHT } }, b.token);
    expect(tooSoon.errors?.[0].extensions?.code).toBe('QUIZ_COOLDOWN');
    const wait = Number(tooSoon.errors?.[0].extensions?.details?.retryAfterSeconds);
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(tooSoon.errors?.[0].message).toBe(`Vui lòng chờ ${wait} giây trước khi làm lại bài kiểm tra.`);
  });

  it('keeps one learner out of another’s enrollment', async () => {
    const course = await publishedCourse(api, trainer.token, { provinceCode: '73', lessons: 1 });
    const owner = await learnerOn(course);
    const { residentId } = await residentFixture(api, villageId);
    const stranger = await createActor(api, [], { residentId });
    const read = await api.gql(
      `query ($id: ID!) { enrollment(id: $id) { id } }`,
      { id: owner.enrollmentId },
      stranger.token,
    );
    expect(read.errors?.[0].extensions?.code).toBe('ENROLLMENT_NOT_FOUND');
    const view = await api.gql(
      VIEW,
      { enrollmentId: owner.enrollmentId, lessonId: course.lessonIds[0] },
      stranger.token,
    );
    expect(view.errors?.[0].extensions?.code).toBe('ENROLLMENT_NOT_FOUND');
    const noResident = await createActor(api, [[Role.TRAINER, scopes.province('73')]]);
    const enroll = await api.gql(ENROLL, { courseId: course.courseId }, noResident.token);
    expect(enroll.errors?.[0].extensions?.code).toBe('NOT_A_LEARNER');
  });
});
