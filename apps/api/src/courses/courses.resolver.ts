import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CourseAuthoringService,
  CourseCatalogService,
  type CourseDetails,
  type CourseVersionView,
  type EnrollmentView,
  LearningService,
  type LessonState,
  type LessonView,
  type QuizAnswerKey,
  type QuizAttemptResult,
  type QuizView,
} from '@hocvuso/courses';
import { toConnection } from '../graphql/connection.model';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import {
  CourseDraftInput,
  CoursesArgs,
  CreateCourseInput,
  EnrollmentsArgs,
  LessonInput,
  SetQuizInput,
  SubmitQuizAttemptInput,
} from './courses.input';
import { coursesLoaders } from './courses.loader';
import {
  CourseConnection,
  CourseModel,
  CourseVersionModel,
  EnrollmentConnection,
  EnrollmentModel,
  LessonModel,
  LessonProgressModel,
  QuizAnswerKeyModel,
  QuizAttemptResultModel,
  QuizModel,
} from './courses.model';

const toCourseModel = (details: CourseDetails): CourseModel => ({
  ...details.course,
  published: details.published,
  draft: details.draft,
});

@Resolver(() => CourseModel)
export class CourseResolver {
  constructor(
    private readonly authoring: CourseAuthoringService,
    private readonly catalog: CourseCatalogService,
  ) {}

  @Query(() => CourseConnection, {
    description: 'Published courses by title (no login needed); `managed: true` lists the courses the caller edits',
  })
  async courses(@Args() args: CoursesArgs, @Context() ctx: GraphQLContext) {
    const page = await this.catalog.listCourses(ctx.actor, args, args);
    return toConnection({ ...page, items: page.items.map(toCourseModel) });
  }

  @Query(() => CourseModel, { description: 'A published course, or one the caller edits (with its draft)' })
  async course(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext): Promise<CourseModel> {
    return toCourseModel(await this.catalog.getCourse(ctx.actor, id));
  }

  @Mutation(() => CourseVersionModel, {
    description: 'A course with draft version 1; needs COURSES_MANAGE on the province (or the nation)',
  })
  createCourse(@Args('input') input: CreateCourseInput, @Context() ctx: GraphQLContext): Promise<CourseVersionView> {
    return this.authoring.createCourse(ctx.actor, input);
  }

  @Mutation(() => CourseVersionModel, { description: 'Opens the next draft (a copy of the published version)' })
  startCourseDraft(
    @Args('courseId', { type: () => ID }) courseId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<CourseVersionView> {
    return this.authoring.startDraft(ctx.actor, courseId);
  }

  @Mutation(() => CourseVersionModel, { description: 'Edits the draft (opening one after a publish)' })
  updateCourseDraft(
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('input') input: CourseDraftInput,
    @Context() ctx: GraphQLContext,
  ): Promise<CourseVersionView> {
    return this.authoring.updateCourseDraft(ctx.actor, courseId, input);
  }

  @Mutation(() => LessonModel, { description: 'Appends a lesson to the draft' })
  addLesson(
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('input') input: LessonInput,
    @Context() ctx: GraphQLContext,
  ): Promise<LessonView> {
    return this.authoring.addLesson(ctx.actor, courseId, input);
  }

  @Mutation(() => LessonModel, { description: 'Edits a draft lesson' })
  updateLesson(
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Args('input') input: LessonInput,
    @Context() ctx: GraphQLContext,
  ): Promise<LessonView> {
    return this.authoring.updateLesson(ctx.actor, lessonId, input);
  }

  @Mutation(() => [LessonModel], { description: 'Moves a draft lesson to a 1-based position; returns the lessons' })
  moveLesson(
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Args('position', { type: () => Int }) position: number,
    @Context() ctx: GraphQLContext,
  ): Promise<LessonView[]> {
    return this.authoring.moveLesson(ctx.actor, lessonId, position);
  }

  @Mutation(() => [LessonModel], { description: 'Removes a draft lesson; returns the remaining lessons' })
  removeLesson(
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<LessonView[]> {
    return this.authoring.removeLesson(ctx.actor, lessonId);
  }

  @Mutation(() => CourseVersionModel, { description: 'Sets a draft lesson’s quiz, or the final quiz' })
  setQuiz(@Args('input') input: SetQuizInput, @Context() ctx: GraphQLContext): Promise<CourseVersionView> {
    return this.authoring.setQuiz(ctx.actor, input);
  }

  @Mutation(() => LessonModel, { description: 'Takes the quiz off a draft lesson' })
  removeLessonQuiz(
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<LessonView> {
    return this.authoring.removeLessonQuiz(ctx.actor, lessonId);
  }

  @Mutation(() => CourseVersionModel, {
    description: 'Freezes the draft as the published version (audited); a retry returns the published version',
  })
  publishCourse(
    @Args('courseId', { type: () => ID }) courseId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<CourseVersionView> {
    return this.authoring.publishCourse(ctx.actor, courseId, requestId(ctx));
  }
}

@Resolver(() => CourseVersionModel)
export class CourseVersionResolver {
  constructor(
    private readonly catalog: CourseCatalogService,
    private readonly learning: LearningService,
  ) {}

  @ResolveField(() => [LessonModel], { description: 'In order (batched)' })
  lessons(@Parent() version: CourseVersionView, @Context() ctx: GraphQLContext): Promise<LessonView[]> {
    return coursesLoaders(ctx, this.catalog, this.learning).lessons.load(version.id);
  }

  @ResolveField(() => QuizModel, { nullable: true, description: 'Opens when every lesson is done (batched)' })
  finalQuiz(@Parent() version: CourseVersionView, @Context() ctx: GraphQLContext): Promise<QuizView | null> {
    if (!version.finalQuizId) return Promise.resolve(null);
    return coursesLoaders(ctx, this.catalog, this.learning).quiz.load(version.finalQuizId);
  }
}

@Resolver(() => LessonModel)
export class LessonResolver {
  constructor(
    private readonly catalog: CourseCatalogService,
    private readonly learning: LearningService,
  ) {}

  @ResolveField(() => QuizModel, { nullable: true, description: 'Batched' })
  quiz(@Parent() lesson: LessonView, @Context() ctx: GraphQLContext): Promise<QuizView | null> {
    if (!lesson.quizId) return Promise.resolve(null);
    return coursesLoaders(ctx, this.catalog, this.learning).quiz.load(lesson.quizId);
  }
}

@Resolver(() => QuizModel)
export class QuizResolver {
  constructor(
    private readonly catalog: CourseCatalogService,
    private readonly learning: LearningService,
  ) {}

  @ResolveField(() => [QuizAnswerKeyModel], {
    nullable: true,
    description: 'Correct choices and explanations: only for the course’s editors, null for everybody else (batched)',
  })
  answerKey(@Parent() quiz: QuizView, @Context() ctx: GraphQLContext): Promise<QuizAnswerKey[] | null> {
    return coursesLoaders(ctx, this.catalog, this.learning).answerKey.load(quiz.id);
  }
}

@Resolver(() => EnrollmentModel)
export class EnrollmentResolver {
  constructor(
    private readonly catalog: CourseCatalogService,
    private readonly learning: LearningService,
  ) {}

  @Query(() => EnrollmentConnection, { description: 'The signed-in resident’s enrollments, newest first' })
  async myEnrollments(@Args() args: EnrollmentsArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.learning.listEnrollments(ctx.actor, null, args));
  }

  @Query(() => EnrollmentConnection, { description: 'A resident’s enrollments, for LEARNING_ASSIST in their village' })
  async residentEnrollments(
    @Args('residentId', { type: () => ID }) residentId: string,
    @Args() args: EnrollmentsArgs,
    @Context() ctx: GraphQLContext,
  ) {
    return toConnection(await this.learning.listEnrollments(ctx.actor, residentId, args));
  }

  @Query(() => EnrollmentModel)
  enrollment(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext): Promise<EnrollmentView> {
    return this.learning.getEnrollment(ctx.actor, id);
  }

  @Mutation(() => EnrollmentModel, {
    description:
      'Enrolls the signed-in resident, or `residentId` (assisted: LEARNING_ASSIST and LEARNING consent); a retry returns the same enrollment',
  })
  enroll(
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('residentId', { type: () => ID, nullable: true }) residentId: string | null,
    @Context() ctx: GraphQLContext,
  ): Promise<EnrollmentView> {
    return this.learning.enroll(ctx.actor, courseId, residentId);
  }

  @Mutation(() => LessonProgressModel, {
    description: 'Marks a lesson viewed; refused while the previous one is not done',
  })
  viewLesson(
    @Args('enrollmentId', { type: () => ID }) enrollmentId: string,
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<LessonState> {
    return this.learning.viewLesson(ctx.actor, enrollmentId, lessonId);
  }

  @Mutation(() => QuizAttemptResultModel, { description: 'Grades an attempt on the server and stores it' })
  submitQuizAttempt(
    @Args('input') input: SubmitQuizAttemptInput,
    @Context() ctx: GraphQLContext,
  ): Promise<QuizAttemptResult> {
    return this.learning.submitQuizAttempt(ctx.actor, input);
  }

  @ResolveField(() => CourseVersionModel, { description: 'The version this enrollment is pinned to (batched)' })
  async version(@Parent() enrollment: EnrollmentView, @Context() ctx: GraphQLContext): Promise<CourseVersionView> {
    return (await coursesLoaders(ctx, this.catalog, this.learning).version.load(enrollment.courseVersionId))!;
  }

  @ResolveField(() => [LessonProgressModel], { description: 'Lessons in order with progress (batched)' })
  lessons(@Parent() enrollment: EnrollmentView, @Context() ctx: GraphQLContext): Promise<LessonState[]> {
    return coursesLoaders(ctx, this.catalog, this.learning).lessonStates.load(enrollment.id);
  }

  @ResolveField(() => Date, { nullable: true, description: 'When the final quiz was passed (batched)' })
  finalQuizPassedAt(@Parent() enrollment: EnrollmentView, @Context() ctx: GraphQLContext): Promise<Date | null> {
    return coursesLoaders(ctx, this.catalog, this.learning).finalQuizPassedAt.load(enrollment.id);
  }
}
