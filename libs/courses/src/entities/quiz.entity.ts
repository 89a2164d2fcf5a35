import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

/** One question as stored; `correct` and `explanation` never leave the server before grading. */
export interface QuizQuestionData {
  prompt: string;
  choices: string[];
  /** zero-based indices into `choices` */
  correct: number[];
  explanation: string | null;
}

const QuizSchema = defineEntity({
  name: 'Quiz',
  tableName: 'quiz',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    /** percent of questions answered right needed to pass, 1..100 */
    passMark: p.integer(),
    maxAttempts: p.integer(),
    cooldownSeconds: p.integer(),
    questions: p.json<QuizQuestionData[]>(),
  },
});

export class Quiz extends QuizSchema.class {}
QuizSchema.setClass(Quiz);
export { QuizSchema };
