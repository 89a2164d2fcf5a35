import type { IssueCertificatePayload } from '@hocvuso/jobs';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  isUuid,
  LESSON_COLUMNS,
  type LessonRow,
  type LessonView,
  placeholders,
  toDate,
  toDateOrNull,
  toLessonView,
} from './course-records';
import { LearningSource } from './entities/enrollment.entity';

export interface EnrollmentView {
  id: string;
  residentId: string;
  courseId: string;
  courseVersionId: string;
  enrolledAt: Date;
  completedAt: Date | null;
}

export interface EnrollmentRow {
  id: string;
  resident_id: string;
  course_id: string;
  course_version_id: string;
  enrolled_at: Date | string;
  completed_at: Date | string | null;
  /** exact text of enrolled_at (microseconds), the pagination key */
  sort_at?: string;
}

/** A lesson of an enrollment with the learner's progress on it. */
export interface LessonState {
  enrollmentId: string;
  lesson: LessonView;
  viewedAt: Date | null;
  quizPassedAt: Date | null;
  completedAt: Date | null;
  source: LearningSource | null;
  assistedBy: string | null;
  consentId: string | null;
  liveClassId: string | null;
  done: boolean;
  /** the first lesson, or every lesson before it is done */
  unlocked: boolean;
}

/** Who learns and who records it: the resident, or an assisting account under a consent. */
export interface Learner {
  residentId: string;
  accountId: string | null;
  source: LearningSource;
  consentId: string | null;
}

export const ENROLLMENT_COLUMNS =
  'e.id, e.resident_id, e.course_id, e.course_version_id, e.enrolled_at, e.completed_at, e.enrolled_at::text as sort_at';

export function toEnrollmentView(row: EnrollmentRow): EnrollmentView {
  return {
    id: row.id,
    residentId: row.resident_id,
    courseId: row.course_id,
    courseVersionId: row.course_version_id,
    enrolledAt: toDate(row.enrolled_at),
    completedAt: toDateOrNull(row.completed_at),
  };
}

export async function findEnrollmentRow(em: EntityManager, id: string, lock = false): Promise<EnrollmentRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await em.execute<EnrollmentRow[]>(
    `select ${ENROLLMENT_COLUMNS} from enrollment e where e.id = ?${lock ? ' for update' : ''}`,
    [id],
  );
  return row ?? null;
}

interface LessonStateRow extends LessonRow {
  enrollment_id: string;
  viewed_at: Date | string | null;
  quiz_passed_at: Date | string | null;
  progress_completed_at: Date | string | null;
  source: LearningSource | null;
  assisted_by: string | null;
  consent_id: string | null;
  live_class_id: string | null;
}

/** The lessons of each enrollment's version in order, with progress: one query for all of them. */
export async function lessonStates(em: EntityManager, enrollmentIds: readonly string[]): Promise<LessonState[][]> {
  const valid = enrollmentIds.filter(isUuid);
  const rows =
    valid.length === 0
      ? []
      : await em.execute<LessonStateRow[]>(
          `select ${LESSON_COLUMNS}, e.id as enrollment_id, p.viewed_at, p.quiz_passed_at,
             p.completed_at as progress_completed_at, p.source, p.assisted_by, p.consent_id, p.live_class_id
           from enrollment e join lesson l on l.course_version_id = e.course_version_id
             left join lesson_progress p on p.enrollment_id = e.id and p.lesson_id = l.id
           where e.id in (${placeholders(valid.length)}) order by e.id, l.position`,
          valid,
        );
  return enrollmentIds.map((id) => {
    let previousDone = true;
    return rows
      .filter((row) => row.enrollment_id === id)
      .map((row) => {
        const done = row.progress_completed_at !== null;
        const state: LessonState = {
          enrollmentId: id,
          lesson: toLessonView(row),
          viewedAt: toDateOrNull(row.viewed_at),
          quizPassedAt: toDateOrNull(row.quiz_passed_at),
          completedAt: toDateOrNull(row.progress_completed_at),
          source: row.source,
          assistedBy: row.assisted_by,
          consentId: row.consent_id,
          liveClassId: row.live_class_id,
          done,
          unlocked: previousDone,
        };
        previousDone = previousDone && done;
        return state;
      });
  });
}

/** When the final quiz of each enrollment was first passed, or null. */
export async function finalQuizPassedAt(em: EntityManager, enrollmentIds: readonly string[]): Promise<(Date | null)[]> {
  const valid = enrollmentIds.filter(isUuid);
  const rows =
    valid.length === 0
      ? []
      : await em.execute<{ enrollment_id: string; passed_at: Date | string }[]>(
          `select a.enrollment_id, min(a.submitted_at) as passed_at from quiz_attempt a
             join enrollment e on e.id = a.enrollment_id join course_version v on v.id = e.course_version_id
           where a.enrollment_id in (${placeholders(valid.length)}) and a.passed and a.lesson_id is null
             and a.quiz_id = v.final_quiz_id
           group by a.enrollment_id`,
          valid,
        );
  return enrollmentIds.map((id) => {
    const row = rows.find((r) => r.enrollment_id === id);
    return row ? toDate(row.passed_at) : null;
  });
}

/**
 * Marks the enrollment completed when every lesson is done and the final quiz passed. Only
 * the transaction that sets completed_at gets the certificate payload back, so a retried or
 * concurrent last action never asks for a second certificate.
 */
export async function completeIfDone(em: EntityManager, enrollmentId: string): Promise<IssueCertificatePayload | null> {
  const [states] = await lessonStates(em, [enrollmentId]);
  const [passedAt] = await finalQuizPassedAt(em, [enrollmentId]);
  if (states.length === 0 || !states.every((state) => state.done) || passedAt === null) return null;
  const [completed] = await em.execute<EnrollmentRow[]>(
    `update enrollment e set completed_at = now() where e.id = ? and e.completed_at is null returning ${ENROLLMENT_COLUMNS}`,
    [enrollmentId],
  );
  return completed ? certificatePayload(em, completed) : null;
}

/** What the certificate of a completed enrollment states, snapshotted from its version. */
export async function certificatePayload(
  em: EntityManager,
  enrollment: EnrollmentRow,
): Promise<IssueCertificatePayload | null> {
  if (enrollment.completed_at === null) return null;
  const [row] = await em.execute<
    { number: number; title: string; province_code: string | null; province_name: string | null }[]
  >(
    `select v.number, v.title, c.province_code, pr.full_name as province_name
       from course_version v join course c on c.id = v.course_id left join province pr on pr.code = c.province_code
      where v.id = ?`,
    [enrollment.course_version_id],
  );
  return {
    enrollmentId: enrollment.id,
    residentId: enrollment.resident_id,
    courseId: enrollment.course_id,
    courseVersionId: enrollment.course_version_id,
    courseVersionNumber: row.number,
    courseTitle: row.title,
    issuingProvinceCode: row.province_code,
    issuingUnitName: row.province_name ?? 'Toàn quốc',
    completedAt: toDate(enrollment.completed_at).toISOString(),
  };
}

/** Creates or updates the learner's progress row on a lesson with what just happened. */
export async function recordProgress(
  em: EntityManager,
  enrollmentId: string,
  lessonId: string,
  learner: Learner,
  change: {
    viewed?: boolean;
    quizPassed?: boolean;
    lessonHasQuiz: boolean;
    attendance?: { liveClassId: string; attendedSeconds: number };
  },
): Promise<void> {
  const viewed = change.viewed ? 'now()' : 'null';
  const quizPassed = change.quizPassed ? 'now()' : 'null';
  // Done = viewed and (no quiz or quiz passed), or attended; a done lesson stays done.
  await em.execute(
    `insert into lesson_progress as p (id, enrollment_id, lesson_id, viewed_at, quiz_passed_at, completed_at, source,
       assisted_by, consent_id, live_class_id, attended_seconds)
     values (gen_random_uuid(), ?, ?, ${viewed}, ${quizPassed},
       case when ?::boolean or (${viewed} is not null and (not ?::boolean or ${quizPassed} is not null)) then now() end,
       ?, ?, ?, ?, ?)
     on conflict (enrollment_id, lesson_id) do update set
       viewed_at = coalesce(p.viewed_at, excluded.viewed_at),
       quiz_passed_at = coalesce(p.quiz_passed_at, excluded.quiz_passed_at),
       completed_at = coalesce(p.completed_at, case when ?::boolean
         or (coalesce(p.viewed_at, excluded.viewed_at) is not null
             and (not ?::boolean or coalesce(p.quiz_passed_at, excluded.quiz_passed_at) is not null)) then now() end),
       source = excluded.source, assisted_by = excluded.assisted_by, consent_id = excluded.consent_id,
       live_class_id = coalesce(excluded.live_class_id, p.live_class_id),
       attended_seconds = coalesce(excluded.attended_seconds, p.attended_seconds)`,
    [
      enrollmentId,
      lessonId,
      change.attendance !== undefined,
      change.lessonHasQuiz,
      learner.source,
      learner.source === LearningSource.ASSISTED ? learner.accountId : null,
      learner.consentId,
      change.attendance?.liveClassId ?? null,
      change.attendance?.attendedSeconds ?? null,
      change.attendance !== undefined,
      change.lessonHasQuiz,
    ],
    'run',
  );
}

/** One enrollment per resident per course: a second call returns the first. */
export async function enrollOn(
  em: EntityManager,
  residentId: string,
  courseId: string,
  versionId: string,
  enrolledBy: string | null,
): Promise<EnrollmentRow> {
  const [created] = await em.execute<EnrollmentRow[]>(
    `insert into enrollment as e (id, resident_id, course_id, course_version_id, enrolled_at, enrolled_by)
     values (gen_random_uuid(), ?, ?, ?, now(), ?) on conflict (resident_id, course_id) do nothing
     returning ${ENROLLMENT_COLUMNS}`,
    [residentId, courseId, versionId, enrolledBy],
  );
  if (created) return created;
  const [existing] = await em.execute<EnrollmentRow[]>(
    `select ${ENROLLMENT_COLUMNS} from enrollment e where e.resident_id = ? and e.course_id = ?`,
    [residentId, courseId],
  );
  return existing;
}
