import { cleanName } from '@hocvuso/geography';
import { YouthError, YouthErrorCode } from './youth.errors';

export const TEAM_NAME_MAX_LENGTH = 120;
export const UNIVERSITY_MAX_LENGTH = 200;
/** An assignment longer than a school year is a typing mistake, not a volunteer period. */
export const MAX_ASSIGNMENT_DAYS = 366;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day "YYYY-MM-DD" that exists (no 2025-02-30), or null. */
export function parseDay(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const match = DAY.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 2000 || year > 2100) return null;
  return match[0];
}

export function requireDay(text: unknown, field: string): string {
  const day = parseDay(text);
  if (day === null) throw new YouthError(YouthErrorCode.INVALID_DATE, { field });
  return day;
}

/** Today in Vietnam (UTC+7, no daylight saving): what "today" means to a commune. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A volunteer period: both days valid, the end on or after the start, at most a year long. */
export function checkPeriod(startsOn: unknown, endsOn: unknown): { startsOn: string; endsOn: string } {
  const start = requireDay(startsOn, 'startsOn');
  const end = requireDay(endsOn, 'endsOn');
  const length = daysBetween(start, end);
  if (length < 0 || length > MAX_ASSIGNMENT_DAYS) {
    throw new YouthError(YouthErrorCode.INVALID_PERIOD, { startsOn: start, endsOn: end });
  }
  return { startsOn: start, endsOn: end };
}

export function checkTeamName(raw: unknown): string {
  const name = typeof raw === 'string' ? cleanName(raw) : '';
  const length = [...name].length;
  if (length < 2 || length > TEAM_NAME_MAX_LENGTH || !/[\p{L}\p{N}]/u.test(name)) {
    throw new YouthError(YouthErrorCode.INVALID_TEAM_NAME);
  }
  return name;
}

export function checkUniversity(raw: unknown): string {
  const name = typeof raw === 'string' ? cleanName(raw) : '';
  const length = [...name].length;
  if (length < 2 || length > UNIVERSITY_MAX_LENGTH || !/\p{L}/u.test(name)) {
    throw new YouthError(YouthErrorCode.INVALID_UNIVERSITY);
  }
  return name;
}
