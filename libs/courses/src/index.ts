export {
  type AttendanceInput,
  AttendanceOutcome,
  type AttendanceResult,
  AttendanceService,
} from './attendance.service';
export { certificateJobId } from './certificate-requests';
export { CourseAuthoringService, type CreateCourseInput, type SetQuizInput } from './course-authoring.service';
export { type CourseFilter, CourseCatalogService, type QuizAnswerKey } from './course-catalog.service';
export type {
  CourseDetails,
  CourseVersionView,
  CourseView,
  LessonView,
  QuizQuestionView,
  QuizView,
} from './course-records';
export { type CourseFieldsInput, type LessonFieldsInput, type QuizInput, type QuizQuestionInput } from './course-rules';
export { CoursesError, CoursesErrorCode, coursesErrorMessages } from './courses.errors';
export { CoursesModule } from './courses.module';
export {
  Course,
  CourseAudience,
  CourseTopic,
  CourseVersion,
  CourseVersionStatus,
  coursesEntities,
  Enrollment,
  LearningSource,
  Lesson,
  type LessonAttachment,
  LessonProgress,
  Quiz,
  QuizAttempt,
} from './entities';
export type { EnrollmentView, LessonState } from './learning-records';
export { completionsWithoutCertificate } from './missing-certificates';
export {
  type QuestionOutcome,
  type QuizAttemptResult,
  LearningService,
  type SubmitQuizAttemptInput,
} from './learning.service';
