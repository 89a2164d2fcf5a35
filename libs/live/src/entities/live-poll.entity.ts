import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { LiveSessionSchema } from './live-session.entity';

export enum LivePollKind {
  POLL = 'POLL',
  /** a quick quiz: one option is right, shown when it closes */
  QUIZ = 'QUIZ',
}

/**
 * A poll or quick quiz of a session. Answers are counted in Redis while it is open; when it
 * closes, the final tallies (overall and per commune) are written here, computed from the set
 * of distinct answers.
 */
const LivePollSchema = defineEntity({
  name: 'LivePoll',
  tableName: 'live_poll',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    session: () => p.manyToOne(LiveSessionSchema).index(),
    kind: p.enum(() => LivePollKind).nativeEnumName('live_poll_kind'),
    question: p.string().length(300),
    options: p.json<string[]>(),
    correctOption: p.integer().nullable(),
    openedBy: p.uuid(),
    openedAt: p.datetime(),
    closedAt: p.datetime().nullable(),
    answerCount: p.integer().nullable(),
    tallies: p.json<number[]>().nullable(),
    talliesByCommune: p.json<Record<string, number[]>>().nullable(),
  },
});

export class LivePoll extends LivePollSchema.class {}
LivePollSchema.setClass(LivePoll);
export { LivePollSchema };
