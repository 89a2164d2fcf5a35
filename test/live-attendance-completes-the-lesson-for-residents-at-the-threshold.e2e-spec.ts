import { randomUUID } from 'node:crypto';
import { type LiveAttendanceEvent, QueueName } from '@hocvuso/jobs';
import { completionJobId } from '@hocvuso/live/attendance';
import { publishedCourse, type PublishedCourse } from './fixtures/courses/course-fixtures';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  Clients,
  createLivePlaces,
  createResidentActor,
  createSession,
  END,
  eventually,
  GatewayHarness,
  type LivePlaces,
  START,
  ticket,
} from './support/live-harness';
import { type TestQueue, WorkerHarness } from './support/worker-harness';

describe('when a live session ends, residents present for the threshold share get its lesson completed', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let gateway: GatewayHarness;
  let attendance: TestQueue<'live-attendance'>;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let course: PublishedCourse;

  beforeAll(async () => {
    api = await ApiHarness.start();
    worker = await WorkerHarness.start();
    gateway = await GatewayHarness.start({ LIVE_ATTENDANCE_FLUSH_MS: 100, LIVE_ATTENDANCE_GRACE_MS: 300 });
    attendance = await worker.queue(QueueName.liveAttendance);
    places = await createLivePlaces(api, '57');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('57')]]);
    course = await publishedCourse(api, trainer.token, { provinceCode: '57', lessons: 2 });
  });

  afterAll(async () => {
    clients.closeAll();
    await gateway?.close();
    await worker?.close();
    await api?.close();
  });

  const resident = async (villageId = places.villageA) => {
    const id = randomUUID();
    await api.sql(`insert into resident (id, village_id, full_name, birth_year) values (?, ?, 'Lê Văn Nam', 1955)`, [
      id,
      villageId,
    ]);
    return id;
  };
  const lessonDone = async (residentId: string) =>
    (
      await api.sql<{ completed_at: Date | null }>(
        `select lp.completed_at from lesson_progress lp join enrollment e on e.id = lp.enrollment_id
          where e.resident_id = ? and lp.lesson_id = ?`,
        [residentId, course.lessonIds[0]],
      )
    )[0]?.completed_at != null;

  it('completes it at 80% and above, not below, for residents and residents checked in at a venue', async () => {
    const session = await createSession(api, trainer, places, {
      courseId: course.courseId,
      lessonId: course.lessonIds[0],
    });
    const startedAt = new Date('2026-11-21T08:00:00Z');
    const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000).toISOString();
    await api.sql(`update live_session set status = 'ENDED', started_at = ?, ended_at = ? where id = ?`, [
      startedAt,
      at(1000),
      session.id,
    ]);
    const [exactly, short, present, checkedIn, checkedInShort, late] = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => resident()),
    );
    const guest = randomUUID();
    const base = { sessionId: session.id, villageId: places.villageA, communeCode: places.communeA };
    const person = (participantId: string, kind: 'RESIDENT' | 'GUEST') => ({
      ...base,
      participantId,
      kind,
      residentId: kind === 'RESIDENT' ? participantId : null,
      venueId: null,
    });
    const span = (who: Omit<LiveAttendanceEvent, 'eventId' | 'action' | 'at'>, from: number, to: number | null) => [
      { ...who, eventId: randomUUID(), action: 'JOIN' as const, at: at(from) },
      ...(to === null ? [] : [{ ...who, eventId: randomUUID(), action: 'LEAVE' as const, at: at(to) }]),
    ];
    const venue = {
      ...base,
      participantId: places.venueA,
      kind: 'VENUE' as const,
      residentId: null,
      venueId: places.venueA,
    };
    const otherVenue = {
      ...base,
      villageId: places.villageB,
      communeCode: places.communeB,
      participantId: places.venueB,
      kind: 'VENUE' as const,
      residentId: null,
      venueId: places.venueB,
    };
    const batch: LiveAttendanceEvent[] = [
      // 800 of 1000 s in two intervals: exactly the threshold
      ...span(person(exactly, 'RESIDENT'), 0, 500),
      ...span(person(exactly, 'RESIDENT'), 700, null),
      // 799 s: just under
      ...span(person(short, 'RESIDENT'), 201, null),
      // joined before the start and stayed: 1000 s
      ...span(person(present, 'RESIDENT'), -300, 1200),
      ...span(person(guest, 'GUEST'), 0, 1000),
      ...span(venue, 50, 950),
      ...span(otherVenue, 0, 500),
    ];
    const checkIn = (venueId: string, residentId: string) =>
      api.sql(
        `insert into live_check_in (id, session_id, venue_id, resident_id, checked_in_by) values (?, ?, ?, ?, ?)`,
        [randomUUID(), session.id, venueId, residentId, trainer.accountId],
      );
    await checkIn(places.venueA, checkedIn);
    await checkIn(places.venueB, checkedInShort);

    await attendance.run('write-batch', { batchId: randomUUID(), events: batch });
    const outcome = await (
      await attendance.add('complete-session', { sessionId: session.id }, { jobId: completionJobId(session.id) })
    ).waitUntilFinished(attendance.events, 30_000);

    expect(outcome).toEqual({ completed: 3, alreadyDone: 0, refused: 0 });
    expect(await lessonDone(exactly)).toBe(true);
    expect(await lessonDone(present)).toBe(true);
    expect(await lessonDone(checkedIn)).toBe(true);
    expect(await lessonDone(short)).toBe(false);
    expect(await lessonDone(checkedInShort)).toBe(false);
    const seconds = await api.sql<{ participant_id: string; seconds_present: number }>(
      `select participant_id, seconds_present from live_attendance where session_id = ? order by seconds_present`,
      [session.id],
    );
    expect(Object.fromEntries(seconds.map((row) => [row.participant_id, row.seconds_present]))).toEqual({
      [exactly]: 800,
      [short]: 799,
      [present]: 1000,
      [guest]: 1000,
      [places.venueA]: 900,
      [places.venueB]: 500,
    });

    // Ending twice completes nothing twice.
    expect(await attendance.run('complete-session', { sessionId: session.id })).toEqual({
      completed: 0,
      alreadyDone: 3,
      refused: 0,
    });

    // A batch that arrives after the completion completes its own residents.
    await attendance.run('write-batch', { batchId: randomUUID(), events: span(person(late, 'RESIDENT'), 100, 950) });
    expect(await lessonDone(late)).toBe(true);
    expect(await lessonDone(short)).toBe(false);
  });

  it('completes nothing for a session that teaches no lesson or has not ended', async () => {
    const noLesson = await createSession(api, trainer, places);
    const running = await createSession(api, trainer, places, { lessonId: course.lessonIds[0] });
    const residentId = await resident();
    const startedAt = new Date('2026-11-21T10:00:00Z');
    await api.sql(`update live_session set status = 'ENDED', started_at = ?, ended_at = ? where id = ?`, [
      startedAt,
      new Date(startedAt.getTime() + 600_000),
      noLesson.id,
    ]);
    await api.sql(`update live_session set status = 'LIVE', started_at = ? where id = ?`, [startedAt, running.id]);
    for (const sessionId of [noLesson.id, running.id]) {
      await attendance.run('write-batch', {
        batchId: randomUUID(),
        events: [
          {
            eventId: randomUUID(),
            sessionId,
            participantId: residentId,
            kind: 'RESIDENT',
            action: 'JOIN',
            residentId,
            venueId: null,
            villageId: places.villageA,
            communeCode: places.communeA,
            at: startedAt.toISOString(),
          },
        ],
      });
    }

    expect(await attendance.run('complete-session', { sessionId: noLesson.id })).toEqual({
      completed: 0,
      alreadyDone: 0,
      refused: 0,
    });
    expect(await attendance.run('complete-session', { sessionId: running.id })).toBeNull();
    expect(await lessonDone(residentId)).toBe(false);
  });

  it('completes through the gateway when a trainer ends the session, after the last batch', async () => {
    const session = await createSession(api, trainer, places, {
      courseId: course.courseId,
      lessonId: course.lessonIds[0],
    });
    await api.gql(START, { id: session.id }, trainer.token);
    const stayed = await createResidentActor(api, places.villageA, places.communeA, '57');
    const cameLate = await createResidentActor(api, places.villageB, places.communeB, '57');
    await clients.connect(
      gateway.url,
      (await ticket(api, { sessionId: session.id, as: 'RESIDENT' }, stayed.token)).token,
    );
    await eventually(
      () => api.sql(`select 1 from live_attendance_event where participant_id = ?`, [stayed.residentId]),
      (rows) => rows.length === 1,
    );
    // The session began 1000 s ago and `stayed` was there from the start: shift both clocks back.
    await api.sql(`update live_session set started_at = started_at - interval '1000 seconds' where id = ?`, [
      session.id,
    ]);
    await api.sql(`update live_attendance_event set at = at - interval '1000 seconds' where participant_id = ?`, [
      stayed.residentId,
    ]);
    await clients.connect(
      gateway.url,
      (await ticket(api, { sessionId: session.id, as: 'RESIDENT' }, cameLate.token)).token,
    );

    const ended = await api.gql(END, { id: session.id }, trainer.token);
    expect(ended.errors).toBeUndefined();

    // The count is written once the completion has gone through every attendee.
    await eventually(
      () =>
        api.sql<{ completed_count: number }>(
          `select completed_count from live_attendance_completion where session_id = ?`,
          [session.id],
        ),
      (rows) => rows[0]?.completed_count === 1,
      30_000,
    );
    expect(await lessonDone(stayed.residentId)).toBe(true);
    expect(await lessonDone(cameLate.residentId)).toBe(false);
    const [late] = await api.sql<{ seconds_present: number }>(
      `select seconds_present from live_attendance where session_id = ? and participant_id = ?`,
      [session.id, cameLate.residentId],
    );
    expect(late.seconds_present).toBeLessThan(100);
  });
});
