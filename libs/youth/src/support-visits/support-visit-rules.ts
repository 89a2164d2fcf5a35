import { createHash } from 'node:crypto';
import { SupportPlace, SupportTask } from '../entities';
import { isUuid } from '../youth-records';
import { YouthErrorCode } from '../youth.errors';

export const SYNC_MAX_VISITS = 200;
export const VISIT_NOTE_MAX_LENGTH = 500;
export const VISIT_MAX_MINUTES = 480;
/** Phones' clocks drift: a visit a few minutes "in the future" is a clock, not a typo. */
const CLOCK_SKEW_MS = 10 * 60_000;
/** Older than this is a wrong date, not a late sync. */
const MAX_AGE_MS = 366 * 86_400_000;
/** An instant with its offset: "2025-07-14T09:30:00+07:00" or "...Z". A bare local time is ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** One visit as the volunteer's phone sends it. */
export interface SupportVisitInput {
  /** generated on the phone (UUID); the key that makes a re-sent batch harmless */
  id: string;
  villageId: string;
  residentId?: string | null;
  task: SupportTask;
  note?: string | null;
  place: SupportPlace;
  venueId?: string | null;
  /** ISO 8601 with offset */
  occurredAt: string;
  minutes: number;
}

/** A visit that passed the checks that need no database, in its stored form. */
export interface CheckedVisit {
  id: string;
  villageId: string;
  residentId: string | null;
  task: SupportTask;
  note: string | null;
  place: SupportPlace;
  venueId: string | null;
  occurredAt: Date;
  minutes: number;
}

export type VisitCheck = { ok: true; visit: CheckedVisit } | { ok: false; code: YouthErrorCode };

const blankToNull = (text: string | null | undefined): string | null =>
  typeof text === 'string' && text.trim() !== '' ? text.normalize('NFC').replace(/\s+/g, ' ').trim() : null;

/** The first broken rule of one row, in the order of the form, or the row as it will be stored. */
export function checkVisit(input: SupportVisitInput, now: Date): VisitCheck {
  const fail = (code: YouthErrorCode): VisitCheck => ({ ok: false, code });
  if (!isUuid(input.id)) return fail(YouthErrorCode.INVALID_VISIT_ID);
  if (!Object.values(SupportTask).includes(input.task)) return fail(YouthErrorCode.INVALID_VISIT_TASK);
  const note = blankToNull(input.note);
  if (
    (input.task === SupportTask.OTHER && note === null) ||
    (note !== null && [...note].length > VISIT_NOTE_MAX_LENGTH)
  ) {
    return fail(YouthErrorCode.INVALID_VISIT_NOTE);
  }
  const venueId = blankToNull(input.venueId);
  if (
    !Object.values(SupportPlace).includes(input.place) ||
    (input.place === SupportPlace.VENUE) !== (venueId !== null)
  ) {
    return fail(YouthErrorCode.INVALID_VISIT_PLACE);
  }
  if (venueId !== null && !isUuid(venueId)) return fail(YouthErrorCode.VISIT_VENUE_NOT_FOUND);
  if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > VISIT_MAX_MINUTES) {
    return fail(YouthErrorCode.INVALID_MINUTES);
  }
  const occurredAt =
    typeof input.occurredAt === 'string' && INSTANT.test(input.occurredAt) ? new Date(input.occurredAt) : null;
  if (
    occurredAt === null ||
    Number.isNaN(occurredAt.getTime()) ||
    occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS ||
    occurredAt.getTime() < now.getTime() - MAX_AGE_MS
  ) {
    return fail(YouthErrorCode.INVALID_OCCURRED_AT);
  }
  if (!isUuid(input.villageId)) return fail(YouthErrorCode.VISIT_VILLAGE_NOT_FOUND);
  const residentId = blankToNull(input.residentId);
  if (residentId !== null && !isUuid(residentId)) return fail(YouthErrorCode.VISIT_RESIDENT_NOT_FOUND);
  return {
    ok: true,
    visit: {
      id: input.id.toLowerCase(),
      villageId: input.villageId.toLowerCase(),
      residentId: residentId?.toLowerCase() ?? null,
      task: input.task,
      note,
      place: input.place,
      venueId: venueId?.toLowerCase() ?? null,
      occurredAt,
      minutes: input.minutes,
    },
  };
}

/**
 * What a visit says, hashed: the same visit sent again hashes the same whatever the formatting
 * ("+07:00" or "Z", spacing in the note), a different visit under a reused id does not. The
 * recording account is part of it: another account reusing an id is a conflict, not a retry.
 */
export function visitContentHash(visit: CheckedVisit, volunteerAccountId: string): string {
  const content = [
    volunteerAccountId,
    visit.id,
    visit.villageId,
    visit.residentId,
    visit.task,
    visit.note,
    visit.place,
    visit.venueId,
    visit.occurredAt.toISOString(),
    visit.minutes,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
