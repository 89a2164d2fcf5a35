import { Inject, Injectable } from '@nestjs/common';
import { AccessError, AccessErrorCode, type Actor, requireAccount } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  canManageCourse,
  type CourseRow,
  type CourseVersionRow,
  CourseVersionStatus,
  type CourseVersionView,
  findCourseRow,
  isUuid,
  latestVersionRow,
  LESSON_COLUMNS,
  type LessonRow,
  lessonRowsOfVersion,
  type LessonView,
  toLessonView,
  toVersionView,
  VERSION_COLUMNS,
} from './course-records';
import {
  checkCourseFields,
  checkLessonFields,
  checkQuiz,
  checkSlug,
  type CourseFields,
  type CourseFieldsInput,
  type LessonFieldsInput,
  type QuizFields,
  type QuizInput,
} from './course-rules';
import { CoursesError, CoursesErrorCode } from './courses.errors';

export interface CreateCourseInput extends CourseFieldsInput {
  slug: string;
  /** null for a national course (needs a NATION-scope grant) */
  provinceCode?: string | null;
}

export interface SetQuizInput extends QuizInput {
  courseId: string;
  /** the draft lesson whose quiz this is; absent for the course's final quiz */
  lessonId?: string | null;
}

type DraftLessonRow = LessonRow & { status: CourseVersionStatus; province_code: string | null; course_id: string };

/**
 * Editing and publishing courses. Only a draft is ever edited: the first edit after a publish
 * copies version N into draft N+1. Every operation checks COURSES_MANAGE on the course's
 * publishing unit here, and answers COURSE_NOT_FOUND / LESSON_NOT_FOUND outside it.
 */
@Injectable()
export class CourseAuthoringService {
  constructor(
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly em: EntityManager,
  ) {}

  /** A retry (same slug, same unit, still an unpublished first draft) returns the course already created. */
  async createCourse(actor: Actor, input: CreateCourseInput): Promise<CourseVersionView> {
    const account = requireAccount(actor);
    const slug = checkSlug(input.slug);
    const provinceCode = input.provinceCode ?? null;
    if (!canManageCourse(actor, provinceCode)) throw new AccessError(AccessErrorCode.FORBIDDEN);
    const fields = checkCourseFields(input);
    return this.em.transactional(async (em) => {
      if (provinceCode !== null) {
        const [province] = await em.execute(`select code from province where code = ?`, [provinceCode]);
        if (!province) throw new CoursesError(CoursesErrorCode.INVALID_COURSE, { field: 'provinceCode' });
      }
      const [created] = await em.execute<{ id: string }[]>(
        `insert into course (id, slug, province_code, created_by) values (gen_random_uuid(), ?, ?, ?)
         on conflict (slug) do nothing returning id`,
        [slug, provinceCode, account.accountId],
      );
      if (!created) return this.existingFirstDraft(em, slug, provinceCode, fields);
      return toVersionView(await insertVersion(em, created.id, 1, fields, null));
    });
  }

  /** Edits the draft's title, summary, audience, topic and length (starting draft N+1 if needed). */
  async updateCourseDraft(actor: Actor, courseId: string, input: CourseFieldsInput): Promise<CourseVersionView> {
    const fields = checkCourseFields(input);
    return this.em.transactional(async (em) => {
      const draft = await this.editableDraft(em, actor, courseId);
      const [updated] = await em.execute<CourseVersionRow[]>(
        `update course_version v set title = ?, summary = ?, audience = ?, topic = ?, estimated_minutes = ?,
           search_text = ?, updated_at = now() where v.id = ? returning ${VERSION_COLUMNS}`,
        [
          fields.title,
          fields.summary,
          fields.audience,
          fields.topic,
          fields.estimatedMinutes,
          fields.searchText,
          draft.id,
        ],
      );
      return toVersionView(updated);
    });
  }

  /** The course's draft, started from the latest published version when none is open. */
  async startDraft(actor: Actor, courseId: string): Promise<CourseVersionView> {
    return this.em.transactional(async (em) => toVersionView(await this.editableDraft(em, actor, courseId)));
  }

  /** Appends a lesson to the draft. */
  async addLesson(actor: Actor, courseId: string, input: LessonFieldsInput): Promise<LessonView> {
    const fields = checkLessonFields(input);
    return this.em.transactional(async (em) => {
      const draft = await this.editableDraft(em, actor, courseId);
      // One writer per draft at a time, so a retried add finds the lesson its first try made.
      await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [draft.id]);
      const [same] = await em.execute<LessonRow[]>(
        `select ${LESSON_COLUMNS} from lesson l where l.course_version_id = ? and l.title = ?`,
        [draft.id, fields.title],
      );
      if (same) {
        if (!sameLessonContent(same, fields)) {
          throw new CoursesError(CoursesErrorCode.LESSON_TITLE_TAKEN, { field: 'title', lessonId: same.id });
        }
        return toLessonView(same);
      }
      const [lesson] = await em.execute<LessonRow[]>(
        `insert into lesson as l (id, course_version_id, position, title, body_markdown, video_url, attachments)
         select gen_random_uuid(), ?, coalesce(max(position), 0) + 1, ?, ?, ?, ?::jsonb from lesson where course_version_id = ?
         returning ${LESSON_COLUMNS}`,
        [draft.id, fields.title, fields.bodyMarkdown, fields.videoUrl, JSON.stringify(fields.attachments), draft.id],
      );
      await touch(em, draft.id);
      return toLessonView(lesson);
    });
  }

  async updateLesson(actor: Actor, lessonId: string, input: LessonFieldsInput): Promise<LessonView> {
    const fields = checkLessonFields(input);
    return this.em.transactional(async (em) => {
      const lesson = await this.draftLesson(em, actor, lessonId);
      const [clash] = await em.execute<{ id: string }[]>(
        `select id from lesson where course_version_id = ? and title = ? and id <> ?`,
        [lesson.course_version_id, fields.title, lesson.id],
      );
      if (clash) throw new CoursesError(CoursesErrorCode.LESSON_TITLE_TAKEN, { field: 'title', lessonId: clash.id });
      const [updated] = await em.execute<LessonRow[]>(
        `update lesson l set title = ?, body_markdown = ?, video_url = ?, attachments = ?::jsonb where l.id = ?
         returning ${LESSON_COLUMNS}`,
        [fields.title, fields.bodyMarkdown, fields.videoUrl, JSON.stringify(fields.attachments), lesson.id],
      );
      await touch(em, lesson.course_version_id);
      return toLessonView(updated);
    });
  }

  /** Moves a draft lesson to `position` (1-based; clamped to the ends), shifting the others. */
  async moveLesson(actor: Actor, lessonId: string, position: number): Promise<LessonView[]> {
    if (!Number.isInteger(position) || position < 1) {
      throw new CoursesError(CoursesErrorCode.INVALID_LESSON, { field: 'position', reason: 'vị trí bắt đầu từ 1' });
    }
    return this.em.transactional(async (em) => {
      const lesson = await this.draftLesson(em, actor, lessonId);
      const others = (await lessonRowsOfVersion(em, lesson.course_version_id)).filter((row) => row.id !== lesson.id);
      others.splice(Math.min(position, others.length + 1) - 1, 0, lesson);
      await renumber(em, others);
      await touch(em, lesson.course_version_id);
      return (await lessonRowsOfVersion(em, lesson.course_version_id)).map(toLessonView);
    });
  }

  /** Removes a draft lesson; the ones after it move up. Returns the draft's remaining lessons. */
  async removeLesson(actor: Actor, lessonId: string): Promise<LessonView[]> {
    return this.em.transactional(async (em) => {
      const lesson = await this.draftLesson(em, actor, lessonId);
      await em.execute(`delete from lesson where id = ?`, [lesson.id], 'run');
      if (lesson.quiz_id) await deleteUnusedQuiz(em, lesson.quiz_id);
      await renumber(em, await lessonRowsOfVersion(em, lesson.course_version_id));
      await touch(em, lesson.course_version_id);
      return (await lessonRowsOfVersion(em, lesson.course_version_id)).map(toLessonView);
    });
  }

  /**
   * Sets a draft lesson's quiz, or the course's final quiz. Quizzes are immutable rows: a new
   * quiz replaces the old one, so a version that shares the old quiz keeps it unchanged.
   */
  async setQuiz(actor: Actor, input: SetQuizInput): Promise<CourseVersionView> {
    const quiz = checkQuiz(input, {
      maxAttempts: this.config.QUIZ_MAX_ATTEMPTS,
      cooldownSeconds: this.config.QUIZ_RETRY_COOLDOWN_SECONDS,
    });
    return this.em.transactional(async (em) => {
      if (input.lessonId) {
        const lesson = await this.draftLesson(em, actor, input.lessonId);
        if (lesson.course_id !== input.courseId) {
          throw new CoursesError(CoursesErrorCode.LESSON_NOT_FOUND, { id: input.lessonId });
        }
        await em.execute(`update lesson set quiz_id = ? where id = ?`, [await insertQuiz(em, quiz), lesson.id], 'run');
        if (lesson.quiz_id) await deleteUnusedQuiz(em, lesson.quiz_id);
        return toVersionView(await touch(em, lesson.course_version_id));
      }
      const draft = await this.editableDraft(em, actor, input.courseId);
      const quizId = await insertQuiz(em, quiz);
      await em.execute(`update course_version set final_quiz_id = ? where id = ?`, [quizId, draft.id], 'run');
      if (draft.final_quiz_id) await deleteUnusedQuiz(em, draft.final_quiz_id);
      return toVersionView(await touch(em, draft.id));
    });
  }

  /** Takes the quiz off a draft lesson. */
  async removeLessonQuiz(actor: Actor, lessonId: string): Promise<LessonView> {
    return this.em.transactional(async (em) => {
      const lesson = await this.draftLesson(em, actor, lessonId);
      const [updated] = await em.execute<LessonRow[]>(
        `update lesson l set quiz_id = null where l.id = ? returning ${LESSON_COLUMNS}`,
        [lesson.id],
      );
      if (lesson.quiz_id) await deleteUnusedQuiz(em, lesson.quiz_id);
      await touch(em, lesson.course_version_id);
      return toLessonView(updated);
    });
  }

  /**
   * Freezes the draft as the course's published version (audited). Publishing again with no
   * draft open returns the version already published: a retried publish changes nothing.
   */
  async publishCourse(actor: Actor, courseId: string, requestId?: string | null): Promise<CourseVersionView> {
    const account = requireAccount(actor);
    return this.em.transactional(async (em) => {
      const course = await this.manageableCourse(em, actor, courseId);
      const draft = await latestVersionRow(em, course.id, CourseVersionStatus.DRAFT);
      if (!draft) {
        const published = await latestVersionRow(em, course.id, CourseVersionStatus.PUBLISHED);
        if (published) return toVersionView(published);
        throw new CoursesError(CoursesErrorCode.COURSE_NOT_READY, { id: course.id });
      }
      const lessons = await lessonRowsOfVersion(em, draft.id);
      if (lessons.length === 0 || draft.final_quiz_id === null) {
        throw new CoursesError(CoursesErrorCode.COURSE_NOT_READY, {
          id: course.id,
          lessons: lessons.length,
          finalQuiz: draft.final_quiz_id !== null,
        });
      }
      const [published] = await em.execute<CourseVersionRow[]>(
        `update course_version v set status = 'PUBLISHED', published_at = now(), published_by = ?, updated_at = now()
         where v.id = ? returning ${VERSION_COLUMNS}`,
        [account.accountId, draft.id],
      );
      await this.audit.record(em, {
        action: AuditAction.COURSE_PUBLISHED,
        actorAccountId: account.accountId,
        targetType: 'course',
        targetId: course.id,
        requestId,
        details: { courseVersionId: published.id, number: published.number, provinceCode: course.province_code },
      });
      return toVersionView(published);
    });
  }

  /** The course, locked for this transaction, when the actor may manage it; COURSE_NOT_FOUND otherwise. */
  private async manageableCourse(em: EntityManager, actor: Actor, courseId: string): Promise<CourseRow> {
    requireAccount(actor);
    const course = await findCourseRow(em, courseId, true);
    if (!course || !canManageCourse(actor, course.province_code)) {
      throw new CoursesError(CoursesErrorCode.COURSE_NOT_FOUND, { id: courseId });
    }
    return course;
  }

  /** The open draft of a course, or a new draft N+1 copied from published version N. */
  private async editableDraft(em: EntityManager, actor: Actor, courseId: string): Promise<CourseVersionRow> {
    const course = await this.manageableCourse(em, actor, courseId);
    const draft = await latestVersionRow(em, course.id, CourseVersionStatus.DRAFT);
    if (draft) return draft;
    const published = await latestVersionRow(em, course.id, CourseVersionStatus.PUBLISHED);
    if (!published) throw new CoursesError(CoursesErrorCode.COURSE_NOT_FOUND, { id: courseId });
    return copyVersion(em, published);
  }

  /** A lesson of a draft the actor may edit; a published lesson is frozen. */
  private async draftLesson(em: EntityManager, actor: Actor, lessonId: string): Promise<DraftLessonRow> {
    requireAccount(actor);
    const [row] = isUuid(lessonId)
      ? await em.execute<DraftLessonRow[]>(
          `select ${LESSON_COLUMNS}, v.status, v.course_id, c.province_code from lesson l
             join course_version v on v.id = l.course_version_id join course c on c.id = v.course_id
           where l.id = ?`,
          [lessonId],
        )
      : [];
    if (!row || !canManageCourse(actor, row.province_code)) {
      throw new CoursesError(CoursesErrorCode.LESSON_NOT_FOUND, { id: lessonId });
    }
    if (row.status !== CourseVersionStatus.DRAFT) {
      throw new CoursesError(CoursesErrorCode.COURSE_VERSION_PUBLISHED, { lessonId, courseId: row.course_id });
    }
    // Serialises edits of one course, as the course-level operations do.
    await findCourseRow(em, row.course_id, true);
    return row;
  }

  private async existingFirstDraft(
    em: EntityManager,
    slug: string,
    provinceCode: string | null,
    fields: CourseFields,
  ): Promise<CourseVersionView> {
    const [existing] = await em.execute<CourseVersionRow[]>(
      `select ${VERSION_COLUMNS} from course c join course_version v on v.course_id = c.id
        where c.slug = ? and c.province_code is not distinct from ? and v.number = 1 and v.status = 'DRAFT' and v.title = ?
          and not exists (select 1 from course_version w where w.course_id = c.id and w.number > 1)`,
      [slug, provinceCode, fields.title],
    );
    if (!existing) throw new CoursesError(CoursesErrorCode.DUPLICATE_COURSE_SLUG, { slug });
    return toVersionView(existing);
  }
}

export async function insertVersion(
  em: EntityManager,
  courseId: string,
  number: number,
  fields: CourseFields,
  finalQuizId: string | null,
): Promise<CourseVersionRow> {
  const [row] = await em.execute<CourseVersionRow[]>(
    `insert into course_version as v (id, course_id, number, status, title, summary, audience, topic, estimated_minutes,
       final_quiz_id, search_text)
     values (gen_random_uuid(), ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?) returning ${VERSION_COLUMNS}`,
    [
      courseId,
      number,
      fields.title,
      fields.summary,
      fields.audience,
      fields.topic,
      fields.estimatedMinutes,
      finalQuizId,
      fields.searchText,
    ],
  );
  return row;
}

export async function insertQuiz(em: EntityManager, quiz: QuizFields): Promise<string> {
  const [row] = await em.execute<{ id: string }[]>(
    `insert into quiz (id, pass_mark, max_attempts, cooldown_seconds, questions)
     values (gen_random_uuid(), ?, ?, ?, ?::jsonb) returning id`,
    [quiz.passMark, quiz.maxAttempts, quiz.cooldownSeconds, JSON.stringify(quiz.questions)],
  );
  return row.id;
}

/**
 * Draft N+1: the version's fields and its lessons (new ids, the same immutable quizzes). The
 * one-draft index makes a concurrent second copy fail rather than fork the course.
 */
async function copyVersion(em: EntityManager, from: CourseVersionRow): Promise<CourseVersionRow> {
  const [draft] = await em.execute<CourseVersionRow[]>(
    `insert into course_version as v (id, course_id, number, status, title, summary, audience, topic, estimated_minutes,
       final_quiz_id, search_text)
     select gen_random_uuid(), course_id, number + 1, 'DRAFT', title, summary, audience, topic, estimated_minutes,
       final_quiz_id, search_text from course_version where id = ?
     returning ${VERSION_COLUMNS}`,
    [from.id],
  );
  await em.execute(
    `insert into lesson (id, course_version_id, position, title, body_markdown, video_url, attachments, quiz_id)
     select gen_random_uuid(), ?, position, title, body_markdown, video_url, attachments, quiz_id
       from lesson where course_version_id = ?`,
    [draft.id, from.id],
    'run',
  );
  return draft;
}

/** Writes positions 1..n in the given order; the deferred unique key allows the swap. */
async function renumber(em: EntityManager, lessons: readonly Pick<LessonRow, 'id'>[]): Promise<void> {
  if (lessons.length === 0) return;
  await em.execute(
    `update lesson set position = data.position from (values ${lessons.map(() => '(?::uuid, ?::int)').join(', ')})
       as data (id, position) where lesson.id = data.id`,
    lessons.flatMap((lesson, i) => [lesson.id, i + 1]),
    'run',
  );
}

async function touch(em: EntityManager, versionId: string): Promise<CourseVersionRow> {
  const [row] = await em.execute<CourseVersionRow[]>(
    `update course_version v set updated_at = now() where v.id = ? returning ${VERSION_COLUMNS}`,
    [versionId],
  );
  return row;
}

/** A quiz no version, lesson or attempt points at any more (a replaced draft quiz). */
async function deleteUnusedQuiz(em: EntityManager, quizId: string): Promise<void> {
  await em.execute(
    `delete from quiz q where q.id = ?
       and not exists (select 1 from lesson where quiz_id = q.id)
       and not exists (select 1 from course_version where final_quiz_id = q.id)
       and not exists (select 1 from quiz_attempt where quiz_id = q.id)`,
    [quizId],
    'run',
  );
}

/** Whether a stored lesson says exactly what an add request asks for (a retry of that add). */
function sameLessonContent(stored: LessonRow, fields: ReturnType<typeof checkLessonFields>): boolean {
  const attachments = typeof stored.attachments === 'string' ? JSON.parse(stored.attachments) : stored.attachments;
  return (
    stored.body_markdown === fields.bodyMarkdown &&
    stored.video_url === fields.videoUrl &&
    JSON.stringify(attachments) === JSON.stringify(fields.attachments)
  );
}
