import { CourseSchema, CourseVersionSchema } from './course.entity';
import { EnrollmentSchema, LessonProgressSchema, QuizAttemptSchema } from './enrollment.entity';
import { LessonSchema } from './lesson.entity';
import { QuizSchema } from './quiz.entity';

export { Course, CourseAudience, CourseTopic, CourseVersion, CourseVersionStatus } from './course.entity';
export { Enrollment, LearningSource, LessonProgress, QuizAttempt } from './enrollment.entity';
export { Lesson, type LessonAttachment } from './lesson.entity';
export { Quiz, type QuizQuestionData } from './quiz.entity';

export const coursesEntities = [
  CourseSchema,
  CourseVersionSchema,
  EnrollmentSchema,
  LessonProgressSchema,
  LessonSchema,
  QuizAttemptSchema,
  QuizSchema,
];
