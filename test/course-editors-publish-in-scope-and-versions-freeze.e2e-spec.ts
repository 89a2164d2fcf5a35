import { randomUUID } from 'node:crypto';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  ADD_LESSON,
  CREATE_COURSE,
  ENROLL,
  PUBLISH,
  placeFixture,
  publishedCourse,
  residentFixture,
  SET_QUIZ,
  twoQuestions,
} from './fixtures/courses/course-fixtures';

const COURSE = `query ($id: ID!) {
  course(id: $id) {
    id slug provinceCode
    published { id number status title lessons { id position title quiz { passMark questions { index prompt choices } } } finalQuiz { id } }
    draft { id number status title lessons { id position title } }
  }
}`;
const UPDATE_LESSON = `mutation ($lessonId: ID!, $input: LessonInput!) { updateLesson(lessonId: $lessonId, input: $input) { id title } }`;
const UPDATE_DRAFT = `mutation ($courseId: ID!, $input: CourseDraftInput!) { updateCourseDraft(courseId: $courseId, input: $input) { id number status title } }`;
const MOVE = `mutation ($lessonId: ID!, $position: Int!) { moveLesson(lessonId: $lessonId, position: $position) { id position title } }`;
const ENROLLMENT = `query ($id: ID!) { enrollment(id: $id) { id version { number title } lessons { lesson { id title } } } }`;

const draftFields = (title: string) => ({
  title,
  summary: 'Tóm tắt.',
  audience: 'RESIDENTS',
  topic: 'ONLINE_SAFETY',
  estimatedMinutes: 20,
});

describe('editors publish courses in their scope, and a published version never changes', () => {
  let api: ApiHarness;
  let trainer: TestActor;
  let otherTrainer: TestActor;
  let nationalTrainer: TestActor;
  let villageId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    ({ villageId } = await placeFixture(api, '71', '71001'));
    await placeFixture(api, '72', '72001');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('71')]]);
    otherTrainer = await createActor(api, [[Role.TRAINER, scopes.province('72')]]);
    nationalTrainer = await createActor(api, [[Role.TRAINER, scopes.nation()]]);
  });

  afterAll(() => api.close());

  const count = async (table: string) => (await api.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

  it('publishes a province course, audits it, and a retried publish returns the same version', async () => {
    const { courseId, versionId } = await publishedCourse(api, trainer.token, { provinceCode: '71', quizOn: [1] });
    const again = await api.gql<{ publishCourse: { id: string; number: number } }>(
      PUBLISH,
      { courseId },
      trainer.token,
    );
    expect(again.data?.publishCourse).toEqual(expect.objectContaining({ id: versionId, number: 1 }));
    const audit = await api.sql<{ action: string; actor_account_id: string; details: { number: number } }>(
      `select action, actor_account_id, details from audit_log where target_type = 'course' and target_id = ?`,
      [courseId],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'course.published',
        actor_account_id: trainer.accountId,
        details: expect.objectContaining({ number: 1 }),
      }),
    ]);
  });

  it('answers COURSE_NOT_FOUND to an editor of another province, exactly as for a missing course', async () => {
    const { courseId, lessonIds } = await publishedCourse(api, trainer.token, { provinceCode: '71' });
    const outside = await api.gql(UPDATE_DRAFT, { courseId, input: draftFields('Sửa trái phép') }, otherTrainer.token);
    const missing = await api.gql(
      UPDATE_DRAFT,
      { courseId: randomUUID(), input: draftFields('Không có') },
      otherTrainer.token,
    );
    expect(outside.errors?.[0].extensions?.code).toBe('COURSE_NOT_FOUND');
    expect(missing.errors?.[0].extensions?.code).toBe('COURSE_NOT_FOUND');
    expect(outside.errors?.[0].message).toBe(missing.errors?.[0].message);
    const publish = await api.gql(PUBLISH, { courseId }, otherTrainer.token);
    expect(publish.errors?.[0].extensions?.code).toBe('COURSE_NOT_FOUND');
    const lesson = await api.gql(
      UPDATE_LESSON,
      { lessonId: lessonIds[0], input: { title: 'Bài mới', bodyMarkdown: 'x' } },
      otherTrainer.token,
    );
    expect(lesson.errors?.[0].extensions?.code).toBe('LESSON_NOT_FOUND');
    // A national course needs a nation-wide grant; a province grant cannot create one.
    const national = await api.gql(
      CREATE_COURSE,
      { input: { slug: `quoc-gia-${randomUUID().slice(0, 6)}`, ...draftFields('Khóa toàn quốc') } },
      trainer.token,
    );
    expect(national.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byNation = await publishedCourse(api, nationalTrainer.token, { provinceCode: null });
    const viewed = await api.gql<{ course: { provinceCode: string | null } }>(COURSE, { id: byNation.courseId });
    expect(viewed.data?.course.provinceCode).toBeNull();
  });

  it('shows drafts to their editors only: a resident and an anonymous caller get COURSE_NOT_FOUND for a draft-only course', async () => {
    const created = await api.gql<{ createCourse: { courseId: string } }>(
      CREATE_COURSE,
      { input: { slug: `nhap-${randomUUID().slice(0, 8)}`, provinceCode: '71', ...draftFields('Bản nháp bí mật') } },
      trainer.token,
    );
    const courseId = created.data!.createCourse.courseId;
    const { residentId } = await residentFixture(api, villageId);
    const resident = await createActor(api, [], { residentId });
    for (const token of [resident.token, undefined, otherTrainer.token]) {
      const result = await api.gql(COURSE, { id: courseId }, token);
      expect(result.errors?.[0].extensions?.code).toBe('COURSE_NOT_FOUND');
    }
    const enroll = await api.gql(ENROLL, { courseId }, resident.token);
    expect(enroll.errors?.[0].extensions?.code).toBe('COURSE_NOT_FOUND');
    const asEditor = await api.gql<{ course: { draft: { title: string }; published: null } }>(
      COURSE,
      { id: courseId },
      trainer.token,
    );
    expect(asEditor.data?.course).toEqual(
      expect.objectContaining({ published: null, draft: expect.objectContaining({ title: 'Bản nháp bí mật' }) }),
    );
    const list = await api.gql<{ courses: { nodes: { id: string }[] } }>(
      `{ courses(first: 200) { nodes { id } } }`,
      {},
      resident.token,
    );
    expect(list.data?.courses.nodes.map((node) => node.id)).not.toContain(courseId);
    const managed = await api.gql<{ courses: { nodes: { id: string }[] } }>(
      `{ courses(first: 200, managed: true) { nodes { id } } }`,
      {},
      trainer.token,
    );
    expect(managed.data?.courses.nodes.map((node) => node.id)).toContain(courseId);
  });

  it('freezes version N: edits go to draft N+1, and a learner enrolled on N keeps N after N+1 is published', async () => {
    const { courseId, versionId, lessonIds } = await publishedCourse(api, trainer.token, {
      provinceCode: '71',
      lessons: 2,
    });
    const frozen = await api.gql(
      UPDATE_LESSON,
      { lessonId: lessonIds[0], input: { title: 'Sửa thẳng', bodyMarkdown: 'x' } },
      trainer.token,
    );
    expect(frozen.errors?.[0].extensions?.code).toBe('COURSE_VERSION_PUBLISHED');

    const { residentId } = await residentFixture(api, villageId);
    const learner = await createActor(api, [], { residentId });
    const enrolled = await api.gql<{ enroll: { id: string; courseVersionId: string } }>(
      ENROLL,
      { courseId },
      learner.token,
    );
    expect(enrolled.data?.enroll.courseVersionId).toBe(versionId);

    const draft = await api.gql<{ updateCourseDraft: { id: string; number: number; status: string } }>(
      UPDATE_DRAFT,
      { courseId, input: draftFields('Phiên bản hai') },
      trainer.token,
    );
    expect(draft.data?.updateCourseDraft).toEqual(expect.objectContaining({ number: 2, status: 'DRAFT' }));
    const editor = await api.gql<{ course: { draft: { lessons: { id: string; title: string }[] } } }>(
      COURSE,
      { id: courseId },
      trainer.token,
    );
    const draftLessons = editor.data!.course.draft.lessons;
    expect(draftLessons.map((l) => l.title)).toEqual(['Bài 1', 'Bài 2']);
    expect(draftLessons.map((l) => l.id)).not.toContain(lessonIds[0]);
    await api.gql(
      UPDATE_LESSON,
      { lessonId: draftLessons[0].id, input: { title: 'Bài 1 mới', bodyMarkdown: 'Mới.' } },
      trainer.token,
    );
    const moved = await api.gql<{ moveLesson: { title: string; position: number }[] }>(
      MOVE,
      { lessonId: draftLessons[0].id, position: 2 },
      trainer.token,
    );
    expect(moved.data?.moveLesson.map((l) => l.title)).toEqual(['Bài 2', 'Bài 1 mới']);
    const second = await api.gql<{ publishCourse: { id: string; number: number } }>(
      PUBLISH,
      { courseId },
      trainer.token,
    );
    expect(second.data?.publishCourse.number).toBe(2);

    const mine = await api.gql<{
      enrollment: { version: { number: number; title: string }; lessons: { lesson: { title: string } }[] };
    }>(ENROLLMENT, { id: enrolled.data!.enroll.id }, learner.token);
    expect(mine.data?.enrollment.version.number).toBe(1);
    expect(mine.data?.enrollment.lessons.map((l) => l.lesson.title)).toEqual(['Bài 1', 'Bài 2']);
    const again = await api.gql<{ enroll: { courseVersionId: string } }>(ENROLL, { courseId }, learner.token);
    expect(again.data?.enroll.courseVersionId).toBe(versionId);

    const { residentId: newcomerId } = await residentFixture(api, villageId);
    const newcomer = await createActor(api, [], { residentId: newcomerId });
    const fresh = await api.gql<{ enroll: { courseVersionId: string } }>(ENROLL, { courseId }, newcomer.token);
    expect(fresh.data?.enroll.courseVersionId).toBe(second.data?.publishCourse.id);
    const publicView = await api.gql<{
      course: { published: { number: number; lessons: { title: string }[] }; draft: null };
    }>(COURSE, { id: courseId });
    expect(publicView.data?.course.published.number).toBe(2);
    expect(publicView.data?.course.published.lessons.map((l) => l.title)).toEqual(['Bài 2', 'Bài 1 mới']);
    expect(publicView.data?.course.draft).toBeNull();
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const created = await api.gql<{ createCourse: { courseId: string } }>(
      CREATE_COURSE,
      {
        input: { slug: `dau-vao-${randomUUID().slice(0, 8)}`, provinceCode: '71', ...draftFields('Kiểm tra đầu vào') },
      },
      trainer.token,
    );
    const courseId = created.data!.createCourse.courseId;
    const lesson = await api.gql<{ addLesson: { id: string } }>(
      ADD_LESSON,
      { courseId, input: { title: 'Bài một', bodyMarkdown: 'x' } },
      trainer.token,
    );
    const lessonId = lesson.data!.addLesson.id;
    const before = await Promise.all(['course', 'course_version', 'lesson', 'quiz'].map(count));
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        CREATE_COURSE,
        { input: { slug: 'Có Dấu', provinceCode: '71', ...draftFields('Tên hợp lệ') } },
        'INVALID_COURSE',
        'slug',
      ],
      [
        CREATE_COURSE,
        { input: { slug: `ok-${randomUUID().slice(0, 6)}`, provinceCode: '71', ...draftFields('x') } },
        'INVALID_COURSE',
        'title',
      ],
      [
        CREATE_COURSE,
        {
          input: {
            slug: `ok-${randomUUID().slice(0, 6)}`,
            provinceCode: '71',
            ...draftFields('Tên hợp lệ'),
            estimatedMinutes: 0,
          },
        },
        'INVALID_COURSE',
        'estimatedMinutes',
      ],
      [
        ADD_LESSON,
        { courseId, input: { title: 'Bài có video', bodyMarkdown: 'x', videoUrl: 'javascript:alert(1)' } },
        'INVALID_LESSON',
        'videoUrl',
      ],
      [
        ADD_LESSON,
        {
          courseId,
          input: { title: 'Bài có tệp', bodyMarkdown: 'x', attachments: [{ name: 'Tệp', url: 'file:///etc/passwd' }] },
        },
        'INVALID_LESSON',
        'attachments[0].url',
      ],
      [ADD_LESSON, { courseId, input: { title: 'Bài trống', bodyMarkdown: '   ' } }, 'INVALID_LESSON', 'bodyMarkdown'],
      [SET_QUIZ, { input: { courseId, ...twoQuestions({ passMark: 0 }) } }, 'INVALID_QUIZ', 'passMark'],
      [SET_QUIZ, { input: { courseId, ...twoQuestions({ passMark: 101 }) } }, 'INVALID_QUIZ', 'passMark'],
      [
        SET_QUIZ,
        { input: { courseId, passMark: 50, questions: [{ prompt: 'Một lựa chọn?', choices: ['Có'], correct: [0] }] } },
        'INVALID_QUIZ',
        'questions[0].choices',
      ],
      [
        SET_QUIZ,
        {
          input: {
            courseId,
            passMark: 50,
            questions: [{ prompt: 'Ngoài khoảng?', choices: ['A', 'B'], correct: [2] }],
          },
        },
        'INVALID_QUIZ',
        'questions[0].correct',
      ],
      [
        SET_QUIZ,
        {
          input: { courseId, passMark: 50, questions: [{ prompt: 'Không đáp án?', choices: ['A', 'B'], correct: [] }] },
        },
        'INVALID_QUIZ',
        'questions[0].correct',
      ],
      [SET_QUIZ, { input: { courseId, passMark: 50, questions: [] } }, 'INVALID_QUIZ', 'questions'],
      [
        SET_QUIZ,
        { input: { courseId, lessonId, ...twoQuestions({ cooldownSeconds: -1 }) } },
        'INVALID_QUIZ',
        'cooldownSeconds',
      ],
      [PUBLISH, { courseId }, 'COURSE_NOT_READY', ''],
    ];
    for (const [query, variables, code, field] of cases) {
      const result = await api.gql(query, variables, trainer.token);
      const error = result.errors?.[0];
      expect([field, error?.extensions?.code, error?.extensions?.details?.field ?? '']).toEqual([field, code, field]);
      expect(error?.message).toMatch(/[ạảãáàâăêôơưđ]/);
    }
    expect(await Promise.all(['course', 'course_version', 'lesson', 'quiz'].map(count))).toEqual(before);
  });

  it('a retried createCourse returns the same course; another course with the slug is refused', async () => {
    const input = { slug: `lap-lai-${randomUUID().slice(0, 8)}`, provinceCode: '71', ...draftFields('Tạo hai lần') };
    const first = await api.gql<{ createCourse: { courseId: string } }>(CREATE_COURSE, { input }, trainer.token);
    const second = await api.gql<{ createCourse: { courseId: string } }>(CREATE_COURSE, { input }, trainer.token);
    expect(second.data?.createCourse.courseId).toBe(first.data?.createCourse.courseId);
    const other = await api.gql(CREATE_COURSE, { input: { ...input, title: 'Khóa khác hẳn' } }, trainer.token);
    expect(other.errors?.[0].extensions?.code).toBe('DUPLICATE_COURSE_SLUG');
  });

  it('a retried addLesson returns the same lesson, even when sent twice at once; another lesson with the title is refused', async () => {
    const input = { slug: `bai-lap-${randomUUID().slice(0, 8)}`, provinceCode: '71', ...draftFields('Bài gửi lại') };
    const created = await api.gql<{ createCourse: { courseId: string } }>(CREATE_COURSE, { input }, trainer.token);
    const courseId = created.data!.createCourse.courseId;
    const lesson = { title: 'Cài đặt ứng dụng', bodyMarkdown: 'Mở **CH Play**, tìm ứng dụng.' };

    const [first, second] = await Promise.all([
      api.gql<{ addLesson: { id: string } }>(ADD_LESSON, { courseId, input: lesson }, trainer.token),
      api.gql<{ addLesson: { id: string } }>(ADD_LESSON, { courseId, input: lesson }, trainer.token),
    ]);
    const third = await api.gql<{ addLesson: { id: string } }>(ADD_LESSON, { courseId, input: lesson }, trainer.token);
    const clash = await api.gql(
      ADD_LESSON,
      { courseId, input: { ...lesson, bodyMarkdown: 'Một nội dung khác.' } },
      trainer.token,
    );

    expect(first.errors).toBeUndefined();
    expect(second.data?.addLesson.id).toBe(first.data?.addLesson.id);
    expect(third.data?.addLesson.id).toBe(first.data?.addLesson.id);
    expect(clash.errors?.[0].extensions?.code).toBe('LESSON_TITLE_TAKEN');
    const rows = await api.sql<{ n: number }>(
      `select count(*)::int as n from lesson l join course_version v on v.id = l.course_version_id where v.course_id = ?`,
      [courseId],
    );
    expect(rows[0].n).toBe(1);
  });
});
