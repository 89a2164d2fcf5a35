import type {
  CourseCatalogService,
  CourseVersionView,
  LearningService,
  LessonState,
  LessonView,
  QuizAnswerKey,
  QuizView,
} from '@hocvuso/courses';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '../graphql/graphql.context';

/** Per-request batching for courses' nested fields. */
export interface CoursesLoaders {
  version: DataLoader<string, CourseVersionView | null>;
  lessons: DataLoader<string, LessonView[]>;
  quiz: DataLoader<string, QuizView | null>;
  answerKey: DataLoader<string, QuizAnswerKey[] | null>;
  lessonStates: DataLoader<string, LessonState[]>;
  finalQuizPassedAt: DataLoader<string, Date | null>;
}

// Keyed by the request's context object: created on first use, gone with the request.
const loadersByContext = new WeakMap<GraphQLContext, CoursesLoaders>();

export function coursesLoaders(
  ctx: GraphQLContext,
  catalog: CourseCatalogService,
  learning: LearningService,
): CoursesLoaders {
  let loaders = loadersByContext.get(ctx);
  if (!loaders) {
    loaders = {
      version: new DataLoader((ids) => catalog.versions(ids)),
      lessons: new DataLoader((ids) => catalog.lessonsOfVersions(ids)),
      quiz: new DataLoader((ids) => catalog.quizzes(ids)),
      answerKey: new DataLoader((ids) => catalog.answerKeys(ctx.actor, ids)),
      lessonStates: new DataLoader((ids) => learning.lessonStates(ids)),
      finalQuizPassedAt: new DataLoader((ids) => learning.finalQuizPassedAt(ids)),
    };
    loadersByContext.set(ctx, loaders);
  }
  return loaders;
}
