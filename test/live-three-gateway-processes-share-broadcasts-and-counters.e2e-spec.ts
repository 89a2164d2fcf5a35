import type { Broadcast, LiveClient, TrainerCounters } from '@hocvuso/live-client';
import { ApiHarness } from './support/api-harness';
import { BuiltApp, buildDist } from './support/app-process';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  Clients,
  createLivePlaces,
  createSession,
  eventually,
  type LivePlaces,
  nextEvent,
  START,
  ticket,
} from './support/live-harness';

/**
 * Three gateways as three operating-system processes (the built apps/live), sharing one session
 * through Redis only: what a trainer does on any of them reaches everyone on all of them, in one
 * sequence, and the trainer's counters and the poll tallies count every gateway's participants.
 */
describe('three live gateway processes share one session', () => {
  let api: ApiHarness;
  const gateways: BuiltApp[] = [];
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let hostA: TestActor;
  let hostB: TestActor;

  beforeAll(async () => {
    buildDist();
    api = await ApiHarness.start();
    for (let i = 0; i < 3; i++) gateways.push(await BuiltApp.start('live', {}, { name: `live-${i + 1}` }));
    places = await createLivePlaces(api, '55');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('55')]]);
    const venueScope = (venueId: string, communeCode: string, villageId: string) => ({
      kind: 'VENUE' as never,
      id: venueId,
      provinceCode: '55',
      communeCode,
      villageId,
    });
    hostA = await createActor(api, [
      [Role.VENUE_FACILITATOR, venueScope(places.venueA, places.communeA, places.villageA)],
    ]);
    hostB = await createActor(api, [
      [Role.VENUE_FACILITATOR, venueScope(places.venueB, places.communeB, places.villageB)],
    ]);
  }, 180_000);

  afterAll(async () => {
    clients.closeAll();
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await api?.close();
  }, 60_000);

  afterEach(() => clients.closeAll());

  async function liveSession(): Promise<string> {
    const { id } = await createSession(api, trainer, places);
    await api.gql(START, { id }, trainer.token);
    return id;
  }

  const trainerOn = async (gateway: BuiltApp, sessionId: string) =>
    clients.connect(gateway.url, (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token);
  const guestOn = async (gateway: BuiltApp, sessionId: string, name: string, villageId: string) =>
    clients.connect(gateway.url, (await ticket(api, { sessionId, as: 'GUEST', guestName: name, villageId })).token);

  it('runs each gateway as its own process on its own port', () => {
    expect(new Set(gateways.map((gateway) => gateway.pid)).size).toBe(3);
    expect(new Set(gateways.map((gateway) => gateway.port)).size).toBe(3);
    expect(gateways.every((gateway) => gateway.pid !== process.pid && !gateway.exited)).toBe(true);
  });

  it('delivers a trainer’s broadcast from each gateway to clients on all three, in one sequence', async () => {
    const sessionId = await liveSession();
    const trainers = [];
    const audience: LiveClient[] = [];
    for (const [i, gateway] of gateways.entries()) {
      trainers.push(await trainerOn(gateway, sessionId));
      audience.push(await guestOn(gateway, sessionId, `Bà Năm ${i + 1}`, places.villageA));
      audience.push(await guestOn(gateway, sessionId, `Ông Sáu ${i + 1}`, places.villageB));
    }
    const everyone = [...trainers, ...audience];
    const seq = audience[0].snapshot!.seq;
    expect(everyone.map((client) => client.snapshot!.seq)).toEqual(everyone.map(() => seq));
    const received = everyone.map(() => [] as Broadcast[]);
    everyone.forEach((client, i) => client.on('broadcast', (broadcast) => received[i].push(broadcast)));

    for (const [i, trainerClient] of trainers.entries()) {
      const arrivals = everyone.map((client) => nextEvent(client, 'broadcast', (b) => b.type === 'step'));
      expect(await trainerClient.request('step:set', { step: 10 + i })).toMatchObject({ ok: true });
      await Promise.all(arrivals);
    }

    const expected = [0, 1, 2].map((i) => ({ seq: seq + 1 + i, type: 'step', data: { step: 10 + i } }));
    for (const list of received) expect(list).toEqual(expected);
    expect(everyone.every((client) => client.snapshot!.step === 12 && client.snapshot!.seq === seq + 3)).toBe(true);
  });

  it('adds up the participants, people, venues and communes of all three gateways in the trainer’s counters', async () => {
    const sessionId = await liveSession();
    // Gateway i: i + 1 guests from commune A and one from commune B; venue A (40 people) on the
    // first gateway, venue B (25 people) on the third.
    for (const [i, gateway] of gateways.entries()) {
      for (let n = 0; n <= i; n++) await guestOn(gateway, sessionId, `Chị Tư ${i}-${n}`, places.villageA);
      await guestOn(gateway, sessionId, `Anh Bảy ${i}`, places.villageB);
    }
    const venueA = await ticket(api, { sessionId, as: 'VENUE', venueId: places.venueA, headcount: 40 }, hostA.token);
    await clients.connect(gateways[0].url, venueA.token);
    const venueB = await ticket(api, { sessionId, as: 'VENUE', venueId: places.venueB, headcount: 25 }, hostB.token);
    await clients.connect(gateways[2].url, venueB.token);

    const trainerClient = await trainerOn(gateways[1], sessionId);
    let latest: TrainerCounters | undefined;
    trainerClient.on('trainer', (update) => {
      if (update.type === 'counters') latest = update.data;
    });
    const expected: TrainerCounters = {
      connected: 6 + 3 + 2,
      people: 6 + 3 + 40 + 25,
      venues: 2,
      byCommune: {
        [places.communeA]: { connected: 6 + 1, people: 6 + 40, venues: 1 },
        [places.communeB]: { connected: 3 + 1, people: 3 + 25, venues: 1 },
      },
    };
    const counters = await eventually(
      () => latest,
      (value) => value?.connected === expected.connected && value.people === expected.people,
      15_000,
    );
    expect(counters).toEqual(expected);
  });

  it('takes poll answers on all three gateways and stores the exact tallies, one answer per participant', async () => {
    const sessionId = await liveSession();
    const trainerClient = await trainerOn(gateways[2], sessionId);
    const voters: { client: LiveClient; option: number }[] = [];
    // Per gateway: two voters from commune A (options 0 and 1) and one from commune B (option 2).
    for (const [i, gateway] of gateways.entries()) {
      voters.push({ client: await guestOn(gateway, sessionId, `Cô Hai ${i}`, places.villageA), option: 0 });
      voters.push({ client: await guestOn(gateway, sessionId, `Cô Ba ${i}`, places.villageA), option: 1 });
      voters.push({ client: await guestOn(gateway, sessionId, `Chú Út ${i}`, places.villageB), option: 2 });
    }
    const announced = voters.map(({ client }) => nextEvent(client, 'broadcast', (b) => b.type === 'poll:opened'));
    const opened = await trainerClient.request('poll:open', {
      kind: 'POLL',
      question: 'Bà con đã cài VNeID mức 2 chưa?',
      options: ['Rồi', 'Chưa', 'Đang cài'],
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const { pollId } = opened.data;
    await Promise.all(announced);

    const answers = await Promise.all(
      voters.map(({ client, option }) => client.request('poll:answer', { pollId, option })),
    );
    expect(answers.every((answer) => answer.ok && answer.data.counted)).toBe(true);
    // Second answers, sent to every gateway: acknowledged, not counted.
    const again = await Promise.all(voters.map(({ client }) => client.request('poll:answer', { pollId, option: 1 })));
    expect(again.every((answer) => answer.ok && !answer.data.counted)).toBe(true);

    const closed = await trainerClient.request('poll:close', { pollId });
    expect(closed).toMatchObject({ ok: true, data: { pollId, tallies: [3, 3, 3], total: 9 } });
    const [stored] = await api.sql<{ answer_count: number; tallies: number[]; tallies_by_commune: unknown }>(
      `select answer_count, tallies, tallies_by_commune from live_poll where id = ?`,
      [pollId],
    );
    expect(stored).toEqual({
      answer_count: 9,
      tallies: [3, 3, 3],
      tallies_by_commune: { [places.communeA]: [3, 3, 0], [places.communeB]: [0, 0, 3] },
    });
  });
});
