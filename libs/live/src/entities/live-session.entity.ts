import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

export enum LiveSessionStatus {
  SCHEDULED = 'SCHEDULED',
  LIVE = 'LIVE',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
}

/**
 * A livestreamed class. The video comes from a streaming service (`streamUrl`); this row holds
 * who teaches it, whom it is for and where it stands. Course and lesson are plain ids: the
 * session must outlive edits to the catalog.
 */
const LiveSessionSchema = defineEntity({
  name: 'LiveSession',
  tableName: 'live_session',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    title: p.string().length(200),
    courseId: p.uuid().nullable(),
    lessonId: p.uuid().nullable(),
    scheduledStart: p.datetime(),
    scheduledEnd: p.datetime(),
    streamUrl: p.string().length(2000),
    /** whole provinces the class is for */
    targetProvinceCodes: p.array(),
    /** single communes the class is for */
    targetCommuneCodes: p.array(),
    /** short code people type to find the class, unique while it matters */
    joinCode: p.string().length(8).unique(),
    status: p.enum(() => LiveSessionStatus).nativeEnumName('live_session_status'),
    startedAt: p.datetime().nullable(),
    endedAt: p.datetime().nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class LiveSession extends LiveSessionSchema.class {}
LiveSessionSchema.setClass(LiveSession);
export { LiveSessionSchema };

/** An account that teaches a session: it gets a trainer token and the trainer controls. */
const LiveSessionTrainerSchema = defineEntity({
  name: 'LiveSessionTrainer',
  tableName: 'live_session_trainer',
  uniques: [{ properties: ['session', 'accountId'], name: 'live_session_trainer_unique' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    session: () => p.manyToOne(LiveSessionSchema),
    accountId: p.uuid(),
  },
});

export class LiveSessionTrainer extends LiveSessionTrainerSchema.class {}
LiveSessionTrainerSchema.setClass(LiveSessionTrainer);
export { LiveSessionTrainerSchema };
