import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CourseAudience, CourseTopic, CourseVersionStatus, LearningSource } from '@hocvuso/courses';
import { Connection } from '../graphql/connection.model';

registerEnumType(CourseAudience, {
  name: 'CourseAudience',
  description:
    'RESIDENTS: người dân; PUBLIC_SERVANTS: cán bộ, công chức; STUDENTS: học sinh, sinh viên; BUSINESS_EMPLOYEES: người lao động doanh nghiệp',
});
registerEnumType(CourseTopic, {
  name: 'CourseTopic',
  description:
    'DIGITAL_IDENTITY: định danh điện tử, VNeID; ONLINE_PUBLIC_SERVICES: dịch vụ công trực tuyến; DIGITAL_SIGNATURES: chữ ký số; AI_TOOLS: công cụ AI cho công việc; ONLINE_SAFETY: an toàn trên mạng, phòng chống lừa đảo; DATA_AND_INFORMATION: dữ liệu và thông tin',
});
registerEnumType(CourseVersionStatus, {
  name: 'CourseVersionStatus',
  description: 'DRAFT: bản nháp, còn sửa được; PUBLISHED: đã xuất bản, không bao giờ sửa nữa',
});
registerEnumType(LearningSource, {
  name: 'LearningSource',
  description:
    'SELF: người dân tự học; ASSISTED: tình nguyện viên/cán bộ ghi nhận hộ (có đồng ý); ATTENDANCE: dự lớp trực tuyến',
});

@ObjectType('LessonAttachment')
export class LessonAttachmentModel {
  @Field()
  name: string;

  @Field({ description: 'http or https' })
  url: string;
}

@ObjectType('QuizQuestion', { description: 'A question as learners see it: no correct answers, no explanation' })
export class QuizQuestionModel {
  @Field(() => Int, { description: '0-based position in the quiz' })
  index: number;

  @Field()
  prompt: string;

  @Field(() => [String], { description: 'Answer by 0-based index; some questions have several correct choices' })
  choices: string[];
}

@ObjectType('QuizAnswerKey', { description: 'The correct choices of one question, for the course’s editors only' })
export class QuizAnswerKeyModel {
  @Field(() => Int)
  index: number;

  @Field(() => [Int], { description: '0-based indices of the correct choices' })
  correct: number[];

  @Field(() => String, { nullable: true })
  explanation: string | null;
}

@ObjectType('Quiz')
export class QuizModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Percent of questions to answer right, 1 to 100' })
  passMark: number;

  @Field(() => Int)
  maxAttempts: number;

  @Field(() => Int, { description: 'Wait between two attempts' })
  cooldownSeconds: number;

  @Field(() => [QuizQuestionModel])
  questions: QuizQuestionModel[];
}

@ObjectType('Lesson')
export class LessonModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  courseVersionId: string;

  @Field(() => Int, { description: '1-based; lesson k+1 unlocks when lesson k is done' })
  position: number;

  @Field()
  title: string;

  @Field({ description: 'Markdown' })
  bodyMarkdown: string;

  @Field(() => String, { nullable: true })
  videoUrl: string | null;

  @Field(() => [LessonAttachmentModel])
  attachments: LessonAttachmentModel[];

  @Field(() => ID, { nullable: true })
  quizId: string | null;
}

@ObjectType('CourseVersion', { description: 'What a course says at one version; a published version is frozen' })
export class CourseVersionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  courseId: string;

  @Field(() => Int)
  number: number;

  @Field(() => CourseVersionStatus)
  status: CourseVersionStatus;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field(() => CourseAudience)
  audience: CourseAudience;

  @Field(() => CourseTopic)
  topic: CourseTopic;

  @Field(() => Int)
  estimatedMinutes: number;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field()
  updatedAt: Date;
}

@ObjectType('Course')
export class CourseModel {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field(() => String, { nullable: true, description: 'Publishing province; null for a national course' })
  provinceCode: string | null;

  @Field(() => CourseVersionModel, { nullable: true, description: 'The latest published version' })
  published: CourseVersionModel | null;

  @Field(() => CourseVersionModel, { nullable: true, description: 'The open draft; only for the course’s editors' })
  draft: CourseVersionModel | null;
}

@ObjectType()
export class CourseConnection extends Connection(CourseModel, 'CourseConnection') {}

@ObjectType('Enrollment', { description: 'A resident on a course, pinned to the version they started on' })
export class EnrollmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  residentId: string;

  @Field(() => ID)
  courseId: string;

  @Field(() => ID)
  courseVersionId: string;

  @Field()
  enrolledAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when every lesson is done and the final quiz passed' })
  completedAt: Date | null;
}

@ObjectType()
export class EnrollmentConnection extends Connection(EnrollmentModel, 'EnrollmentConnection') {}

@ObjectType('LessonProgress', { description: 'A lesson of an enrollment with the learner’s progress on it' })
export class LessonProgressModel {
  @Field(() => ID)
  enrollmentId: string;

  @Field(() => LessonModel)
  lesson: LessonModel;

  @Field(() => Date, { nullable: true })
  viewedAt: Date | null;

  @Field(() => Date, { nullable: true })
  quizPassedAt: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => LearningSource, { nullable: true, description: 'How the last change was recorded' })
  source: LearningSource | null;

  @Field(() => ID, { nullable: true, description: 'The assisting account, for ASSISTED' })
  assistedBy: string | null;

  @Field(() => ID, { nullable: true, description: 'The LEARNING consent an ASSISTED record relied on' })
  consentId: string | null;

  @Field(() => String, { nullable: true, description: 'The live class, for ATTENDANCE' })
  liveClassId: string | null;

  @Field()
  done: boolean;

  @Field({ description: 'The first lesson, or every lesson before it is done' })
  unlocked: boolean;
}

@ObjectType('QuestionOutcome')
export class QuestionOutcomeModel {
  @Field(() => Int)
  index: number;

  @Field()
  correct: boolean;

  @Field(() => [Int], { nullable: true, description: 'Revealed once the quiz is passed or no attempt is left' })
  correctChoices: number[] | null;

  @Field(() => String, { nullable: true, description: 'Revealed with the correct choices' })
  explanation: string | null;
}

@ObjectType('QuizAttemptResult', { description: 'A graded attempt' })
export class QuizAttemptResultModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  enrollmentId: string;

  @Field(() => ID)
  quizId: string;

  @Field(() => ID, { nullable: true, description: 'null for the final quiz' })
  lessonId: string | null;

  @Field(() => Int)
  attemptNumber: number;

  @Field(() => Int)
  attemptsLeft: number;

  @Field(() => Int, { description: 'Percent' })
  score: number;

  @Field(() => Int)
  correctCount: number;

  @Field()
  passed: boolean;

  @Field()
  submittedAt: Date;

  @Field(() => LearningSource)
  source: LearningSource;

  @Field(() => ID, { nullable: true })
  assistedBy: string | null;

  @Field(() => [QuestionOutcomeModel])
  questions: QuestionOutcomeModel[];

  @Field({ description: 'Whether the course is completed (now or before)' })
  courseCompleted: boolean;
}
