import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { CourseVersionSchema } from './course.entity';
import { QuizSchema } from './quiz.entity';

export interface LessonAttachment {
  name: string;
  /** http or https */
  url: string;
}

const LessonSchema = defineEntity({
  name: 'Lesson',
  tableName: 'lesson',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    courseVersion: () => p.manyToOne(CourseVersionSchema),
    /** 1..n inside the version; lesson k+1 unlocks when lesson k is done */
    position: p.integer(),
    title: p.string().length(200),
    bodyMarkdown: p.text(),
    videoUrl: p.string().length(2000).nullable(),
    attachments: p.json<LessonAttachment[]>(),
    quiz: () => p.manyToOne(QuizSchema).nullable(),
  },
});

export class Lesson extends LessonSchema.class {}
LessonSchema.setClass(Lesson);
export { LessonSchema };
