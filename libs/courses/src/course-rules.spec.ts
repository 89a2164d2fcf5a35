import { checkAnswers, checkLessonFields, checkQuiz, grade } from './course-rules';
import { CoursesErrorCode } from './courses.errors';
import type { QuizQuestionData } from './entities/quiz.entity';

const questions: QuizQuestionData[] = [
  { prompt: 'Một đáp án', choices: ['A', 'B'], correct: [1], explanation: null },
  { prompt: 'Nhiều đáp án', choices: ['A', 'B', 'C'], correct: [0, 2], explanation: null },
  { prompt: 'Câu thứ ba', choices: ['A', 'B', 'C'], correct: [0], explanation: null },
];
const defaults = { maxAttempts: 5, cooldownSeconds: 60 };

const codeAndField = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    const { code, details } = error as { code: string; details: { field?: string } };
    return [code, details.field];
  }
  return null;
};

describe('grade', () => {
  it('counts a question right only when exactly the correct choices were picked', () => {
    expect(grade(questions, [[1], [0, 2], [0]], 100)).toMatchObject({ correctCount: 3, score: 100, passed: true });
    expect(grade(questions, [[1], [0], [0]], 50).results.map((r) => r.correct)).toEqual([true, false, true]);
    expect(grade(questions, [[1], [0, 1, 2], []], 50).results.map((r) => r.correct)).toEqual([true, false, false]);
  });

  it('compares the pass mark without rounding: 2 of 3 passes 66 but not 67', () => {
    const twoOfThree = [[1], [0, 2], [1]];
    expect(grade(questions, twoOfThree, 66)).toMatchObject({ score: 66, passed: true });
    expect(grade(questions, twoOfThree, 67)).toMatchObject({ score: 66, passed: false });
  });
});

describe('checkAnswers', () => {
  it('wants one list per question, with choices that exist, each once', () => {
    expect(checkAnswers(questions, [[1], [2, 0], []])).toEqual([[1], [0, 2], []]);
    expect(codeAndField(() => checkAnswers(questions, [[1]]))).toEqual([
      CoursesErrorCode.INVALID_QUIZ_ANSWERS,
      'answers',
    ]);
    expect(codeAndField(() => checkAnswers(questions, [[1], [3], [0]]))).toEqual([
      CoursesErrorCode.INVALID_QUIZ_ANSWERS,
      'answers[1]',
    ]);
    expect(codeAndField(() => checkAnswers(questions, [[1, 1], [0], [0]]))).toEqual([
      CoursesErrorCode.INVALID_QUIZ_ANSWERS,
      'answers[0]',
    ]);
    expect(codeAndField(() => checkAnswers(questions, [[0.5], [0], [0]]))).toEqual([
      CoursesErrorCode.INVALID_QUIZ_ANSWERS,
      'answers[0]',
    ]);
  });
});

describe('checkQuiz and checkLessonFields', () => {
  const question = { prompt: 'Câu hỏi?', choices: ['Có', 'Không'], correct: [0] };

  it('fills attempts and cooldown from the defaults and sorts the correct indices', () => {
    const quiz = checkQuiz({ passMark: 80, questions: [{ ...question, correct: [1, 0] }] }, defaults);
    expect(quiz).toEqual({
      passMark: 80,
      maxAttempts: 5,
      cooldownSeconds: 60,
      questions: [{ prompt: 'Câu hỏi?', choices: ['Có', 'Không'], correct: [0, 1], explanation: null }],
    });
  });

  it('names the broken rule', () => {
    const quiz = (overrides: Record<string, unknown>) => () =>
      checkQuiz({ passMark: 80, questions: [question], ...overrides }, defaults);
    expect(codeAndField(quiz({ passMark: 0 }))).toEqual([CoursesErrorCode.INVALID_QUIZ, 'passMark']);
    expect(codeAndField(quiz({ passMark: 100.5 }))).toEqual([CoursesErrorCode.INVALID_QUIZ, 'passMark']);
    expect(codeAndField(quiz({ maxAttempts: 0 }))).toEqual([CoursesErrorCode.INVALID_QUIZ, 'maxAttempts']);
    expect(codeAndField(quiz({ questions: [{ ...question, choices: ['Một'] }] }))).toEqual([
      CoursesErrorCode.INVALID_QUIZ,
      'questions[0].choices',
    ]);
    expect(codeAndField(quiz({ questions: [{ ...question, correct: [0, 0] }] }))).toEqual([
      CoursesErrorCode.INVALID_QUIZ,
      'questions[0].correct',
    ]);
    expect(
      codeAndField(() => checkLessonFields({ title: 'Bài học', bodyMarkdown: 'x', videoUrl: 'ftp://a/b' })),
    ).toEqual([CoursesErrorCode.INVALID_LESSON, 'videoUrl']);
    expect(checkLessonFields({ title: '  Bài   học ', bodyMarkdown: ' x ', videoUrl: ' ' })).toEqual({
      title: 'Bài học',
      bodyMarkdown: 'x',
      videoUrl: null,
      attachments: [],
    });
  });
});
