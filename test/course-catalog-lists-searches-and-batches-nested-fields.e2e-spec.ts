import { randomUUID } from 'node:crypto';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  CREATE_COURSE,
  ENROLL,
  placeFixture,
  publishedCourse,
  residentFixture,
  SET_QUIZ,
  twoQuestions,
} from './fixtures/courses/course-fixtures';

const LIST = `query ($search: String, $topic: CourseTopic, $audience: CourseAudience, $first: Int!, $after: String) {
  courses(search: $search, topic: $topic, audience: $audience, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id published { title topic audience } }
  }
}`;
const ANSWER_KEY = `query ($id: ID!) { course(id: $id) { published { finalQuiz { answerKey { index correct explanation } } } } }`;
const MY_ENROLLMENTS = `{ myEnrollments(first: 50) { totalCount nodes { id completedAt
  version { number title lessons { id title quiz { passMark questions { prompt choices } } } finalQuiz { id } }
  lessons { done unlocked lesson { id quiz { id } } } finalQuizPassedAt } } }`;

interface ListResult {
  courses: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; published: { title: string } }[];
  };
}

describe('the course catalog lists, searches, shows answer keys to editors only, and batches nested fields', () => {
  let api: ApiHarness;
  let trainer: TestActor;
  let villageId: string;
  const marker = `z${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    api = await ApiHarness.start();
    ({ villageId } = await placeFixture(api, '77', '77001'));
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('77')]]);
  });

  afterAll(() => api.close());

  async function course(title: string, topic: string, audience: string): Promise<string> {
    const created = await api.gql<{ createCourse: { courseId: string } }>(
      CREATE_COURSE,
      {
        input: {
          slug: `ds-${randomUUID().slice(0, 8)}`,
          provinceCode: '77',
          title,
          summary: `Mã ${marker}`,
          audience,
          topic,
          estimatedMinutes: 15,
        },
      },
      trainer.token,
    );
    const courseId = created.data!.createCourse.courseId;
    await api.gql(
      `mutation ($courseId: ID!) { addLesson(courseId: $courseId, input: { title: "Bài một", bodyMarkdown: "x" }) { id } }`,
      { courseId },
      trainer.token,
    );
    await api.gql(SET_QUIZ, { input: { courseId, ...twoQuestions() } }, trainer.token);
    await api.gql(
      `mutation ($courseId: ID!) { publishCourse(courseId: $courseId) { id } }`,
      { courseId },
      trainer.token,
    );
    return courseId;
  }

  it('finds courses accent- and case-insensitively, filters by topic and audience, and pages with a cursor', async () => {
    await course('An toàn trên mạng cho người cao tuổi', 'ONLINE_SAFETY', 'RESIDENTS');
    await course('Chữ ký số cá nhân', 'DIGITAL_SIGNATURES', 'RESIDENTS');
    await course('Nhận diện lừa đảo qua điện thoại', 'ONLINE_SAFETY', 'PUBLIC_SERVANTS');

    const folded = await api.gql<ListResult>(LIST, { search: `AN TOAN ${marker}`, first: 10 });
    expect(folded.data?.courses.nodes.map((n) => n.published.title)).toEqual(['An toàn trên mạng cho người cao tuổi']);
    const safety = await api.gql<ListResult>(LIST, { search: marker, topic: 'ONLINE_SAFETY', first: 10 });
    expect(safety.data?.courses.totalCount).toBe(2);
    const servants = await api.gql<ListResult>(LIST, { search: marker, audience: 'PUBLIC_SERVANTS', first: 10 });
    expect(servants.data?.courses.nodes.map((n) => n.published.title)).toEqual(['Nhận diện lừa đảo qua điện thoại']);

    const titles: string[] = [];
    let after: string | null = null;
    do {
      const page: ListResult = (await api.gql<ListResult>(LIST, { search: marker, first: 1, after })).data!;
      expect(page.courses.totalCount).toBe(3);
      titles.push(...page.courses.nodes.map((n) => n.published.title));
      after = page.courses.pageInfo.hasNextPage ? page.courses.pageInfo.endCursor : null;
    } while (after);
    expect(titles).toEqual([
      'An toàn trên mạng cho người cao tuổi',
      'Chữ ký số cá nhân',
      'Nhận diện lừa đảo qua điện thoại',
    ]);
    const bad = await api.gql(LIST, { first: 0 });
    expect(bad.errors?.[0].extensions?.code).toBe('INVALID_PAGE');
    const badCursor = await api.gql(LIST, { first: 5, after: 'not-a-cursor' });
    expect(badCursor.errors?.[0].extensions?.code).toBe('INVALID_PAGE');
  });

  it('gives the answer key to the course’s editors and null to learners and other editors', async () => {
    const { courseId } = await publishedCourse(api, trainer.token, { provinceCode: '77', lessons: 1 });
    const { residentId } = await residentFixture(api, villageId);
    const learner = await createActor(api, [], { residentId });
    const otherEditor = await createActor(api, [[Role.TRAINER, scopes.province('78')]]);
    const forEditor = await api.gql<{ course: { published: { finalQuiz: { answerKey: unknown } } } }>(
      ANSWER_KEY,
      { id: courseId },
      trainer.token,
    );
    expect(forEditor.data?.course.published.finalQuiz.answerKey).toEqual([
      { index: 0, correct: [1], explanation: 'Cần xác minh trực tiếp.' },
      { index: 1, correct: [0, 2], explanation: null },
    ]);
    for (const token of [learner.token, otherEditor.token, undefined]) {
      const result = await api.gql<{ course: { published: { finalQuiz: { answerKey: unknown } } } }>(
        ANSWER_KEY,
        { id: courseId },
        token,
      );
      expect(result.data?.course.published.finalQuiz.answerKey).toBeNull();
    }
  });

  it('answers a resident’s enrollments with nested versions, lessons, quizzes and progress in a fixed number of queries', async () => {
    const { residentId } = await residentFixture(api, villageId);
    const learner = await createActor(api, [], { residentId });
    const enrollIn = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const { courseId } = await publishedCourse(api, trainer.token, { provinceCode: '77', lessons: 2, quizOn: [0] });
        await api.gql(ENROLL, { courseId }, learner.token);
      }
    };
    await enrollIn(1);
    const one = await api.countQueries(() => api.gql(MY_ENROLLMENTS, {}, learner.token));
    await enrollIn(3);
    let result: { data?: { myEnrollments: { totalCount: number } } | null } = {};
    const four = await api.countQueries(async () => {
      result = await api.gql(MY_ENROLLMENTS, {}, learner.token);
    });
    expect(result.data?.myEnrollments.totalCount).toBe(4);
    expect(one).toBeGreaterThan(3);
    expect(four).toBe(one);
  });
});
