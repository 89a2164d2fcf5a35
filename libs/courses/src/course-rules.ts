import { cleanName, foldVietnamese } from '@hocvuso/geography';
import { CourseAudience, CourseTopic } from './entities/course.entity';
import type { LessonAttachment } from './entities/lesson.entity';
import type { QuizQuestionData } from './entities/quiz.entity';
import { CoursesError, CoursesErrorCode } from './courses.errors';

export const TITLE_MAX_LENGTH = 200;
export const SUMMARY_MAX_LENGTH = 2_000;
export const BODY_MAX_LENGTH = 100_000;
export const URL_MAX_LENGTH = 2_000;
export const MAX_ATTACHMENTS = 20;
export const MAX_QUESTIONS = 100;
export const MAX_CHOICES = 10;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface CourseFieldsInput {
  title: string;
  summary: string;
  audience: CourseAudience;
  topic: CourseTopic;
  estimatedMinutes: number;
}

export interface CourseFields extends CourseFieldsInput {
  searchText: string;
}

export interface LessonFieldsInput {
  title: string;
  bodyMarkdown: string;
  videoUrl?: string | null;
  attachments?: readonly LessonAttachment[] | null;
}

export interface LessonFields {
  title: string;
  bodyMarkdown: string;
  videoUrl: string | null;
  attachments: LessonAttachment[];
}

export interface QuizQuestionInput {
  prompt: string;
  choices: readonly string[];
  correct: readonly number[];
  explanation?: string | null;
}

export interface QuizInput {
  passMark: number;
  maxAttempts?: number | null;
  cooldownSeconds?: number | null;
  questions: readonly QuizQuestionInput[];
}

export interface QuizFields {
  passMark: number;
  maxAttempts: number;
  cooldownSeconds: number;
  questions: QuizQuestionData[];
}

/** Quiz settings an editor leaves out (from QUIZ_MAX_ATTEMPTS and QUIZ_RETRY_COOLDOWN_SECONDS). */
export interface QuizDefaults {
  maxAttempts: number;
  cooldownSeconds: number;
}

type Code = CoursesErrorCode.INVALID_COURSE | CoursesErrorCode.INVALID_LESSON | CoursesErrorCode.INVALID_QUIZ;

function fail(code: Code | CoursesErrorCode.INVALID_QUIZ_ANSWERS, field: string, reason: string): never {
  throw new CoursesError(code, { field, reason });
}

const length = (text: string): number => [...text].length;

/** Trimmed NFC text of `min`..`max` characters, or the named error. */
function text(code: Code, field: string, raw: unknown, min: number, max: number, oneLine = true): string {
  if (typeof raw !== 'string') fail(code, field, `${field} là bắt buộc`);
  const value = oneLine ? cleanName(raw) : raw.normalize('NFC').trim();
  if (length(value) < min || length(value) > max) fail(code, field, `${field} cần từ ${min} đến ${max} ký tự`);
  return value;
}

function integer(code: Code, field: string, raw: unknown, min: number, max: number): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) {
    fail(code, field, `${field} phải là số nguyên từ ${min} đến ${max}`);
  }
  return raw;
}

/** Only http and https links: javascript:, data: and file: URLs never reach a learner's screen. */
export function checkUrl(code: Code, field: string, raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '' || length(raw.trim()) > URL_MAX_LENGTH) {
    fail(code, field, `${field} cần là địa chỉ http(s) không quá ${URL_MAX_LENGTH} ký tự`);
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    fail(code, field, `${field} không phải là địa chỉ hợp lệ`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(code, field, `${field} chỉ nhận địa chỉ http hoặc https`);
  return url.toString();
}

export function checkSlug(raw: unknown): string {
  if (typeof raw !== 'string' || !SLUG_PATTERN.test(raw) || raw.length < 3 || raw.length > 80) {
    fail(CoursesErrorCode.INVALID_COURSE, 'slug', 'slug gồm 3 đến 80 chữ thường không dấu, số và dấu gạch ngang');
  }
  return raw;
}

export function checkCourseFields(raw: CourseFieldsInput): CourseFields {
  const code = CoursesErrorCode.INVALID_COURSE;
  const title = text(code, 'title', raw.title, 3, TITLE_MAX_LENGTH);
  const summary = text(code, 'summary', raw.summary, 1, SUMMARY_MAX_LENGTH, false);
  if (!Object.values(CourseAudience).includes(raw.audience)) fail(code, 'audience', 'đối tượng không hợp lệ');
  if (!Object.values(CourseTopic).includes(raw.topic)) fail(code, 'topic', 'chủ đề không hợp lệ');
  const estimatedMinutes = integer(code, 'estimatedMinutes', raw.estimatedMinutes, 1, 6_000);
  return {
    title,
    summary,
    audience: raw.audience,
    topic: raw.topic,
    estimatedMinutes,
    searchText: foldVietnamese(`${title} ${summary}`),
  };
}

export function checkLessonFields(raw: LessonFieldsInput): LessonFields {
  const code = CoursesErrorCode.INVALID_LESSON;
  const title = text(code, 'title', raw.title, 3, TITLE_MAX_LENGTH);
  const bodyMarkdown = text(code, 'bodyMarkdown', raw.bodyMarkdown, 1, BODY_MAX_LENGTH, false);
  const videoUrl =
    raw.videoUrl === null || raw.videoUrl === undefined || raw.videoUrl.trim() === ''
      ? null
      : checkUrl(code, 'videoUrl', raw.videoUrl);
  const attachments = raw.attachments ?? [];
  if (attachments.length > MAX_ATTACHMENTS) fail(code, 'attachments', `tối đa ${MAX_ATTACHMENTS} tệp đính kèm`);
  return {
    title,
    bodyMarkdown,
    videoUrl,
    attachments: attachments.map((attachment, i) => ({
      name: text(code, `attachments[${i}].name`, attachment.name, 1, TITLE_MAX_LENGTH),
      url: checkUrl(code, `attachments[${i}].url`, attachment.url),
    })),
  };
}

function checkQuestion(raw: QuizQuestionInput, i: number): QuizQuestionData {
  const code = CoursesErrorCode.INVALID_QUIZ;
  const field = `questions[${i}]`;
  const prompt = text(code, `${field}.prompt`, raw.prompt, 1, SUMMARY_MAX_LENGTH, false);
  const choices = raw.choices ?? [];
  if (choices.length < 2 || choices.length > MAX_CHOICES) {
    fail(code, `${field}.choices`, `mỗi câu hỏi cần từ 2 đến ${MAX_CHOICES} lựa chọn`);
  }
  const cleanChoices = choices.map((choice, c) => text(code, `${field}.choices[${c}]`, choice, 1, 500));
  const correct = [...new Set(raw.correct ?? [])].sort((a, b) => a - b);
  if (correct.length === 0 || correct.length !== (raw.correct ?? []).length) {
    fail(code, `${field}.correct`, 'cần ít nhất một đáp án đúng, không lặp lại');
  }
  if (correct.some((index) => !Number.isInteger(index) || index < 0 || index >= choices.length)) {
    fail(code, `${field}.correct`, 'đáp án đúng phải là số thứ tự của một lựa chọn (bắt đầu từ 0)');
  }
  const explanation =
    raw.explanation === null || raw.explanation === undefined || raw.explanation.trim() === ''
      ? null
      : text(code, `${field}.explanation`, raw.explanation, 1, SUMMARY_MAX_LENGTH, false);
  return { prompt, choices: cleanChoices, correct, explanation };
}

export function checkQuiz(raw: QuizInput, defaults: QuizDefaults): QuizFields {
  const code = CoursesErrorCode.INVALID_QUIZ;
  const passMark = integer(code, 'passMark', raw.passMark, 1, 100);
  const maxAttempts = integer(code, 'maxAttempts', raw.maxAttempts ?? defaults.maxAttempts, 1, 100);
  const cooldownSeconds = integer(code, 'cooldownSeconds', raw.cooldownSeconds ?? defaults.cooldownSeconds, 0, 86_400);
  const questions = raw.questions ?? [];
  if (questions.length < 1 || questions.length > MAX_QUESTIONS) {
    fail(code, 'questions', `cần từ 1 đến ${MAX_QUESTIONS} câu hỏi`);
  }
  return { passMark, maxAttempts, cooldownSeconds, questions: questions.map(checkQuestion) };
}

export interface QuestionResult {
  index: number;
  correct: boolean;
}

export interface Grade {
  correctCount: number;
  /** percent, rounded down */
  score: number;
  passed: boolean;
  results: QuestionResult[];
}

/** One list of chosen indices per question; an empty list is an unanswered (wrong) question. */
export function checkAnswers(
  questions: readonly QuizQuestionData[],
  answers: readonly (readonly number[])[],
): number[][] {
  const code = CoursesErrorCode.INVALID_QUIZ_ANSWERS;
  if (answers.length !== questions.length) {
    fail(code, 'answers', `cần đúng ${questions.length} câu trả lời, theo thứ tự câu hỏi`);
  }
  return answers.map((chosen, i) => {
    const distinct = [...new Set(chosen)].sort((a, b) => a - b);
    if (distinct.length !== chosen.length) fail(code, `answers[${i}]`, 'một lựa chọn được chọn hai lần');
    if (distinct.some((index) => !Number.isInteger(index) || index < 0 || index >= questions[i].choices.length)) {
      fail(code, `answers[${i}]`, 'lựa chọn không có trong câu hỏi');
    }
    return distinct;
  });
}

/** A question is right when exactly the correct choices, and no other, were picked. */
export function grade(
  questions: readonly QuizQuestionData[],
  answers: readonly (readonly number[])[],
  passMark: number,
): Grade {
  const results = questions.map((question, index) => {
    const chosen = answers[index];
    const correct =
      chosen.length === question.correct.length && question.correct.every((choice) => chosen.includes(choice));
    return { index, correct };
  });
  const correctCount = results.filter((result) => result.correct).length;
  const score = Math.floor((correctCount * 100) / questions.length);
  // Compared in whole numbers: 2 of 3 right (66.67 %) does not pass a mark of 67.
  return { correctCount, score, passed: correctCount * 100 >= passMark * questions.length, results };
}
