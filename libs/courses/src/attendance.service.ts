import { Injectable, Logger } from '@nestjs/common';
import { findResidentRow } from '@hocvuso/residents/resident-records';
import { ResidentsError, ResidentsErrorCode } from '@hocvuso/residents';
import { EntityManager } from '@mikro-orm/postgresql';
import { CertificateRequests } from './certificate-requests';
import { isUuid, toDateOrNull } from './course-records';
import { CoursesError, CoursesErrorCode } from './courses.errors';
import { LearningSource } from './entities/enrollment.entity';
import { completeIfDone, enrollOn, ENROLLMENT_COLUMNS, type EnrollmentRow, recordProgress } from './learning-records';

export interface AttendanceInput {
  residentId: string;
  lessonId: string;
  /** the live class's id, kept on the progress row as evidence */
  liveClassId: string;
  attendedSeconds: number;
  requiredSeconds: number;
}

export enum AttendanceOutcome {
  /** the lesson is now done by attendance */
  COMPLETED = 'COMPLETED',
  /** it was done already (by attendance or otherwise); nothing changed */
  ALREADY_DONE = 'ALREADY_DONE',
  /** attended less than required; nothing was written */
  NOT_ENOUGH_ATTENDANCE = 'NOT_ENOUGH_ATTENDANCE',
}

export interface AttendanceResult {
  outcome: AttendanceOutcome;
  /** null only when attendance was too short and the resident was not enrolled */
  enrollmentId: string | null;
  lessonCompletedAt: Date | null;
  courseCompleted: boolean;
}

/**
 * The live-class side's way to mark a lesson done: the resident attended at least
 * `requiredSeconds` of the class that teaches it. A system call (the live gateway has checked
 * who attended), so no actor. Decisions:
 * - a resident not yet enrolled is enrolled on the lesson's version (attending is enrolling);
 * - a resident enrolled on another version of the course gets LESSON_NOT_IN_ENROLLMENT;
 * - attendance completes the lesson whatever the unlock order: the class taught it;
 * - idempotent: a second call for the same lesson reports ALREADY_DONE and writes nothing.
 */
@Injectable()
export class AttendanceService {
  private readonly logger = new Logger(AttendanceService.name);

  constructor(
    private readonly certificates: CertificateRequests,
    private readonly em: EntityManager,
  ) {}

  async completeLessonByAttendance(input: AttendanceInput): Promise<AttendanceResult> {
    checkAttendance(input);
    const { result, completed } = await this.em.transactional(async (em) => {
      const resident = await findResidentRow(em, input.residentId);
      if (!resident || resident.erased_at !== null) throw new ResidentsError(ResidentsErrorCode.RESIDENT_NOT_FOUND);
      const [lesson] = isUuid(input.lessonId)
        ? await em.execute<{ id: string; course_version_id: string; course_id: string; quiz_id: string | null }[]>(
            `select l.id, l.course_version_id, v.course_id, l.quiz_id from lesson l
               join course_version v on v.id = l.course_version_id where l.id = ? and v.status = 'PUBLISHED'`,
            [input.lessonId],
          )
        : [];
      if (!lesson) throw new CoursesError(CoursesErrorCode.LESSON_NOT_FOUND, { lessonId: input.lessonId });
      let [enrollment] = await em.execute<EnrollmentRow[]>(
        `select ${ENROLLMENT_COLUMNS} from enrollment e where e.resident_id = ? and e.course_id = ? for update`,
        [resident.id, lesson.course_id],
      );
      if (enrollment && enrollment.course_version_id !== lesson.course_version_id) {
        throw new CoursesError(CoursesErrorCode.LESSON_NOT_IN_ENROLLMENT, { lessonId: lesson.id });
      }
      if (input.attendedSeconds < input.requiredSeconds) {
        return {
          result: this.outcome(AttendanceOutcome.NOT_ENOUGH_ATTENDANCE, enrollment ?? null, null),
          completed: null,
        };
      }
      enrollment ??= await enrollOn(em, resident.id, lesson.course_id, lesson.course_version_id, null);
      const [progress] = await em.execute<{ completed_at: Date | string | null }[]>(
        `select completed_at from lesson_progress where enrollment_id = ? and lesson_id = ?`,
        [enrollment.id, lesson.id],
      );
      if (progress?.completed_at) {
        return {
          result: this.outcome(AttendanceOutcome.ALREADY_DONE, enrollment, toDateOrNull(progress.completed_at)),
          completed: null,
        };
      }
      await recordProgress(
        em,
        enrollment.id,
        lesson.id,
        { residentId: resident.id, accountId: null, source: LearningSource.ATTENDANCE, consentId: null },
        {
          lessonHasQuiz: lesson.quiz_id !== null,
          attendance: { liveClassId: input.liveClassId, attendedSeconds: input.attendedSeconds },
        },
      );
      const completed = await completeIfDone(em, enrollment.id);
      const [done] = await em.execute<{ completed_at: Date | string }[]>(
        `select completed_at from lesson_progress where enrollment_id = ? and lesson_id = ?`,
        [enrollment.id, lesson.id],
      );
      return {
        result: this.outcome(AttendanceOutcome.COMPLETED, enrollment, toDateOrNull(done.completed_at)),
        completed,
      };
    });
    if (completed) {
      result.courseCompleted = true;
      await this.certificates.request(completed).catch((error: unknown) => {
        this.logger.error({ err: error, enrollmentId: completed.enrollmentId }, 'certificate request failed');
      });
    }
    return result;
  }

  private outcome(
    outcome: AttendanceOutcome,
    enrollment: EnrollmentRow | null,
    lessonCompletedAt: Date | null,
  ): AttendanceResult {
    return {
      outcome,
      enrollmentId: enrollment?.id ?? null,
      lessonCompletedAt,
      courseCompleted: enrollment?.completed_at != null,
    };
  }
}

function checkAttendance(input: AttendanceInput): void {
  const seconds = (value: number, min: number) => Number.isInteger(value) && value >= min && value <= 86_400;
  const liveClassId = typeof input.liveClassId === 'string' ? input.liveClassId.trim() : '';
  if (
    !seconds(input.attendedSeconds, 0) ||
    !seconds(input.requiredSeconds, 1) ||
    liveClassId.length === 0 ||
    liveClassId.length > 64
  ) {
    throw new CoursesError(CoursesErrorCode.INVALID_ATTENDANCE);
  }
}
