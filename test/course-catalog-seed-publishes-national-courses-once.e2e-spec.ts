import { randomBytes } from 'node:crypto';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions, dropDatabase, ensureDatabase, migrateUp } from '@hocvuso/database';
import { MikroORM } from '@mikro-orm/postgresql';
import { CatalogSeeder, loadCatalog } from '../prisma-seeds';
import { seedCatalog, type SeedCourse } from '../prisma-seeds/catalog';

const tiny: SeedCourse = {
  slug: 'khoa-nho-thu-nghiem',
  title: 'Khóa nhỏ để thử bộ nạp',
  summary: 'Một khóa học ngắn chỉ dùng trong kiểm thử.',
  audience: 'STUDENTS',
  topic: 'AI_TOOLS',
  estimatedMinutes: 10,
  lessons: [
    { title: 'Bài đầu tiên', bodyMarkdown: 'Nội dung bài một.' },
    {
      title: 'Bài thứ hai',
      bodyMarkdown: 'Nội dung bài hai.',
      videoUrl: 'https://example.org/video',
      quiz: { passMark: 50, questions: [{ prompt: 'Đúng hay sai?', choices: ['Đúng', 'Sai'], correct: [0] }] },
    },
  ],
  finalQuiz: {
    passMark: 80,
    questions: [{ prompt: 'Chọn đáp án đúng', choices: ['A', 'B', 'C'], correct: [2], explanation: 'Vì C đúng.' }],
  },
};

/** The seed catalog loader on a database of its own: what it writes, and that a re-run writes nothing. */
describe('course catalog seed', () => {
  const url = new URL(loadConfig().DATABASE_URL);
  url.pathname = `/hocvuso_catalog_${randomBytes(4).toString('hex')}`;
  const config = { DATABASE_URL: url.toString(), DATABASE_POOL_MAX: 2 };
  let orm: MikroORM;
  const sql = <R>(text: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<R[]>(text, params);
  const counts = async () =>
    (
      await sql<Record<string, number>>(
        `select (select count(*)::int from course) as courses, (select count(*)::int from course_version) as versions,
                (select count(*)::int from lesson) as lessons, (select count(*)::int from quiz) as quizzes`,
      )
    )[0];

  beforeAll(async () => {
    await ensureDatabase(config);
    await migrateUp(config);
    orm = await MikroORM.init(createOrmOptions(config));
  });

  afterAll(async () => {
    await orm?.close(true);
    await dropDatabase(config);
  });

  it('loads a course as a published national version 1 with its lessons and quizzes, once', async () => {
    const defaults = { maxAttempts: 3, cooldownSeconds: 30 };
    expect(await loadCatalog(orm.em.fork(), [tiny], defaults)).toEqual({ created: 1, unchanged: 0 });
    expect(await loadCatalog(orm.em.fork(), [tiny], defaults)).toEqual({ created: 0, unchanged: 1 });
    expect(await counts()).toEqual({ courses: 1, versions: 1, lessons: 2, quizzes: 2 });
    const [version] = await sql<Record<string, unknown>>(
      `select c.province_code, v.number, v.status, v.audience, v.topic, v.published_at is not null as published,
              q.pass_mark, q.max_attempts, q.cooldown_seconds, q.questions
         from course c join course_version v on v.course_id = c.id join quiz q on q.id = v.final_quiz_id where c.slug = ?`,
      [tiny.slug],
    );
    expect(version).toEqual({
      province_code: null,
      number: 1,
      status: 'PUBLISHED',
      audience: 'STUDENTS',
      topic: 'AI_TOOLS',
      published: true,
      pass_mark: 80,
      max_attempts: 3,
      cooldown_seconds: 30,
      questions: [{ prompt: 'Chọn đáp án đúng', choices: ['A', 'B', 'C'], correct: [2], explanation: 'Vì C đúng.' }],
    });
    const lessons = await sql<{ position: number; title: string; video_url: string | null; has_quiz: boolean }>(
      `select l.position, l.title, l.video_url, l.quiz_id is not null as has_quiz from lesson l order by l.position`,
    );
    expect(lessons).toEqual([
      { position: 1, title: 'Bài đầu tiên', video_url: null, has_quiz: false },
      { position: 2, title: 'Bài thứ hai', video_url: 'https://example.org/video', has_quiz: true },
    ]);
  });

  it('refuses a broken course before writing anything, naming the slug and the rule', async () => {
    const before = await counts();
    const broken: SeedCourse = { ...tiny, slug: 'khoa-hong', finalQuiz: { passMark: 0, questions: [] } };
    await expect(loadCatalog(orm.em.fork(), [broken])).rejects.toThrow(/khoa-hong.*passMark/);
    expect(await counts()).toEqual(before);
  });

  it('the seeder loads the whole written catalog, and a second run creates nothing', async () => {
    const before = await counts();
    await orm.seeder.seed(CatalogSeeder);
    const after = await counts();
    expect(after.courses - before.courses).toBe(seedCatalog.length);
    expect(await loadCatalog(orm.em.fork())).toEqual({ created: 0, unchanged: seedCatalog.length });
    expect(await counts()).toEqual(after);
    const published = await sql<{ n: number }>(
      `select count(*)::int as n from course c join course_version v on v.course_id = c.id
        where v.status = 'PUBLISHED' and c.province_code is null and c.slug in (${seedCatalog.map(() => '?').join(', ')})`,
      seedCatalog.map((course) => course.slug),
    );
    expect(published[0].n).toBe(seedCatalog.length);
  });
});
