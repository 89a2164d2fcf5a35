import { LIVE_LIMITS, REACTION_KINDS, type RequestName } from '@hocvuso/live-client/protocol';
import { z } from 'zod';

const id = z.uuid();
const text = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1).max(max));
const empty = z.union([z.object({}).strict(), z.undefined(), z.null()]).transform(() => ({}));

/**
 * The schema of every request a client may send: anything not matching is answered
 * INVALID_PAYLOAD. Objects are strict, so unknown fields are refused rather than ignored.
 */
export const inboundSchemas = {
  snapshot: empty,
  'poll:answer': z
    .object({
      pollId: id,
      option: z
        .number()
        .int()
        .min(0)
        .max(LIVE_LIMITS.pollMaxOptions - 1),
    })
    .strict(),
  react: z.object({ kind: z.enum(REACTION_KINDS) }).strict(),
  'question:ask': z.object({ text: text(LIVE_LIMITS.questionMaxLength) }).strict(),
  'question:upvote': z.object({ questionId: id }).strict(),
  'step:set': z.object({ step: z.number().int().min(0).max(LIVE_LIMITS.maxStep) }).strict(),
  'poll:open': z
    .object({
      kind: z.enum(['POLL', 'QUIZ']),
      question: text(LIVE_LIMITS.pollQuestionMaxLength),
      options: z
        .array(text(LIVE_LIMITS.pollOptionMaxLength))
        .min(LIVE_LIMITS.pollMinOptions)
        .max(LIVE_LIMITS.pollMaxOptions),
      correctOption: z
        .number()
        .int()
        .min(0)
        .max(LIVE_LIMITS.pollMaxOptions - 1)
        .nullable()
        .optional(),
    })
    .strict()
    .refine((poll) => (poll.kind === 'QUIZ') === (poll.correctOption != null), 'a quiz has a right option, a poll none')
    .refine((poll) => poll.correctOption == null || poll.correctOption < poll.options.length, 'no such option'),
  'poll:close': z.object({ pollId: id }).strict(),
  'question:approve': z.object({ questionId: id }).strict(),
  'question:hide': z.object({ questionId: id }).strict(),
  'announcement:pin': z.object({ text: text(LIVE_LIMITS.announcementMaxLength).nullable() }).strict(),
  'session:end': empty,
} satisfies Record<RequestName, z.ZodType>;

export type InboundPayload<K extends RequestName> = z.infer<(typeof inboundSchemas)[K]>;

export function isRequestName(event: string): event is RequestName {
  return Object.hasOwn(inboundSchemas, event);
}
