import { raw, type SqlFragment } from './sql-fragment';

/**
 * Vietnam has one time zone: a figure's day is the local calendar day in Hà Nội, so a class at
 * 06:30 local time counts on that day and not on the UTC day before.
 */
export const REACH_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The local day of a timestamptz column or expression. */
export const localDay = (column: string): SqlFragment => raw(`((${column}) at time zone '${REACH_TIME_ZONE}')::date`);

/**
 * A session's figures (class held, person-times, reach) all fall on the local day it started (or
 * was scheduled to start, before it has), however long its attendees stayed: one session is
 * never split over two days, so summing days never counts it twice.
 */
export const sessionDay = (alias: string): SqlFragment =>
  localDay(`coalesce(${alias}.started_at, ${alias}.scheduled_start)`);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD calendar day that exists, or null. */
export function parseDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = DAY.exec(value);
  if (!match) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}

/** Days from `from` to `to`, both included (both valid YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of a day's ISO week (what PostgreSQL's date_trunc('week') returns). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export enum ReachInterval {
  DAY = 'DAY',
  WEEK = 'WEEK',
}

/** Every bucket of a range, so a series shows the days (or weeks) nothing happened as zeros. */
export function buckets(from: string, to: string, interval: ReachInterval): string[] {
  const step = interval === ReachInterval.DAY ? 1 : 7;
  const first = interval === ReachInterval.DAY ? from : weekStart(from);
  const result: string[] = [];
  for (let day = first; day <= to; day = addDays(day, step)) result.push(day);
  return result;
}
