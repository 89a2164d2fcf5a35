import { randomUUID } from 'node:crypto';
import { type LiveAttendanceEvent, QueueName } from '@hocvuso/jobs';
import type { BatchOutcome } from '@hocvuso/live/attendance';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  Clients,
  createLivePlaces,
  createResidentActor,
  createSession,
  eventually,
  GatewayHarness,
  type LivePlaces,
  START,
  ticket,
} from './support/live-harness';
import { type TestQueue, WorkerHarness } from './support/worker-harness';

const HEADCOUNT = `mutation ($input: UpdateVenueHeadcountInput!) { updateVenueHeadcount(input: $input) { venueId headcount } }`;

interface EventRow {
  action: string;
  at: Date;
}
interface AttendanceRow {
  kind: string;
  resident_id: string | null;
  venue_id: string | null;
  village_id: string;
  commune_code: string;
  province_code: string;
  seconds_present: number;
  headcount: number | null;
}

describe('live attendance records each participant’s intervals, and a batch run twice adds nothing', () => {
  let api: ApiHarness;
  let gateway: GatewayHarness;
  let worker: WorkerHarness;
  let attendance: TestQueue<'live-attendance'>;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let facilitator: TestActor;

  beforeAll(async () => {
    api = await ApiHarness.start();
    worker = await WorkerHarness.start();
    gateway = await GatewayHarness.start({ LIVE_ATTENDANCE_FLUSH_MS: 100 });
    attendance = await worker.queue(QueueName.liveAttendance);
    places = await createLivePlaces(api, '56');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('56')]]);
    facilitator = await createActor(api, [
      [
        Role.VENUE_FACILITATOR,
        {
          kind: 'VENUE' as never,
          id: places.venueA,
          provinceCode: '56',
          communeCode: places.communeA,
          villageId: places.villageA,
        },
      ],
    ]);
  });

  afterAll(async () => {
    clients.closeAll();
    await gateway?.close();
    await worker?.close();
    await api?.close();
  });

  const eventsOf = (sessionId: string, participantId: string) =>
    api.sql<EventRow>(
      `select action, at from live_attendance_event where session_id = ? and participant_id = ? order by at, action`,
      [sessionId, participantId],
    );
  const attendanceOf = async (sessionId: string, participantId: string) =>
    (
      await api.sql<AttendanceRow>(
        `select kind, resident_id, venue_id, village_id, commune_code, province_code, seconds_present, headcount
           from live_attendance where session_id = ? and participant_id = ?`,
        [sessionId, participantId],
      )
    )[0];

  it('writes a join, a leave and a rejoin through the gateway and adds up the intervals', async () => {
    const session = await createSession(api, trainer, places);
    await api.gql(START, { id: session.id }, trainer.token);
    const resident = await createResidentActor(api, places.villageA, places.communeA, '56');
    const pass = await ticket(api, { sessionId: session.id, as: 'RESIDENT' }, resident.token);

    const first = await clients.connect(gateway.url, pass.token);
    await eventually(
      () => eventsOf(session.id, resident.residentId),
      (rows) => rows.length === 1,
    );
    first.close();
    await eventually(
      () => eventsOf(session.id, resident.residentId),
      (rows) => rows.length === 2,
    );
    const second = await clients.connect(gateway.url, pass.token);
    await eventually(
      () => eventsOf(session.id, resident.residentId),
      (rows) => rows.length === 3,
    );
    second.close();
    const rows = await eventually(
      () => eventsOf(session.id, resident.residentId),
      (found) => found.length === 4,
    );

    expect(rows.map((row) => row.action)).toEqual(['JOIN', 'LEAVE', 'JOIN', 'LEAVE']);
    const ms = (i: number) => new Date(rows[i].at).getTime();
    const expected = Math.floor((ms(1) - ms(0) + (ms(3) - ms(2))) / 1000);
    const summary = await eventually(
      () => attendanceOf(session.id, resident.residentId),
      (row) => row !== undefined,
    );
    expect(summary).toEqual({
      kind: 'RESIDENT',
      resident_id: resident.residentId,
      venue_id: null,
      village_id: places.villageA,
      commune_code: places.communeA,
      province_code: '56',
      seconds_present: expected,
      headcount: null,
    });
  });

  it('keeps a venue’s largest headcount and leaves trainers out', async () => {
    const session = await createSession(api, trainer, places);
    await api.gql(START, { id: session.id }, trainer.token);
    const trainerPass = await ticket(api, { sessionId: session.id, as: 'TRAINER' }, trainer.token);
    await clients.connect(gateway.url, trainerPass.token);
    const venuePass = await ticket(
      api,
      { sessionId: session.id, as: 'VENUE', venueId: places.venueA, headcount: 40 },
      facilitator.token,
    );
    const venue = await clients.connect(gateway.url, venuePass.token);
    for (const headcount of [55, 30]) {
      const result = await api.gql(
        HEADCOUNT,
        { input: { sessionId: session.id, venueId: places.venueA, headcount } },
        facilitator.token,
      );
      expect(result.errors).toBeUndefined();
    }
    venue.close();
    clients.closeAll();

    // The leave's batch recomputes the venue's row in the transaction that writes it.
    await eventually(
      () => eventsOf(session.id, places.venueA),
      (rows) => rows.length === 2,
    );
    expect(await attendanceOf(session.id, places.venueA)).toMatchObject({
      kind: 'VENUE',
      venue_id: places.venueA,
      resident_id: null,
      headcount: 55,
    });
    expect(await api.sql(`select kind from live_attendance where session_id = ?`, [session.id])).toEqual([
      { kind: 'VENUE' },
    ]);
    expect(
      await api.sql(`select 1 from live_attendance_event where session_id = ? and participant_id = ?`, [
        session.id,
        trainer.accountId,
      ]),
    ).toEqual([]);
  });

  it('writes nothing more when the same batch is processed a second time', async () => {
    const session = await createSession(api, trainer, places);
    const startedAt = new Date('2026-11-20T08:00:00Z');
    const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000).toISOString();
    await api.sql(`update live_session set status = 'ENDED', started_at = ?, ended_at = ? where id = ?`, [
      startedAt,
      at(1000),
      session.id,
    ]);
    const guestId = randomUUID();
    const event = (action: 'JOIN' | 'LEAVE', seconds: number): LiveAttendanceEvent => ({
      eventId: randomUUID(),
      sessionId: session.id,
      participantId: guestId,
      kind: 'GUEST',
      action,
      residentId: null,
      venueId: null,
      villageId: places.villageB,
      communeCode: places.communeB,
      at: at(seconds),
    });
    const batch = {
      batchId: randomUUID(),
      events: [event('JOIN', 100), event('LEAVE', 400), event('JOIN', 600)],
    };

    // A worker killed mid-batch: BullMQ runs the same payload again (here as a second job).
    const first = await attendance.run<BatchOutcome>('write-batch', batch);
    const second = await attendance.run<BatchOutcome>('write-batch', batch);

    expect(first).toEqual({ inserted: 3, participants: 1 });
    expect(second).toEqual({ inserted: 0, participants: 1 });
    expect(await eventsOf(session.id, guestId)).toHaveLength(3);
    // [100, 400] and [600, end at 1000]
    expect(await attendanceOf(session.id, guestId)).toMatchObject({ kind: 'GUEST', seconds_present: 700 });

    // The same job id again is no second job at all.
    const again = await attendance.add('write-batch', batch, { jobId: batch.batchId });
    const duplicate = await attendance.add('write-batch', batch, { jobId: batch.batchId });
    expect(duplicate.id).toBe(again.id);
    await again.waitUntilFinished(attendance.events, 30_000);
    expect(await eventsOf(session.id, guestId)).toHaveLength(3);
    expect(await attendanceOf(session.id, guestId)).toMatchObject({ seconds_present: 700 });
  });
});
