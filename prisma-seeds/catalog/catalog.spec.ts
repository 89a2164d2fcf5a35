import { seedCatalog } from './index';
import type { SeedCourse, SeedQuiz, SeedTopic } from './types';

/**
 * The rules every seed course must keep. They live here rather than in the loader so a content
 * edit that breaks one fails in the unit run, before anything reaches a database.
 */

const MIN_COURSES = 6;
const LESSONS = { min: 3, max: 6 };
const LESSON_WORDS = { min: 150, max: 400 };
const LESSON_QUIZ_QUESTIONS = { min: 2, max: 3 };
const FINAL_QUIZ_QUESTIONS = { min: 5, max: 10 };
const CHOICES = { min: 2, max: 4 };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Letters that exist in Vietnamese but not in ASCII: a title without one lost its diacritics. */
const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

function outside(count: number, range: { min: number; max: number }): boolean {
  return count < range.min || count > range.max;
}

/** Words as a reader counts them: Markdown markers such as "##", "-" and "1." are not words. */
function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Every string anywhere in the value, with the path that leads to it. */
function strings(value: unknown, path: string): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  }
  return [];
}

function textProblems(course: SeedCourse): string[] {
  return strings(course, course.slug).flatMap(({ path, text }) => {
    const problems: string[] = [];
    if (text.trim() === '') problems.push(`${path} is empty`);
    if (text !== text.normalize('NFC')) problems.push(`${path} is not NFC-normalised`);
    return problems;
  });
}

function quizProblems(quiz: SeedQuiz, where: string, questions: { min: number; max: number }): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(quiz.passMark) || quiz.passMark < 1 || quiz.passMark > 100) {
    problems.push(`${where}: passMark ${quiz.passMark} is not an integer in 1..100`);
  }
  if (outside(quiz.questions.length, questions)) {
    problems.push(`${where}: ${quiz.questions.length} questions, expected ${questions.min}–${questions.max}`);
  }
  quiz.questions.forEach((question, q) => {
    const at = `${where} question ${q + 1}`;
    const { choices, correct } = question;
    if (outside(choices.length, CHOICES)) {
      problems.push(`${at}: ${choices.length} choices, expected ${CHOICES.min}–${CHOICES.max}`);
    }
    if (new Set(choices).size !== choices.length) problems.push(`${at}: repeats a choice`);
    if (correct.length === 0) problems.push(`${at}: no correct choice`);
    if (new Set(correct).size !== correct.length) problems.push(`${at}: repeats a correct index`);
    if (correct.some((index) => !Number.isInteger(index) || index < 0 || index >= choices.length)) {
      problems.push(`${at}: correct index out of range`);
    }
    if (choices.length > 0 && new Set(correct).size >= choices.length) {
      problems.push(`${at}: every choice is correct`);
    }
  });
  return problems;
}

function courseProblems(course: SeedCourse): string[] {
  const problems: string[] = [];
  const { slug } = course;
  if (!SLUG.test(slug)) problems.push(`${slug}: slug is not kebab-case ASCII`);
  if (!VIETNAMESE_LETTER.test(course.title)) problems.push(`${slug}: title has no Vietnamese diacritics`);
  if (!Number.isInteger(course.estimatedMinutes) || course.estimatedMinutes <= 0) {
    problems.push(`${slug}: estimatedMinutes ${course.estimatedMinutes} is not a positive integer`);
  }
  if (outside(course.lessons.length, LESSONS)) {
    problems.push(`${slug}: ${course.lessons.length} lessons, expected ${LESSONS.min}–${LESSONS.max}`);
  }
  const titles = course.lessons.map((lesson) => lesson.title);
  if (new Set(titles).size !== titles.length) problems.push(`${slug}: repeats a lesson title`);
  course.lessons.forEach((lesson, l) => {
    const words = wordCount(lesson.bodyMarkdown);
    if (outside(words, LESSON_WORDS)) {
      problems.push(`${slug} lesson ${l + 1}: ${words} words, expected ${LESSON_WORDS.min}–${LESSON_WORDS.max}`);
    }
    if (lesson.quiz) problems.push(...quizProblems(lesson.quiz, `${slug} lesson ${l + 1} quiz`, LESSON_QUIZ_QUESTIONS));
  });
  problems.push(...quizProblems(course.finalQuiz, `${slug} final quiz`, FINAL_QUIZ_QUESTIONS));
  problems.push(...textProblems(course));
  return problems;
}

function catalogProblems(courses: readonly SeedCourse[]): string[] {
  const problems: string[] = [];
  if (courses.length < MIN_COURSES) problems.push(`${courses.length} courses, expected at least ${MIN_COURSES}`);
  const slugs = courses.map((course) => course.slug);
  slugs
    .filter((slug, index) => slugs.indexOf(slug) !== index)
    .forEach((slug) => problems.push(`slug ${slug} is used more than once`));
  return [...problems, ...courses.flatMap(courseProblems)];
}

function copyOf(slug: string): SeedCourse {
  const course = seedCatalog.find((candidate) => candidate.slug === slug);
  if (!course) throw new Error(`no seed course ${slug}`);
  return structuredClone(course);
}

describe('the seed course catalog', () => {
  it('keeps every catalog rule', () => {
    expect(catalogProblems(seedCatalog)).toEqual([]);
  });

  it('covers the six subjects the movement teaches, each under its framework topic', () => {
    const topics: Record<string, SeedTopic> = Object.fromEntries(
      seedCatalog.map((course) => [course.slug, course.topic]),
    );
    expect(topics).toMatchObject({
      'vneid-muc-2': 'DIGITAL_IDENTITY',
      'dich-vu-cong-truc-tuyen': 'ONLINE_PUBLIC_SERVICES',
      'chu-ky-so-ca-nhan': 'DIGITAL_SIGNATURES',
      'tro-ly-ai-van-phong': 'AI_TOOLS',
      'phong-chong-lua-dao': 'ONLINE_SAFETY',
      'bao-ve-du-lieu-ca-nhan': 'DATA_AND_INFORMATION',
    });
  });

  it('reports each broken rule when a catalog breaks them', () => {
    const tooShort = copyOf('vneid-muc-2');
    tooShort.lessons = tooShort.lessons.slice(0, 2);
    tooShort.finalQuiz.questions = tooShort.finalQuiz.questions.slice(0, 4);
    tooShort.finalQuiz.passMark = 0;

    const badQuestions = copyOf('chu-ky-so-ca-nhan');
    badQuestions.title = 'Ky van ban bang chu ky so';
    badQuestions.finalQuiz.questions[0] = { prompt: 'Câu hỏi?', choices: ['Một'], correct: [] };
    badQuestions.finalQuiz.questions[1] = { prompt: 'Câu hỏi khác?', choices: ['Có', 'Không'], correct: [2] };
    badQuestions.finalQuiz.questions[2] = { prompt: 'Câu thứ ba?', choices: ['Có', 'Không'], correct: [0, 1] };

    const badText = copyOf('bao-ve-du-lieu-ca-nhan');
    badText.summary = '   ';
    badText.lessons[0].title = badText.lessons[0].title.normalize('NFD');
    badText.lessons[1].bodyMarkdown = 'Quá ngắn.';

    const duplicate = copyOf('phong-chong-lua-dao');

    expect(catalogProblems([tooShort, badQuestions, badText, duplicate, copyOf('phong-chong-lua-dao')])).toEqual([
      '5 courses, expected at least 6',
      'slug phong-chong-lua-dao is used more than once',
      'vneid-muc-2: 2 lessons, expected 3–6',
      'vneid-muc-2 final quiz: passMark 0 is not an integer in 1..100',
      'vneid-muc-2 final quiz: 4 questions, expected 5–10',
      'chu-ky-so-ca-nhan: title has no Vietnamese diacritics',
      'chu-ky-so-ca-nhan final quiz question 1: 1 choices, expected 2–4',
      'chu-ky-so-ca-nhan final quiz question 1: no correct choice',
      'chu-ky-so-ca-nhan final quiz question 2: correct index out of range',
      'chu-ky-so-ca-nhan final quiz question 3: every choice is correct',
      'bao-ve-du-lieu-ca-nhan lesson 2: 2 words, expected 150–400',
      'bao-ve-du-lieu-ca-nhan.summary is empty',
      'bao-ve-du-lieu-ca-nhan.lessons[0].title is not NFC-normalised',
    ]);
  });
});
