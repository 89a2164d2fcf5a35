import { randomUUID } from 'node:crypto';
import { ResidentSchema } from '@hocvuso/residents/entities/resident.entity';
import { ConsentSchema } from '@hocvuso/residents/entities/consent.entity';
import { defineEntity, p } from '@mikro-orm/core';
import { CourseSchema, CourseVersionSchema } from './course.entity';
import { LessonSchema } from './lesson.entity';
import { QuizSchema } from './quiz.entity';

/** How a piece of progress came about. */
export enum LearningSource {
  /** the resident, on their own account */
  SELF = 'SELF',
  /** recorded by a volunteer or official for the resident, under the resident's LEARNING consent */
  ASSISTED = 'ASSISTED',
  /** the resident attended enough of the live class that teaches the lesson */
  ATTENDANCE = 'ATTENDANCE',
}

/** One per resident per course, pinned to the version the resident started on. */
const EnrollmentSchema = defineEntity({
  name: 'Enrollment',
  tableName: 'enrollment',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    resident: () => p.manyToOne(ResidentSchema),
    course: () => p.manyToOne(CourseSchema),
    courseVersion: () => p.manyToOne(CourseVersionSchema).index(),
    enrolledAt: p.datetime().onCreate(() => new Date()),
    completedAt: p.datetime().nullable(),
    /** the account that enrolled the resident (the resident's own, or a volunteer's) */
    enrolledBy: p.uuid().nullable(),
  },
});

export class Enrollment extends EnrollmentSchema.class {}
EnrollmentSchema.setClass(Enrollment);

const LessonProgressSchema = defineEntity({
  name: 'LessonProgress',
  tableName: 'lesson_progress',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    enrollment: () => p.manyToOne(EnrollmentSchema),
    lesson: () => p.manyToOne(LessonSchema),
    viewedAt: p.datetime().nullable(),
    quizPassedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    source: p.enum(() => LearningSource).nativeEnumName('learning_source'),
    assistedBy: p.uuid().nullable(),
    consent: () => p.manyToOne(ConsentSchema).nullable(),
    liveClassId: p.string().length(64).nullable(),
    attendedSeconds: p.integer().nullable(),
  },
});

export class LessonProgress extends LessonProgressSchema.class {}
LessonProgressSchema.setClass(LessonProgress);

const QuizAttemptSchema = defineEntity({
  name: 'QuizAttempt',
  tableName: 'quiz_attempt',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    enrollment: () => p.manyToOne(EnrollmentSchema),
    quiz: () => p.manyToOne(QuizSchema),
    /** null for the course's final quiz */
    lesson: () => p.manyToOne(LessonSchema).nullable(),
    attemptKey: p.uuid().nullable(),
    /** chosen indices per question, in question order */
    answers: p.json<number[][]>(),
    /** percent */
    score: p.integer(),
    correctCount: p.integer(),
    passed: p.boolean(),
    submittedAt: p.datetime().onCreate(() => new Date()),
    source: p.enum(() => LearningSource).nativeEnumName('learning_source'),
    assistedBy: p.uuid().nullable(),
    consent: () => p.manyToOne(ConsentSchema).nullable(),
  },
});

export class QuizAttempt extends QuizAttemptSchema.class {}
QuizAttemptSchema.setClass(QuizAttempt);
export { EnrollmentSchema, LessonProgressSchema, QuizAttemptSchema };
