import { type Actor, can, NATION, Permission, provinceScope, type Scope } from '@hocvuso/access';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CourseAudience, type CourseTopic, CourseVersionStatus } from './entities/course.entity';
import type { LessonAttachment } from './entities/lesson.entity';
import type { QuizQuestionData } from './entities/quiz.entity';

export interface CourseView {
  id: string;
  slug: string;
  /** the publishing unit; null for a national course */
  provinceCode: string | null;
  createdAt: Date;
}

export interface CourseVersionView {
  id: string;
  courseId: string;
  number: number;
  status: CourseVersionStatus;
  title: string;
  summary: string;
  audience: CourseAudience;
  topic: CourseTopic;
  estimatedMinutes: number;
  finalQuizId: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  updatedAt: Date;
}

/** A course as one caller may see it: the published version, and the draft for its editors. */
export interface CourseDetails {
  course: CourseView;
  published: CourseVersionView | null;
  draft: CourseVersionView | null;
}

export interface LessonView {
  id: string;
  courseVersionId: string;
  position: number;
  title: string;
  bodyMarkdown: string;
  videoUrl: string | null;
  attachments: LessonAttachment[];
  quizId: string | null;
}

/** What a learner sees of a question: no correct choices, no explanation. */
export interface QuizQuestionView {
  index: number;
  prompt: string;
  choices: string[];
}

export interface QuizView {
  id: string;
  passMark: number;
  maxAttempts: number;
  cooldownSeconds: number;
  questions: QuizQuestionView[];
}

export interface CourseRow {
  id: string;
  slug: string;
  province_code: string | null;
  created_at: Date | string;
}

export interface CourseVersionRow {
  id: string;
  course_id: string;
  number: number;
  status: CourseVersionStatus;
  title: string;
  summary: string;
  audience: CourseAudience;
  topic: CourseTopic;
  estimated_minutes: number;
  final_quiz_id: string | null;
  published_at: Date | string | null;
  published_by: string | null;
  updated_at: Date | string;
}

export interface LessonRow {
  id: string;
  course_version_id: string;
  position: number;
  title: string;
  body_markdown: string;
  video_url: string | null;
  attachments: LessonAttachment[] | string;
  quiz_id: string | null;
}

export interface QuizRow {
  id: string;
  pass_mark: number;
  max_attempts: number;
  cooldown_seconds: number;
  questions: QuizQuestionData[] | string;
}

export const COURSE_COLUMNS = 'c.id, c.slug, c.province_code, c.created_at';
export const VERSION_COLUMNS = `v.id, v.course_id, v.number, v.status, v.title, v.summary, v.audience, v.topic,
  v.estimated_minutes, v.final_quiz_id, v.published_at, v.published_by, v.updated_at`;
export const LESSON_COLUMNS =
  'l.id, l.course_version_id, l.position, l.title, l.body_markdown, l.video_url, l.attachments, l.quiz_id';
export const QUIZ_COLUMNS = 'q.id, q.pass_mark, q.max_attempts, q.cooldown_seconds, q.questions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** Raw queries may return timestamps as PostgreSQL text ("2026-11-22 06:12:31.2+00"). */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

export function toDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

/** jsonb columns come back parsed from the driver, but text from some code paths. */
export function fromJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export function toCourseView(row: CourseRow): CourseView {
  return { id: row.id, slug: row.slug, provinceCode: row.province_code, createdAt: toDate(row.created_at) };
}

export function toVersionView(row: CourseVersionRow): CourseVersionView {
  return {
    id: row.id,
    courseId: row.course_id,
    number: row.number,
    status: row.status,
    title: row.title,
    summary: row.summary,
    audience: row.audience,
    topic: row.topic,
    estimatedMinutes: row.estimated_minutes,
    finalQuizId: row.final_quiz_id,
    publishedAt: toDateOrNull(row.published_at),
    publishedBy: row.published_by,
    updatedAt: toDate(row.updated_at),
  };
}

export function toLessonView(row: LessonRow): LessonView {
  return {
    id: row.id,
    courseVersionId: row.course_version_id,
    position: row.position,
    title: row.title,
    bodyMarkdown: row.body_markdown,
    videoUrl: row.video_url,
    attachments: fromJson(row.attachments),
    quizId: row.quiz_id,
  };
}

/** The learner's view of a quiz: the answer key stays on the server. */
export function toQuizView(row: QuizRow): QuizView {
  return {
    id: row.id,
    passMark: row.pass_mark,
    maxAttempts: row.max_attempts,
    cooldownSeconds: row.cooldown_seconds,
    questions: fromJson(row.questions).map((question, index) => ({
      index,
      prompt: question.prompt,
      choices: question.choices,
    })),
  };
}

/** Where a course is managed: its province, or the nation for a national course. */
export function courseScope(provinceCode: string | null): Scope {
  return provinceCode === null ? NATION : provinceScope(provinceCode);
}

export function canManageCourse(actor: Actor, provinceCode: string | null): boolean {
  return can(actor, Permission.COURSES_MANAGE, courseScope(provinceCode));
}

export async function findCourseRow(em: EntityManager, id: string, lock = false): Promise<CourseRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await em.execute<CourseRow[]>(
    `select ${COURSE_COLUMNS} from course c where c.id = ?${lock ? ' for update' : ''}`,
    [id],
  );
  return row ?? null;
}

export async function latestVersionRow(
  em: EntityManager,
  courseId: string,
  status: CourseVersionStatus,
): Promise<CourseVersionRow | null> {
  const [row] = await em.execute<CourseVersionRow[]>(
    `select ${VERSION_COLUMNS} from course_version v where v.course_id = ? and v.status = ? order by v.number desc limit 1`,
    [courseId, status],
  );
  return row ?? null;
}

export async function findVersionRow(em: EntityManager, id: string): Promise<CourseVersionRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await em.execute<CourseVersionRow[]>(`select ${VERSION_COLUMNS} from course_version v where v.id = ?`, [
    id,
  ]);
  return row ?? null;
}

export async function lessonRowsOfVersion(em: EntityManager, versionId: string): Promise<LessonRow[]> {
  return em.execute<LessonRow[]>(
    `select ${LESSON_COLUMNS} from lesson l where l.course_version_id = ? order by l.position`,
    [versionId],
  );
}

export async function findQuizRow(em: EntityManager, id: string): Promise<QuizRow | null> {
  const [row] = await em.execute<QuizRow[]>(`select ${QUIZ_COLUMNS} from quiz q where q.id = ?`, [id]);
  return row ?? null;
}

export { CourseVersionStatus };
