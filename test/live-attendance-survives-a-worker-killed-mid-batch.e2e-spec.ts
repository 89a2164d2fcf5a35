import { randomUUID } from 'node:crypto';
import { loadConfig } from '@hocvuso/config';
import { type LiveAttendanceEvent, type LiveAttendanceJobs, QueueName } from '@hocvuso/jobs';
import { AttendanceQueue } from '@hocvuso/live/attendance';
import { Queue } from 'bullmq';
import { ApiHarness } from './support/api-harness';
import { BuiltApp, buildDist } from './support/app-process';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import { createLivePlaces, createSession, eventually, type LivePlaces } from './support/live-harness';

/** Short enough that a dead worker's job is back in the queue within seconds, not minutes. */
const STALLED_INTERVAL_MS = 1_000;
/**
 * The workers here, and this test's queue, use a key prefix of their own: batches and delayed
 * completions that other suites of the run left on the run's queue must not take the worker's
 * one slot while the table is locked.
 */
const ownPrefix = (runPrefix: string) => `${runPrefix}-killed-worker`;

interface SummaryRow {
  participant_id: string;
  kind: string;
  resident_id: string | null;
  venue_id: string | null;
  village_id: string;
  commune_code: string;
  province_code: string;
  first_joined_at: string;
  last_seen_at: string;
  seconds_present: number;
  headcount: number | null;
}

/**
 * A worker process is killed (SIGKILL: no shutdown, no rollback sent) while it is inside the
 * transaction of an attendance batch. The test makes that moment certain: it holds an exclusive
 * lock on live_attendance, so the worker, having inserted the batch's events, waits on the lock
 * inside its transaction. PostgreSQL then drops the uncommitted events, BullMQ's stalled-job
 * check hands the batch to a second worker, and the stored result is exactly one copy of every
 * event and the summaries worked out by hand.
 */
describe('live attendance survives a worker process killed in the middle of a batch', () => {
  const config = loadConfig();
  let api: ApiHarness;
  const workers: BuiltApp[] = [];
  let sender: AttendanceQueue;
  let queue: Queue<LiveAttendanceJobs['write-batch']>;
  let places: LivePlaces;
  let trainer: TestActor;

  beforeAll(async () => {
    buildDist();
    api = await ApiHarness.start();
    sender = new AttendanceQueue(config.REDIS_URL, ownPrefix(config.REDIS_KEY_PREFIX), 'test-gateway');
    queue = new Queue(QueueName.liveAttendance, {
      connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
      prefix: ownPrefix(config.REDIS_KEY_PREFIX),
    });
    places = await createLivePlaces(api, '59');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('59')]]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await sender?.close();
    await queue?.close();
    await api?.close();
  }, 60_000);

  const startWorker = async (name: string) => {
    const worker = await BuiltApp.start(
      'worker',
      { WORKER_STALLED_INTERVAL_MS: String(STALLED_INTERVAL_MS), REDIS_KEY_PREFIX: ownPrefix(config.REDIS_KEY_PREFIX) },
      { name },
    );
    workers.push(worker);
    return worker;
  };

  it('stores every event of the batch once and the summaries computed by hand', async () => {
    // An ended session of one hour, two hours ago, so every figure below is fixed.
    const t0 = Math.floor((Date.now() - 7_200_000) / 1000) * 1000;
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const { id: sessionId } = await createSession(api, trainer, places);
    await api.sql(`update live_session set status = 'ENDED', started_at = ?, ended_at = ? where id = ?`, [
      at(0),
      at(3600),
      sessionId,
    ]);
    for (const headcount of [35, 42, 38]) {
      await api.sql(
        `insert into live_venue_headcount (session_id, venue_id, commune_code, headcount, reported_by) values (?, ?, ?, ?, ?)`,
        [sessionId, places.venueA, places.communeA, headcount, trainer.accountId],
      );
    }

    const twoTabs = randomUUID();
    const cameBack = randomUUID();
    const stayedLate = randomUUID();
    const guest = (participantId: string, villageId: string, communeCode: string) => ({
      sessionId,
      participantId,
      kind: 'GUEST' as const,
      residentId: null,
      venueId: null,
      villageId,
      communeCode,
    });
    const inA = (id: string) => guest(id, places.villageA, places.communeA);
    const inB = (id: string) => guest(id, places.villageB, places.communeB);
    const venue = {
      sessionId,
      participantId: places.venueA,
      kind: 'VENUE' as const,
      residentId: null,
      venueId: places.venueA,
      villageId: places.villageA,
      communeCode: places.communeA,
    };
    const happenings: Omit<LiveAttendanceEvent, 'eventId'>[] = [
      // two sockets of one guest: [60, 900] counted once
      { ...inA(twoTabs), action: 'JOIN', at: at(60) },
      { ...inA(twoTabs), action: 'JOIN', at: at(300) },
      { ...inA(twoTabs), action: 'LEAVE', at: at(600) },
      { ...inA(twoTabs), action: 'LEAVE', at: at(900) },
      // joined before the start (clipped to [0, 180]), came back for [1200, 1500]
      { ...inB(cameBack), action: 'JOIN', at: at(-120) },
      { ...inB(cameBack), action: 'LEAVE', at: at(180) },
      { ...inB(cameBack), action: 'JOIN', at: at(1200) },
      { ...inB(cameBack), action: 'LEAVE', at: at(1500) },
      // stayed past the end: [3000, 3600] counts
      { ...inB(stayedLate), action: 'JOIN', at: at(3000) },
      { ...inB(stayedLate), action: 'LEAVE', at: at(4000) },
      // the venue never left: open until the end
      { ...venue, action: 'JOIN', at: at(30) },
    ];
    const events: LiveAttendanceEvent[] = happenings.map((event) => ({ eventId: randomUUID(), ...event }));
    const batchId = randomUUID();

    // Hold the summary table so the first worker blocks inside its transaction.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = api.orm.em.fork().transactional(async (tx) => {
      await tx.execute(`lock table live_attendance in exclusive mode`);
      locked();
      await released;
    });
    let blockedPid = 0;
    try {
      await lockTaken;
      const first = await startWorker('worker-1');
      await sender.send({ batchId, events });

      const [blocked] = await eventually(
        () =>
          api.sql<{ pid: number }>(
            `select pid from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'
                and query ilike '%into live_attendance%first_joined_at%'`,
          ),
        (rows) => rows.length === 1,
        30_000,
      );
      // Mid-transaction: the events are written (uncommitted) and the summary insert waits.
      const held = await api.sql<{ relname: string }>(
        `select c.relname from pg_locks l join pg_class c on c.oid = l.relation
          where l.pid = ? and l.granted and l.mode = 'RowExclusiveLock' and c.relname = 'live_attendance_event'`,
        [blocked.pid],
      );
      expect(held).toHaveLength(1);
      blockedPid = blocked.pid;
      expect(await (await queue.getJob(batchId))!.getState()).toBe('active');

      expect(await first.kill()).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      release();
      await holder;
    }

    // The killed worker's transaction never commits: its backend goes once it finds the client gone.
    await eventually(
      () => api.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where pid = ?`, [blockedPid]),
      ([row]) => row.n === 0,
      30_000,
    );
    const [{ n: leftBehind }] = await api.sql<{ n: number }>(
      `select count(*)::int as n from live_attendance_event where batch_id = ?`,
      [batchId],
    );
    expect(leftBehind).toBe(0);

    await startWorker('worker-2');
    const job = await eventually(
      async () => {
        const current = await queue.getJob(batchId);
        return { state: await current!.getState(), stalledCounter: current!.stalledCounter };
      },
      (value) => value.state === 'completed' || value.state === 'failed',
      60_000,
    );
    // Run again because the stalled-job check found it, not because it failed.
    expect(job).toEqual({ state: 'completed', stalledCounter: 1 });

    const stored = await api.sql<{ event_id: string; n: number }>(
      `select event_id::text, count(*)::int as n from live_attendance_event where session_id = ? group by event_id`,
      [sessionId],
    );
    expect(stored.map((row) => row.event_id).sort()).toEqual(events.map((event) => event.eventId).sort());
    expect(stored.every((row) => row.n === 1)).toBe(true);

    const summaries = await api.sql<SummaryRow>(
      `select participant_id, kind, resident_id, venue_id, village_id, commune_code, province_code,
              to_char(first_joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as first_joined_at,
              to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as last_seen_at,
              seconds_present, headcount
         from live_attendance where session_id = ?`,
      [sessionId],
    );
    const row = (
      participantId: string,
      kind: string,
      villageId: string,
      communeCode: string,
      figures: { first: number; last: number; seconds: number; headcount?: number },
    ): SummaryRow => ({
      participant_id: participantId,
      kind,
      resident_id: null,
      venue_id: kind === 'VENUE' ? participantId : null,
      village_id: villageId,
      commune_code: communeCode,
      province_code: places.provinceCode,
      first_joined_at: at(figures.first),
      last_seen_at: at(figures.last),
      seconds_present: figures.seconds,
      headcount: figures.headcount ?? null,
    });
    const expected = [
      row(twoTabs, 'GUEST', places.villageA, places.communeA, { first: 60, last: 900, seconds: 840 }),
      row(cameBack, 'GUEST', places.villageB, places.communeB, { first: -120, last: 1500, seconds: 180 + 300 }),
      row(stayedLate, 'GUEST', places.villageB, places.communeB, { first: 3000, last: 4000, seconds: 600 }),
      row(places.venueA, 'VENUE', places.villageA, places.communeA, {
        first: 30,
        last: 3600,
        seconds: 3570,
        headcount: 42,
      }),
    ];
    const byParticipant = (a: SummaryRow, b: SummaryRow) => (a.participant_id < b.participant_id ? -1 : 1);
    expect(summaries.sort(byParticipant)).toEqual(expected.sort(byParticipant));
  }, 180_000);
});
