/** A join or leave as stored, in the order the summary needs. */
export interface StoredAttendanceEvent {
  action: 'JOIN' | 'LEAVE';
  at: Date;
}

/** The session's clock: attendance outside [startedAt, endedAt] does not count. */
export interface SessionWindow {
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface AttendanceSummary {
  firstJoinedAt: Date;
  lastSeenAt: Date;
  secondsPresent: number;
}

/**
 * Seconds present of one participant: the union of its intervals, counted with a depth so that
 * two sockets of one participant (two tabs, a reconnect seen before the old socket's leave) count
 * once. A leave without a join (its join written in a lost batch of an old gateway) is ignored;
 * an interval still open counts until the session's end, or `now` while it runs. Only the part
 * inside the session's window counts. Null when there is no join at all.
 */
export function summarizeAttendance(
  events: readonly StoredAttendanceEvent[],
  window: SessionWindow,
  now: Date,
): AttendanceSummary | null {
  const sorted = [...events].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.action === b.action ? 0 : a.action === 'JOIN' ? -1 : 1),
  );
  const firstJoin = sorted.find((event) => event.action === 'JOIN');
  if (!firstJoin) return null;
  const horizon = window.endedAt ?? now;
  const intervals: [number, number][] = [];
  let depth = 0;
  let openedAt = 0;
  let lastSeen = firstJoin.at.getTime();
  for (const event of sorted) {
    const at = event.at.getTime();
    lastSeen = Math.max(lastSeen, at);
    if (event.action === 'JOIN') {
      if (depth === 0) openedAt = at;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) intervals.push([openedAt, at]);
    }
  }
  if (depth > 0) {
    const until = Math.max(openedAt, horizon.getTime());
    intervals.push([openedAt, until]);
    lastSeen = Math.max(lastSeen, until);
  }
  return {
    firstJoinedAt: firstJoin.at,
    lastSeenAt: new Date(lastSeen),
    secondsPresent: Math.floor(clippedMilliseconds(intervals, window) / 1000),
  };
}

function clippedMilliseconds(intervals: readonly [number, number][], window: SessionWindow): number {
  const from = window.startedAt?.getTime() ?? -Infinity;
  const to = window.endedAt?.getTime() ?? Infinity;
  let total = 0;
  for (const [start, end] of intervals) {
    const clippedStart = Math.max(start, from);
    const clippedEnd = Math.min(end, to);
    if (clippedEnd > clippedStart) total += clippedEnd - clippedStart;
  }
  return total;
}

/**
 * Share of the session attended, 0 when the session never started or has not ended: only an
 * ended session has a length to measure against.
 */
export function attendedShare(secondsPresent: number, window: SessionWindow): number {
  if (!window.startedAt || !window.endedAt) return 0;
  const length = (window.endedAt.getTime() - window.startedAt.getTime()) / 1000;
  return length > 0 ? secondsPresent / length : 0;
}
