import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { AttendanceOutcome, AttendanceService, CoursesError } from '@hocvuso/courses';
import type { LiveAttendanceEvent } from '@hocvuso/jobs';
import { ResidentsError } from '@hocvuso/residents';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../live-session-rules';
import { type SessionWindow, type StoredAttendanceEvent, summarizeAttendance } from './attendance-summary';

const KINDS = ['RESIDENT', 'GUEST', 'VENUE'] as const;
const ACTIONS = ['JOIN', 'LEAVE'] as const;
/** completeLessonByAttendance measures at most a day */
const MAX_MEASURED_SECONDS = 86_400;
/** Summary rows recomputed per transaction at a session's end (a big class has many thousands). */
const RECOMPUTE_CHUNK = 1_000;

interface Pair {
  sessionId: string;
  participantId: string;
}

interface EventRow {
  session_id: string;
  participant_id: string;
  kind: string;
  action: 'JOIN' | 'LEAVE';
  resident_id: string | null;
  venue_id: string | null;
  village_id: string;
  commune_code: string;
  province_code: string;
  at: Date | string;
}

interface SessionRow {
  id: string;
  status: string;
  lesson_id: string | null;
  started_at: Date | string | null;
  ended_at: Date | string | null;
}

export interface BatchOutcome {
  /** events new to the database (0 when the batch was written before) */
  inserted: number;
  /** summary rows recomputed */
  participants: number;
}

export interface CompletionOutcome {
  /** residents whose lesson this call completed */
  completed: number;
  /** residents at the threshold whose lesson was done already */
  alreadyDone: number;
  /** residents at the threshold the course side refused (unknown lesson, other version, erased) */
  refused: number;
}

/**
 * Writes the gateways' join/leave batches and keeps `live_attendance` (one row per session and
 * participant) equal to what the stored events say; completes the lesson of the residents who
 * attended enough of an ended session. Everything here is idempotent: events are keyed by the
 * gateway's event id, summaries are recomputed from all events rather than incremented, and a
 * completed lesson stays completed.
 */
@Injectable()
export class AttendanceWriter {
  private readonly logger = new Logger(AttendanceWriter.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly attendance: AttendanceService,
  ) {}

  async writeBatch(batchId: string, events: readonly LiveAttendanceEvent[], now = new Date()): Promise<BatchOutcome> {
    const valid = events.filter(isWellFormed);
    if (valid.length < events.length) {
      this.logger.warn({ batchId, dropped: events.length - valid.length }, 'malformed attendance events skipped');
    }
    if (valid.length === 0) return { inserted: 0, participants: 0 };
    const pairs = distinctPairs(valid);
    const inserted = await this.em.fork().transactional(async (tx) => {
      const rows = await tx.execute<{ event_id: string }[]>(
        `insert into live_attendance_event
           (event_id, session_id, participant_id, kind, action, resident_id, venue_id, village_id,
            commune_code, province_code, at, batch_id)
         select e."eventId", e."sessionId", e."participantId", e.kind, e.action, e."residentId", e."venueId",
                e."villageId", e."communeCode", c.province_code, e.at, ?::uuid
           from jsonb_to_recordset(?::jsonb) as e("eventId" uuid, "sessionId" uuid, "participantId" text,
                kind text, action text, "residentId" uuid, "venueId" uuid, "villageId" uuid,
                "communeCode" text, at timestamptz)
           join commune c on c.code = e."communeCode"
           join live_session s on s.id = e."sessionId"
         on conflict (event_id) do nothing
         returning event_id`,
        [batchId, JSON.stringify(valid)],
      );
      await this.recompute(tx, pairs, now);
      return rows.length;
    });
    await this.completeLateArrivals(pairs);
    return { inserted, participants: pairs.length };
  }

  /**
   * The end of a session: recomputes every summary row against the final window (open
   * intervals now end at `ended_at`, venue headcounts are final), then completes the lesson of
   * the residents present for at least the threshold share, or checked in at a venue that was.
   */
  async completeSession(sessionId: string, now = new Date()): Promise<CompletionOutcome | null> {
    const session = await this.findSession(this.em.fork(), sessionId);
    if (!session || session.status !== 'ENDED') return null;
    // Marked first: a batch landing from here on completes its own residents (see writeBatch),
    // so none falls between this recomputation and the mark.
    await this.em
      .fork()
      .execute(
        `insert into live_attendance_completion (session_id, completed_count) values (?, 0) on conflict do nothing`,
        [sessionId],
      );
    const participants = await this.em
      .fork()
      .execute<{ participant_id: string }[]>(
        `select distinct participant_id from live_attendance_event where session_id = ? order by participant_id`,
        [sessionId],
      );
    for (let from = 0; from < participants.length; from += RECOMPUTE_CHUNK) {
      const chunk = participants
        .slice(from, from + RECOMPUTE_CHUNK)
        .map((row) => ({ sessionId, participantId: row.participant_id }));
      await this.em.fork().transactional((tx) => this.recompute(tx, chunk, now));
    }
    const outcome = await this.complete(session, null);
    await this.em.fork().execute(
      `update live_attendance_completion set completed_count = completed_count + ?, completed_at = now()
        where session_id = ?`,
      [outcome.completed, sessionId],
    );
    this.logger.log({ sessionId, ...outcome }, 'live session attendance completed');
    return outcome;
  }

  /** A batch that arrives after its session's completion ran completes its own participants. */
  private async completeLateArrivals(pairs: readonly Pair[]): Promise<void> {
    const sessionIds = [...new Set(pairs.map((pair) => pair.sessionId))];
    const done = await this.em.fork().execute<SessionRow[]>(
      `select s.id, s.status, s.lesson_id, s.started_at, s.ended_at from live_session s
           join live_attendance_completion c on c.session_id = s.id where s.id = any(?::uuid[])`,
      [`{${sessionIds.join(',')}}`],
    );
    for (const session of done) {
      const participants = pairs.filter((pair) => pair.sessionId === session.id).map((pair) => pair.participantId);
      await this.complete(session, participants);
    }
  }

  /** Completes the lesson for residents at the threshold (all, or only those `participantIds` name). */
  private async complete(session: SessionRow, participantIds: string[] | null): Promise<CompletionOutcome> {
    const outcome: CompletionOutcome = { completed: 0, alreadyDone: 0, refused: 0 };
    const window = toWindow(session);
    if (!session.lesson_id || !window.startedAt || !window.endedAt) return outcome;
    const length = (window.endedAt.getTime() - window.startedAt.getTime()) / 1000;
    if (length <= 0) return outcome;
    const required = Math.min(
      MAX_MEASURED_SECONDS,
      Math.max(1, Math.ceil(length * this.config.LIVE_ATTENDANCE_THRESHOLD - 1e-9)),
    );
    const attendees = await this.em.fork().execute<{ resident_id: string; seconds: number }[]>(
      `select resident_id, max(seconds)::int as seconds from (
         select a.resident_id, a.seconds_present as seconds from live_attendance a
          where a.session_id = ? and a.kind = 'RESIDENT' and a.resident_id is not null
            and (?::text[] is null or a.participant_id = any(?::text[]))
         union all
         select c.resident_id, a.seconds_present from live_attendance a
           join live_check_in c on c.session_id = a.session_id and c.venue_id = a.venue_id
          where a.session_id = ? and a.kind = 'VENUE'
            and (?::text[] is null or a.participant_id = any(?::text[]))
       ) present where seconds >= ? group by resident_id order by resident_id`,
      [session.id, ...participantFilter(participantIds), session.id, ...participantFilter(participantIds), required],
    );
    for (const attendee of attendees) {
      try {
        const result = await this.attendance.completeLessonByAttendance({
          residentId: attendee.resident_id,
          lessonId: session.lesson_id,
          liveClassId: session.id,
          attendedSeconds: Math.min(attendee.seconds, MAX_MEASURED_SECONDS),
          requiredSeconds: required,
        });
        if (result.outcome === AttendanceOutcome.COMPLETED) outcome.completed++;
        else if (result.outcome === AttendanceOutcome.ALREADY_DONE) outcome.alreadyDone++;
      } catch (error) {
        if (!(error instanceof CoursesError || error instanceof ResidentsError)) throw error;
        outcome.refused++;
        this.logger.warn({ sessionId: session.id, code: error.code }, 'lesson completion by attendance refused');
      }
    }
    return outcome;
  }

  /**
   * Recomputes the summary rows of `pairs` from all their stored events. A transaction-scoped
   * advisory lock per pair (taken in a fixed order) makes two batches touching one participant
   * take turns, so the later one reads the earlier one's events and writes the full summary.
   */
  private async recompute(tx: EntityManager, pairs: readonly Pair[], now: Date): Promise<void> {
    if (pairs.length === 0) return;
    const sorted = [...pairs].sort((a, b) => pairKey(a).localeCompare(pairKey(b)));
    const sessionIds = `{${[...new Set(sorted.map((pair) => pair.sessionId))].join(',')}}`;
    const participantIds = pgTextArray(sorted.map((pair) => pair.participantId));
    const pairSessionIds = `{${sorted.map((pair) => pair.sessionId).join(',')}}`;
    await tx.execute(
      `select pg_advisory_xact_lock(hashtextextended(p.session_id::text || '/' || p.participant_id, 0))
         from unnest(?::uuid[], ?::text[]) with ordinality as p(session_id, participant_id, n) order by n`,
      [pairSessionIds, participantIds],
    );
    const sessions = await tx.execute<SessionRow[]>(
      `select id, status, lesson_id, started_at, ended_at from live_session where id = any(?::uuid[])`,
      [sessionIds],
    );
    const events = await tx.execute<EventRow[]>(
      `select e.session_id, e.participant_id, e.kind, e.action, e.resident_id, e.venue_id, e.village_id,
              e.commune_code, e.province_code, e.at
         from live_attendance_event e
         join unnest(?::uuid[], ?::text[]) as p(session_id, participant_id)
           on p.session_id = e.session_id and p.participant_id = e.participant_id
        order by e.at, e.event_id`,
      [pairSessionIds, participantIds],
    );
    const headcounts = await tx.execute<{ session_id: string; venue_id: string; headcount: number }[]>(
      `select session_id, venue_id, max(headcount)::int as headcount from live_venue_headcount
        where session_id = any(?::uuid[]) group by session_id, venue_id`,
      [sessionIds],
    );
    const windows = new Map(sessions.map((session) => [session.id, toWindow(session)]));
    const largest = new Map(headcounts.map((row) => [`${row.session_id}/${row.venue_id}`, row.headcount]));
    const byPair = new Map<string, EventRow[]>();
    for (const event of events) {
      const key = pairKey({ sessionId: event.session_id, participantId: event.participant_id });
      const rows = byPair.get(key);
      if (rows) rows.push(event);
      else byPair.set(key, [event]);
    }
    const summaries = [];
    for (const rows of byPair.values()) {
      const latest = rows[rows.length - 1];
      const window = windows.get(latest.session_id);
      if (!window) continue;
      const stored: StoredAttendanceEvent[] = rows.map((row) => ({ action: row.action, at: new Date(row.at) }));
      const summary = summarizeAttendance(stored, window, now);
      if (!summary) continue;
      summaries.push({
        session_id: latest.session_id,
        participant_id: latest.participant_id,
        kind: latest.kind,
        resident_id: latest.kind === 'RESIDENT' ? latest.resident_id : null,
        venue_id: latest.kind === 'VENUE' ? latest.venue_id : null,
        village_id: latest.village_id,
        commune_code: latest.commune_code,
        province_code: latest.province_code,
        first_joined_at: summary.firstJoinedAt.toISOString(),
        last_seen_at: summary.lastSeenAt.toISOString(),
        seconds_present: summary.secondsPresent,
        headcount: latest.kind === 'VENUE' ? (largest.get(`${latest.session_id}/${latest.venue_id}`) ?? null) : null,
      });
    }
    if (summaries.length === 0) return;
    await tx.execute(
      `insert into live_attendance
         (session_id, participant_id, kind, resident_id, venue_id, village_id, commune_code, province_code,
          first_joined_at, last_seen_at, seconds_present, headcount)
       select * from jsonb_to_recordset(?::jsonb) as r(session_id uuid, participant_id text, kind text,
            resident_id uuid, venue_id uuid, village_id uuid, commune_code varchar(5), province_code varchar(2),
            first_joined_at timestamptz, last_seen_at timestamptz, seconds_present integer, headcount integer)
       on conflict (session_id, participant_id) do update set
         kind = excluded.kind, resident_id = excluded.resident_id, venue_id = excluded.venue_id,
         village_id = excluded.village_id, commune_code = excluded.commune_code,
         province_code = excluded.province_code, first_joined_at = excluded.first_joined_at,
         last_seen_at = excluded.last_seen_at, seconds_present = excluded.seconds_present,
         headcount = excluded.headcount`,
      [JSON.stringify(summaries)],
    );
  }

  private async findSession(em: EntityManager, sessionId: string): Promise<SessionRow | null> {
    if (!isUuid(sessionId)) return null;
    const [row] = await em.execute<SessionRow[]>(
      `select id, status, lesson_id, started_at, ended_at from live_session where id = ?`,
      [sessionId],
    );
    return row ?? null;
  }
}

function isWellFormed(event: LiveAttendanceEvent): boolean {
  return (
    isUuid(event.eventId) &&
    isUuid(event.sessionId) &&
    typeof event.participantId === 'string' &&
    event.participantId.length > 0 &&
    event.participantId.length <= 64 &&
    KINDS.includes(event.kind) &&
    ACTIONS.includes(event.action) &&
    isUuid(event.villageId) &&
    (event.residentId === null || isUuid(event.residentId)) &&
    (event.venueId === null || isUuid(event.venueId)) &&
    !Number.isNaN(Date.parse(event.at))
  );
}

function distinctPairs(events: readonly LiveAttendanceEvent[]): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const event of events) {
    const pair = { sessionId: event.sessionId, participantId: event.participantId };
    pairs.set(pairKey(pair), pair);
  }
  return [...pairs.values()];
}

function pairKey(pair: Pair): string {
  return `${pair.sessionId}/${pair.participantId}`;
}

function toWindow(session: SessionRow): SessionWindow {
  return {
    startedAt: session.started_at ? new Date(session.started_at) : null,
    endedAt: session.ended_at ? new Date(session.ended_at) : null,
  };
}

/** The three parameters of "no filter, or these participants" (a null array means all). */
function participantFilter(participantIds: string[] | null): [string | null, string | null] {
  const array = participantIds ? pgTextArray(participantIds) : null;
  return [array, array];
}

/** A PostgreSQL text[] literal; participant ids are uuids or token subjects, quoted anyway. */
function pgTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
