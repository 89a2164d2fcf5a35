import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { CourseAudience, CourseTopic } from '@hocvuso/courses';

// Shapes only: lengths, URL schemes, ranges and index bounds are checked by @hocvuso/courses,
// which answers INVALID_COURSE / INVALID_LESSON / INVALID_QUIZ / INVALID_QUIZ_ANSWERS with the field.

@InputType()
export class CourseDraftInput {
  @Field({ description: '3 to 200 characters' })
  title: string;

  @Field({ description: '1 to 2,000 characters' })
  summary: string;

  @Field(() => CourseAudience)
  audience: CourseAudience;

  @Field(() => CourseTopic)
  topic: CourseTopic;

  @Field(() => Int, { description: '1 to 6,000' })
  estimatedMinutes: number;
}

@InputType()
export class CreateCourseInput extends CourseDraftInput {
  @Field({ description: 'Unique, lower-case a-z, 0-9 and "-", 3 to 80 characters' })
  slug: string;

  @Field(() => String, {
    nullable: true,
    description: 'Publishing province (2-digit code); omit for a national course (needs a nation-wide grant)',
  })
  provinceCode?: string | null;
}

@InputType()
export class LessonAttachmentInput {
  @Field()
  name: string;

  @Field({ description: 'http or https' })
  url: string;
}

@InputType()
export class LessonInput {
  @Field({ description: '3 to 200 characters' })
  title: string;

  @Field({ description: 'Markdown, up to 100,000 characters' })
  bodyMarkdown: string;

  @Field(() => String, { nullable: true, description: 'http or https' })
  videoUrl?: string | null;

  @Field(() => [LessonAttachmentInput], { nullable: true, description: 'Up to 20' })
  attachments?: LessonAttachmentInput[] | null;
}

@InputType()
export class QuizQuestionInput {
  @Field()
  prompt: string;

  @Field(() => [String], { description: '2 to 10 choices' })
  choices: string[];

  @Field(() => [Int], { description: '0-based indices of the correct choices, at least one' })
  correct: number[];

  @Field(() => String, { nullable: true, description: 'Shown after grading' })
  explanation?: string | null;
}

@InputType()
export class SetQuizInput {
  @Field(() => ID)
  courseId: string;

  @Field(() => ID, { nullable: true, description: 'A draft lesson of the course; omit for the final quiz' })
  lessonId?: string | null;

  @Field(() => Int, { description: 'Percent of questions to answer right, 1 to 100' })
  passMark: number;

  @Field(() => Int, { nullable: true, description: 'Default QUIZ_MAX_ATTEMPTS' })
  maxAttempts?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default QUIZ_RETRY_COOLDOWN_SECONDS' })
  cooldownSeconds?: number | null;

  @Field(() => [QuizQuestionInput], { description: '1 to 100 questions' })
  questions: QuizQuestionInput[];
}

@InputType()
export class SubmitQuizAttemptInput {
  @Field(() => ID)
  enrollmentId: string;

  @Field(() => ID, { nullable: true, description: 'The lesson whose quiz this is; omit for the final quiz' })
  lessonId?: string | null;

  @Field(() => [[Int]], { description: 'Chosen 0-based indices, one list per question in order ([] = unanswered)' })
  answers: number[][];

  @Field(() => ID, {
    nullable: true,
    description: 'A client-made UUID; sending the same key again returns the stored attempt instead of a new one',
  })
  attemptKey?: string | null;
}

@ArgsType()
export class CoursesArgs {
  @Field(() => CourseAudience, { nullable: true })
  audience?: CourseAudience | null;

  @Field(() => CourseTopic, { nullable: true })
  topic?: CourseTopic | null;

  @Field(() => String, { nullable: true, description: 'Title and summary, accents and case aside' })
  search?: string | null;

  @Field({ defaultValue: false, description: 'The courses the caller edits, drafts included' })
  managed: boolean;

  @Field(() => Int, { defaultValue: 50, description: 'Items per page, 1 to 200' })
  first: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page' })
  after?: string | null;
}

@ArgsType()
export class EnrollmentsArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Items per page, 1 to 200' })
  first: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page' })
  after?: string | null;
}
