import { Injectable, Logger } from '@nestjs/common';
import { type Actor, can, Permission, requireAccount } from '@hocvuso/access';
import { decodeCursor, MAX_PAGE_SIZE, type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import type { IssueCertificatePayload } from '@hocvuso/jobs';
import { findResidentRow, residentScope } from '@hocvuso/residents/resident-records';
import { ResidentsError, ResidentsErrorCode } from '@hocvuso/residents';
import { EntityManager } from '@mikro-orm/postgresql';
import { CertificateRequests } from './certificate-requests';
import {
  CourseVersionStatus,
  findCourseRow,
  findQuizRow,
  fromJson,
  isUuid,
  latestVersionRow,
  type LessonRow,
  LESSON_COLUMNS,
  toDate,
} from './course-records';
import { checkAnswers, grade } from './course-rules';
import { CoursesError, CoursesErrorCode } from './courses.errors';
import { LearningSource } from './entities/enrollment.entity';
import type { QuizQuestionData } from './entities/quiz.entity';
import {
  certificatePayload,
  completeIfDone,
  enrollOn,
  ENROLLMENT_COLUMNS,
  type EnrollmentRow,
  type EnrollmentView,
  findEnrollmentRow,
  finalQuizPassedAt,
  type Learner,
  lessonStates,
  type LessonState,
  recordProgress,
  toEnrollmentView,
} from './learning-records';

export interface SubmitQuizAttemptInput {
  enrollmentId: string;
  /** the lesson whose quiz this is; absent for the final quiz */
  lessonId?: string | null;
  /** chosen choice indices, one list per question in order */
  answers: number[][];
  /** a client-made uuid: the same key again returns the stored attempt instead of a new one */
  attemptKey?: string | null;
}

export interface QuestionOutcome {
  index: number;
  correct: boolean;
  /** revealed once the quiz is passed or no attempt is left */
  correctChoices: number[] | null;
  explanation: string | null;
}

export interface QuizAttemptResult {
  id: string;
  enrollmentId: string;
  quizId: string;
  lessonId: string | null;
  attemptNumber: number;
  attemptsLeft: number;
  score: number;
  correctCount: number;
  passed: boolean;
  submittedAt: Date;
  source: LearningSource;
  assistedBy: string | null;
  questions: QuestionOutcome[];
  /** whether the enrollment is completed after this attempt */
  courseCompleted: boolean;
}

interface AttemptRow {
  id: string;
  enrollment_id: string;
  quiz_id: string;
  lesson_id: string | null;
  answers: number[][] | string;
  score: number;
  correct_count: number;
  passed: boolean;
  submitted_at: Date | string;
  source: LearningSource;
  assisted_by: string | null;
}

const ATTEMPT_COLUMNS =
  'a.id, a.enrollment_id, a.quiz_id, a.lesson_id, a.answers, a.score, a.correct_count, a.passed, a.submitted_at, a.source, a.assisted_by';

/**
 * A resident's learning: enrolling, viewing lessons in order, quizzes graded here on the server,
 * and completion. The resident acts on their own account; an account with LEARNING_ASSIST in the
 * resident's village acts for them while their LEARNING consent is open, and what it records is
 * marked ASSISTED with its account id and the consent id.
 */
@Injectable()
export class LearningService {
  private readonly logger = new Logger(LearningService.name);

  constructor(
    private readonly certificates: CertificateRequests,
    private readonly em: EntityManager,
  ) {}

  /** Enrolls on the latest published version; enrolling again returns the existing enrollment. */
  async enroll(actor: Actor, courseId: string, residentId?: string | null): Promise<EnrollmentView> {
    const account = requireAccount(actor);
    const learnerId = residentId ?? account.residentId;
    if (!learnerId) throw new CoursesError(CoursesErrorCode.NOT_A_LEARNER);
    const learner = await learnerFor(this.em, actor, learnerId, true);
    const course = await findCourseRow(this.em, courseId);
    const version = course ? await latestVersionRow(this.em, course.id, CourseVersionStatus.PUBLISHED) : null;
    if (!course || !version) throw new CoursesError(CoursesErrorCode.COURSE_NOT_FOUND, { id: courseId });
    return toEnrollmentView(await enrollOn(this.em, learner.residentId, course.id, version.id, account.accountId));
  }

  /** The enrollment when the caller is its resident or may assist the resident. */
  async getEnrollment(actor: Actor, enrollmentId: string): Promise<EnrollmentView> {
    const { enrollment } = await this.enrollmentFor(this.em, actor, enrollmentId, false);
    return toEnrollmentView(enrollment);
  }

  /** The caller's own enrollments (null residentId), or a resident's, newest first. */
  async listEnrollments(actor: Actor, residentId: string | null, page: PageArgs): Promise<Page<EnrollmentView>> {
    const account = requireAccount(actor);
    const learnerId = residentId ?? account.residentId;
    if (!learnerId) throw new CoursesError(CoursesErrorCode.NOT_A_LEARNER);
    await learnerFor(this.em, actor, learnerId, false);
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
      throw new CoursesError(CoursesErrorCode.INVALID_PAGE, { first: page.first });
    }
    const after = page.after ? decodeCursor(page.after, 2) : null;
    if (page.after && (!after || !isUuid(after[1]))) throw new CoursesError(CoursesErrorCode.INVALID_PAGE);
    const [{ total }] = await this.em.execute<{ total: number }[]>(
      `select count(*)::int as total from enrollment where resident_id = ?`,
      [learnerId],
    );
    const rows = await this.em.execute<EnrollmentRow[]>(
      `select ${ENROLLMENT_COLUMNS} from enrollment e where e.resident_id = ?
         ${after ? 'and (e.enrolled_at, e.id) < (?::timestamptz, ?::uuid)' : ''}
       order by e.enrolled_at desc, e.id desc limit ?`,
      [learnerId, ...(after ?? []), page.first + 1],
    );
    const found = toPage(rows, page.first, total, (row) => [row.sort_at!, row.id]);
    return { ...found, items: found.items.map(toEnrollmentView) };
  }

  /** Lessons with progress of enrollments the caller was allowed to see (batched). */
  lessonStates(enrollmentIds: readonly string[]): Promise<LessonState[][]> {
    return lessonStates(this.em, enrollmentIds);
  }

  finalQuizPassedAt(enrollmentIds: readonly string[]): Promise<(Date | null)[]> {
    return finalQuizPassedAt(this.em, enrollmentIds);
  }

  /** Marks a lesson viewed (done when it has no quiz). Refused while the previous lesson is not done. */
  async viewLesson(actor: Actor, enrollmentId: string, lessonId: string): Promise<LessonState> {
    const completed = await this.em.transactional(async (em) => {
      const { enrollment, learner } = await this.enrollmentFor(em, actor, enrollmentId, true);
      const lesson = await unlockedLesson(em, enrollment, lessonId);
      await recordProgress(em, enrollment.id, lesson.id, learner, {
        viewed: true,
        lessonHasQuiz: lesson.quiz_id !== null,
      });
      return completeIfDone(em, enrollment.id);
    });
    await this.requestCertificate(completed);
    const [states] = await lessonStates(this.em, [enrollmentId]);
    return states.find((state) => state.lesson.id === lessonId)!;
  }

  /**
   * Grades an attempt at a lesson quiz or the final quiz. The attempt is stored with its answers
   * and score; limits and cooldown come from the quiz. The final quiz opens when every lesson is done.
   */
  async submitQuizAttempt(actor: Actor, input: SubmitQuizAttemptInput): Promise<QuizAttemptResult> {
    if (input.attemptKey != null && !isUuid(input.attemptKey)) {
      throw new CoursesError(CoursesErrorCode.INVALID_QUIZ_ANSWERS, {
        field: 'attemptKey',
        reason: 'attemptKey phải là UUID',
      });
    }
    const { result, completed } = await this.em.transactional(async (em) => {
      const { enrollment, learner } = await this.enrollmentFor(em, actor, input.enrollmentId, true);
      if (input.attemptKey) {
        const [replayed] = await em.execute<AttemptRow[]>(
          `select ${ATTEMPT_COLUMNS} from quiz_attempt a where a.enrollment_id = ? and a.attempt_key = ?`,
          [enrollment.id, input.attemptKey],
        );
        // A retry of a submission that already counted; a completion it caused is re-requested (same job id).
        if (replayed)
          return { result: await attemptResult(em, replayed), completed: await certificatePayload(em, enrollment) };
      }
      const target = await quizTarget(em, enrollment, input.lessonId ?? null);
      const quiz = (await findQuizRow(em, target.quizId))!;
      const questions = fromJson<QuizQuestionData[]>(quiz.questions);
      await checkAttemptAllowed(em, enrollment.id, target, quiz.max_attempts, quiz.cooldown_seconds);
      const answers = checkAnswers(questions, input.answers);
      const graded = grade(questions, answers, quiz.pass_mark);
      const [attempt] = await em.execute<AttemptRow[]>(
        `insert into quiz_attempt as a (id, enrollment_id, quiz_id, lesson_id, attempt_key, answers, score, correct_count,
           passed, submitted_at, source, assisted_by, consent_id)
         values (gen_random_uuid(), ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now(), ?, ?, ?) returning ${ATTEMPT_COLUMNS}`,
        [
          enrollment.id,
          quiz.id,
          target.lessonId,
          input.attemptKey ?? null,
          JSON.stringify(answers),
          graded.score,
          graded.correctCount,
          graded.passed,
          learner.source,
          learner.source === LearningSource.ASSISTED ? learner.accountId : null,
          learner.consentId,
        ],
      );
      if (graded.passed && target.lessonId) {
        await recordProgress(em, enrollment.id, target.lessonId, learner, { quizPassed: true, lessonHasQuiz: true });
      }
      const completed = await completeIfDone(em, enrollment.id);
      return { result: await attemptResult(em, attempt), completed };
    });
    await this.requestCertificate(completed);
    return result;
  }

  /**
   * The enrollment, locked when `write`, with who is learning: its resident, or an assisting
   * account (writes need the resident's open LEARNING consent). Anyone else: ENROLLMENT_NOT_FOUND.
   */
  private async enrollmentFor(
    em: EntityManager,
    actor: Actor,
    enrollmentId: string,
    write: boolean,
  ): Promise<{ enrollment: EnrollmentRow; learner: Learner }> {
    requireAccount(actor);
    const enrollment = await findEnrollmentRow(em, enrollmentId, write);
    if (!enrollment) throw new CoursesError(CoursesErrorCode.ENROLLMENT_NOT_FOUND, { id: enrollmentId });
    try {
      return { enrollment, learner: await learnerFor(em, actor, enrollment.resident_id, write) };
    } catch (error) {
      if (error instanceof ResidentsError)
        throw new CoursesError(CoursesErrorCode.ENROLLMENT_NOT_FOUND, { id: enrollmentId });
      throw error;
    }
  }

  /** After commit: a lost request is logged, and a retry of the completing action asks again. */
  private async requestCertificate(payload: IssueCertificatePayload | null): Promise<void> {
    if (!payload) return;
    try {
      await this.certificates.request(payload);
    } catch (error) {
      this.logger.error({ err: error, enrollmentId: payload.enrollmentId }, 'certificate request failed');
    }
  }
}

/**
 * The learner for a resident: the resident's own account (SELF), or an account with
 * LEARNING_ASSIST on the resident's village (ASSISTED; writes need an open LEARNING consent).
 * Anyone else gets RESIDENT_NOT_FOUND, as for a resident that does not exist.
 */
export async function learnerFor(
  em: EntityManager,
  actor: Actor,
  residentId: string,
  write: boolean,
): Promise<Learner> {
  const account = requireAccount(actor);
  if (account.residentId !== null && account.residentId === residentId) {
    return { residentId, accountId: account.accountId, source: LearningSource.SELF, consentId: null };
  }
  const resident = await findResidentRow(em, residentId);
  if (!resident || resident.erased_at !== null || !can(actor, Permission.LEARNING_ASSIST, residentScope(resident))) {
    throw new ResidentsError(ResidentsErrorCode.RESIDENT_NOT_FOUND);
  }
  const [consent] = await em.execute<{ id: string }[]>(
    `select id from consent where resident_id = ? and purpose = 'LEARNING' and withdrawn_at is null`,
    [resident.id],
  );
  if (!consent && write)
    throw new CoursesError(CoursesErrorCode.LEARNING_CONSENT_REQUIRED, { residentId: resident.id });
  return { residentId, accountId: account.accountId, source: LearningSource.ASSISTED, consentId: consent?.id ?? null };
}

/** A lesson of the enrollment's version whose predecessors are all done. */
async function unlockedLesson(em: EntityManager, enrollment: EnrollmentRow, lessonId: string): Promise<LessonRow> {
  const [states] = await lessonStates(em, [enrollment.id]);
  const state = states.find((s) => s.lesson.id === lessonId);
  if (!state) throw await lessonMissing(em, lessonId);
  if (!state.unlocked && !state.done) throw new CoursesError(CoursesErrorCode.LESSON_LOCKED, { lessonId });
  const [lesson] = await em.execute<LessonRow[]>(`select ${LESSON_COLUMNS} from lesson l where l.id = ?`, [lessonId]);
  return lesson;
}

async function lessonMissing(em: EntityManager, lessonId: string): Promise<CoursesError> {
  const [elsewhere] = isUuid(lessonId)
    ? await em.execute(
        `select 1 from lesson l join course_version v on v.id = l.course_version_id where l.id = ? and v.status = 'PUBLISHED'`,
        [lessonId],
      )
    : [];
  return new CoursesError(elsewhere ? CoursesErrorCode.LESSON_NOT_IN_ENROLLMENT : CoursesErrorCode.LESSON_NOT_FOUND, {
    lessonId,
  });
}

interface QuizTarget {
  quizId: string;
  lessonId: string | null;
}

async function quizTarget(em: EntityManager, enrollment: EnrollmentRow, lessonId: string | null): Promise<QuizTarget> {
  if (lessonId !== null) {
    const lesson = await unlockedLesson(em, enrollment, lessonId);
    if (!lesson.quiz_id) throw new CoursesError(CoursesErrorCode.LESSON_HAS_NO_QUIZ, { lessonId });
    return { quizId: lesson.quiz_id, lessonId: lesson.id };
  }
  const [states] = await lessonStates(em, [enrollment.id]);
  if (!states.every((state) => state.done)) throw new CoursesError(CoursesErrorCode.FINAL_QUIZ_LOCKED);
  const [version] = await em.execute<{ final_quiz_id: string }[]>(
    `select final_quiz_id from course_version where id = ?`,
    [enrollment.course_version_id],
  );
  return { quizId: version.final_quiz_id, lessonId: null };
}

/** Refuses a passed quiz, a used-up limit, or an attempt inside the cooldown (measured by the database clock). */
async function checkAttemptAllowed(
  em: EntityManager,
  enrollmentId: string,
  target: QuizTarget,
  maxAttempts: number,
  cooldownSeconds: number,
): Promise<void> {
  const [stats] = await em.execute<{ attempts: number; passed: boolean; since_last: number | null }[]>(
    `select count(*)::int as attempts, coalesce(bool_or(passed), false) as passed,
       extract(epoch from now() - max(submitted_at))::float8 as since_last
     from quiz_attempt where enrollment_id = ? and quiz_id = ? and lesson_id is not distinct from ?::uuid`,
    [enrollmentId, target.quizId, target.lessonId],
  );
  if (stats.passed) throw new CoursesError(CoursesErrorCode.QUIZ_ALREADY_PASSED, { quizId: target.quizId });
  if (stats.attempts >= maxAttempts) {
    throw new CoursesError(CoursesErrorCode.QUIZ_ATTEMPTS_EXHAUSTED, { quizId: target.quizId, maxAttempts });
  }
  if (stats.since_last !== null && stats.since_last < cooldownSeconds) {
    throw new CoursesError(CoursesErrorCode.QUIZ_COOLDOWN, {
      quizId: target.quizId,
      retryAfterSeconds: Math.max(1, Math.ceil(cooldownSeconds - stats.since_last)),
    });
  }
}

/** The stored attempt as its learner sees it; the answer key only once passed or out of attempts. */
async function attemptResult(em: EntityManager, attempt: AttemptRow): Promise<QuizAttemptResult> {
  const quiz = (await findQuizRow(em, attempt.quiz_id))!;
  const questions = fromJson<QuizQuestionData[]>(quiz.questions);
  const answers = fromJson<number[][]>(attempt.answers);
  const [order] = await em.execute<{ number: number; completed: boolean }[]>(
    `select (select count(*)::int from quiz_attempt b where b.enrollment_id = a.enrollment_id and b.quiz_id = a.quiz_id
               and b.lesson_id is not distinct from a.lesson_id and (b.submitted_at, b.id) <= (a.submitted_at, a.id)) as number,
            (select completed_at is not null from enrollment where id = a.enrollment_id) as completed
     from quiz_attempt a where a.id = ?`,
    [attempt.id],
  );
  const attemptsLeft = Math.max(0, quiz.max_attempts - order.number);
  const reveal = attempt.passed || attemptsLeft === 0;
  const graded = grade(questions, answers, quiz.pass_mark);
  return {
    id: attempt.id,
    enrollmentId: attempt.enrollment_id,
    quizId: attempt.quiz_id,
    lessonId: attempt.lesson_id,
    attemptNumber: order.number,
    attemptsLeft: attempt.passed ? 0 : attemptsLeft,
    score: attempt.score,
    correctCount: attempt.correct_count,
    passed: attempt.passed,
    submittedAt: toDate(attempt.submitted_at),
    source: attempt.source,
    assistedBy: attempt.assisted_by,
    questions: graded.results.map((result) => ({
      index: result.index,
      correct: result.correct,
      correctChoices: reveal ? questions[result.index].correct : null,
      explanation: reveal ? questions[result.index].explanation : null,
    })),
    courseCompleted: order.completed,
  };
}
