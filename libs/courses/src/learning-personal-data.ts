import { Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { type PersonalDataSource, PersonalDataSources } from '@hocvuso/residents';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A resident's learning in their data export: enrollments, lesson progress and quiz attempts.
 * Erasure keeps them: they name no one (ids, times, scores), and completions are counted.
 */
@Injectable()
export class LearningPersonalData implements PersonalDataSource, OnModuleInit {
  readonly section = 'learning';

  constructor(@Optional() private readonly registry?: PersonalDataSources) {}

  onModuleInit(): void {
    this.registry?.register(this);
  }

  async collect(em: EntityManager, residentId: string): Promise<unknown> {
    const enrollments = await em.execute(
      `select e.id, c.slug as "courseSlug", v.title as "courseTitle", v.number as "courseVersion",
              e.enrolled_at as "enrolledAt", e.completed_at as "completedAt", e.enrolled_by as "enrolledBy"
         from enrollment e join course c on c.id = e.course_id join course_version v on v.id = e.course_version_id
        where e.resident_id = ? order by e.enrolled_at`,
      [residentId],
    );
    const lessons = await em.execute(
      `select p.enrollment_id as "enrollmentId", l.position, l.title, p.viewed_at as "viewedAt",
              p.quiz_passed_at as "quizPassedAt", p.completed_at as "completedAt", p.source,
              p.assisted_by as "assistedBy", p.live_class_id as "liveClassId", p.attended_seconds as "attendedSeconds"
         from lesson_progress p join enrollment e on e.id = p.enrollment_id join lesson l on l.id = p.lesson_id
        where e.resident_id = ? order by p.enrollment_id, l.position`,
      [residentId],
    );
    const quizAttempts = await em.execute(
      `select a.enrollment_id as "enrollmentId", a.quiz_id as "quizId", a.answers, a.score, a.passed,
              a.submitted_at as "submittedAt", a.source, a.assisted_by as "assistedBy"
         from quiz_attempt a join enrollment e on e.id = a.enrollment_id
        where e.resident_id = ? order by a.submitted_at`,
      [residentId],
    );
    return { enrollments, lessons, quizAttempts };
  }

  async erase(): Promise<void> {
    // Nothing here identifies the person once the resident row is blanked.
  }
}
