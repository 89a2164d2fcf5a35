import { randomInt } from 'node:crypto';
import { cleanName } from '@hocvuso/geography/text/fold';
import { LiveError, LiveErrorCode } from './live.errors';

export const TITLE_MIN_LENGTH = 3;
export const TITLE_MAX_LENGTH = 200;
export const MAX_SESSION_HOURS = 12;
export const MAX_TARGETS = 500;
export const MAX_TRAINERS = 20;
export const GUEST_NAME_MIN_LENGTH = 2;
export const GUEST_NAME_MAX_LENGTH = 60;
export const MAX_HEADCOUNT = 100_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function validTitle(title: string): string {
  const clean = cleanName(title ?? '');
  if (clean.length < TITLE_MIN_LENGTH || clean.length > TITLE_MAX_LENGTH) {
    throw new LiveError(LiveErrorCode.INVALID_TITLE, { field: 'title' });
  }
  return clean;
}

export function validSchedule(start: Date, end: Date): { start: Date; end: Date } {
  const valid =
    start instanceof Date &&
    end instanceof Date &&
    !Number.isNaN(start.getTime()) &&
    !Number.isNaN(end.getTime()) &&
    end.getTime() > start.getTime() &&
    end.getTime() - start.getTime() <= MAX_SESSION_HOURS * 3_600_000;
  if (!valid) throw new LiveError(LiveErrorCode.INVALID_SCHEDULE, { field: 'scheduledEnd' });
  return { start, end };
}

/** The video comes from a streaming service: an absolute http(s) URL, nothing else. */
export function validStreamUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL((url ?? '').trim());
  } catch {
    throw new LiveError(LiveErrorCode.INVALID_STREAM_URL, { field: 'streamUrl' });
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.href.length > 2000) {
    throw new LiveError(LiveErrorCode.INVALID_STREAM_URL, { field: 'streamUrl' });
  }
  return parsed.href;
}

export interface Targets {
  provinceCodes: string[];
  communeCodes: string[];
}

/** Well-formed, de-duplicated and not empty; whether the units exist is the service's check. */
export function validTargets(targets: Partial<Targets>): Targets {
  const provinceCodes = [...new Set(targets.provinceCodes ?? [])];
  const communeCodes = [...new Set(targets.communeCodes ?? [])];
  const wellFormed =
    provinceCodes.every((code) => /^\d{2}$/.test(code)) && communeCodes.every((code) => /^\d{5}$/.test(code));
  const total = provinceCodes.length + communeCodes.length;
  if (!wellFormed || total === 0 || total > MAX_TARGETS) {
    throw new LiveError(LiveErrorCode.INVALID_TARGETS, { field: 'targets' });
  }
  return { provinceCodes: provinceCodes.sort(), communeCodes: communeCodes.sort() };
}

export function validTrainerIds(ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || unique.length > MAX_TRAINERS || !unique.every(isUuid)) {
    throw new LiveError(LiveErrorCode.INVALID_TRAINERS, { field: 'trainerAccountIds' });
  }
  return unique;
}

/** The only thing a guest tells about themselves: the name others see next to their questions. */
export function validGuestName(name: string | null | undefined): string {
  const clean = cleanName(name ?? '');
  if (clean.length < GUEST_NAME_MIN_LENGTH || clean.length > GUEST_NAME_MAX_LENGTH || !/\p{L}/u.test(clean)) {
    throw new LiveError(LiveErrorCode.INVALID_GUEST_NAME, { field: 'guestName' });
  }
  return clean;
}

export function validHeadcount(headcount: number): number {
  if (!Number.isInteger(headcount) || headcount < 0 || headcount > MAX_HEADCOUNT) {
    throw new LiveError(LiveErrorCode.INVALID_HEADCOUNT, { field: 'headcount' });
  }
  return headcount;
}

// No 0/O, 1/I/L: read aloud over a village loudspeaker and typed on old phones.
const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join(
    '',
  );
}

/** Join codes are typed by people: case, spaces and dashes aside. */
export function normalizeJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
