import { Injectable } from '@nestjs/common';
import { type Actor, Permission, ScopeKind, scopesWith } from '@hocvuso/access';
import { decodeCursor, MAX_PAGE_SIZE, type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { searchTokens } from '@hocvuso/geography';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CourseAudience, CourseTopic } from './entities/course.entity';
import type { QuizQuestionData } from './entities/quiz.entity';
import {
  canManageCourse,
  COURSE_COLUMNS,
  type CourseDetails,
  type CourseRow,
  type CourseVersionRow,
  CourseVersionStatus,
  type CourseVersionView,
  findCourseRow,
  fromJson,
  isUuid,
  LESSON_COLUMNS,
  type LessonRow,
  type LessonView,
  placeholders,
  QUIZ_COLUMNS,
  type QuizRow,
  type QuizView,
  toCourseView,
  toLessonView,
  toQuizView,
  toVersionView,
  VERSION_COLUMNS,
} from './course-records';
import { CoursesError, CoursesErrorCode } from './courses.errors';

/** What only a course's editors see of a question. */
export interface QuizAnswerKey {
  index: number;
  correct: number[];
  explanation: string | null;
}

export interface CourseFilter {
  audience?: CourseAudience | null;
  topic?: CourseTopic | null;
  /** accent- and case-insensitive, over title and summary */
  search?: string | null;
  /** the courses the caller edits (drafts included) instead of the published catalog */
  managed?: boolean | null;
}

/**
 * Reading the catalog. Everyone, signed in or not, sees published courses (their latest
 * published version); editors also see drafts of the courses in their scope. A draft-only
 * course is COURSE_NOT_FOUND for anybody else.
 */
@Injectable()
export class CourseCatalogService {
  constructor(private readonly em: EntityManager) {}

  async getCourse(actor: Actor, id: string): Promise<CourseDetails> {
    const course = await findCourseRow(this.em, id);
    if (!course) throw new CoursesError(CoursesErrorCode.COURSE_NOT_FOUND, { id });
    const [details] = await this.details(actor, [course]);
    if (!details.published && !details.draft) throw new CoursesError(CoursesErrorCode.COURSE_NOT_FOUND, { id });
    return details;
  }

  /** Ordered by title (folded), keyset-paginated. */
  async listCourses(actor: Actor, filter: CourseFilter, page: PageArgs): Promise<Page<CourseDetails>> {
    const after = cursorKey(page);
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.managed) {
      const scopes = scopesWith(actor, Permission.COURSES_MANAGE);
      if (!scopes.some((scope) => scope.kind === ScopeKind.NATION)) {
        const provinces = [...new Set(scopes.map((scope) => scope.provinceCode).filter((code) => code !== null))];
        if (provinces.length === 0) return { items: [], totalCount: 0, hasNextPage: false, endCursor: null };
        conditions.push(`c.province_code in (${placeholders(provinces.length)})`);
        params.push(...provinces);
      }
    }
    if (filter.audience) {
      conditions.push('v.audience = ?');
      params.push(filter.audience);
    }
    if (filter.topic) {
      conditions.push('v.topic = ?');
      params.push(filter.topic);
    }
    for (const token of searchTokens(filter.search ?? '')) {
      conditions.push('v.search_text like ?');
      params.push(`%${token}%`);
    }
    const status = filter.managed ? '' : `where status = 'PUBLISHED'`;
    const from = `course c join (select distinct on (course_id) * from course_version ${status}
        order by course_id, number desc) v on v.course_id = c.id`;
    const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
    const [{ total }] = await this.em.execute<{ total: number }[]>(
      `select count(*)::int as total from ${from} ${where}`,
      params,
    );
    const keyset = after ? `${where ? `${where} and` : 'where'} (v.search_text, c.id) > (?, ?::uuid)` : where;
    const rows = await this.em.execute<(CourseRow & { search_text: string })[]>(
      `select ${COURSE_COLUMNS}, v.search_text from ${from} ${keyset} order by v.search_text, c.id limit ?`,
      [...params, ...(after ?? []), page.first + 1],
    );
    const details = await this.details(actor, rows);
    const sortKeys = new Map(rows.map((row) => [row.id, row.search_text]));
    return toPage(details, page.first, total, (item) => [sortKeys.get(item.course.id)!, item.course.id]);
  }

  /** Versions by id, for nested fields of things the caller was already allowed to see. */
  async versions(ids: readonly string[]): Promise<(CourseVersionView | null)[]> {
    const valid = ids.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.em.execute<CourseVersionRow[]>(
            `select ${VERSION_COLUMNS} from course_version v where v.id in (${placeholders(valid.length)})`,
            valid,
          );
    const byId = new Map(rows.map((row) => [row.id, toVersionView(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async lessonsOfVersions(versionIds: readonly string[]): Promise<LessonView[][]> {
    const valid = versionIds.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.em.execute<LessonRow[]>(
            `select ${LESSON_COLUMNS} from lesson l where l.course_version_id in (${placeholders(valid.length)})
             order by l.position`,
            valid,
          );
    return versionIds.map((id) => rows.filter((row) => row.course_version_id === id).map(toLessonView));
  }

  /** Quizzes without their answer keys. */
  async quizzes(ids: readonly string[]): Promise<(QuizView | null)[]> {
    const valid = ids.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.em.execute<QuizRow[]>(
            `select ${QUIZ_COLUMNS} from quiz q where q.id in (${placeholders(valid.length)})`,
            valid,
          );
    const byId = new Map(rows.map((row) => [row.id, toQuizView(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * The answer key of each quiz for its course's editors, null for everybody else: learners never
   * get it through this or any other field.
   */
  async answerKeys(actor: Actor, quizIds: readonly string[]): Promise<(QuizAnswerKey[] | null)[]> {
    const valid = quizIds.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.em.execute<{ id: string; questions: QuizQuestionData[] | string; province_code: string | null }[]>(
            `select distinct q.id, q.questions, c.province_code from quiz q
               join course_version v on v.final_quiz_id = q.id
                 or v.id in (select course_version_id from lesson where quiz_id = q.id)
               join course c on c.id = v.course_id
             where q.id in (${placeholders(valid.length)})`,
            valid,
          );
    return quizIds.map((id) => {
      const row = rows.find((r) => r.id === id && canManageCourse(actor, r.province_code));
      return row
        ? fromJson(row.questions).map((question, index) => ({
            index,
            correct: question.correct,
            explanation: question.explanation,
          }))
        : null;
    });
  }

  /** The published version of each course, and the draft where the caller may edit the course. */
  private async details(actor: Actor, courses: readonly CourseRow[]): Promise<CourseDetails[]> {
    if (courses.length === 0) return [];
    const rows = await this.em.execute<CourseVersionRow[]>(
      `select distinct on (v.course_id, v.status) ${VERSION_COLUMNS} from course_version v
        where v.course_id in (${placeholders(courses.length)}) order by v.course_id, v.status, v.number desc`,
      courses.map((course) => course.id),
    );
    return courses.map((course) => {
      const of = (status: CourseVersionStatus) =>
        rows.find((row) => row.course_id === course.id && row.status === status);
      const published = of(CourseVersionStatus.PUBLISHED);
      const draft = canManageCourse(actor, course.province_code) ? of(CourseVersionStatus.DRAFT) : undefined;
      return {
        course: toCourseView(course),
        published: published ? toVersionView(published) : null,
        draft: draft ? toVersionView(draft) : null,
      };
    });
  }
}

function cursorKey(page: PageArgs): string[] | null {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
    throw new CoursesError(CoursesErrorCode.INVALID_PAGE, { first: page.first });
  }
  if (!page.after) return null;
  const key = decodeCursor(page.after, 2);
  if (!key || !isUuid(key[1])) throw new CoursesError(CoursesErrorCode.INVALID_PAGE);
  return key;
}
