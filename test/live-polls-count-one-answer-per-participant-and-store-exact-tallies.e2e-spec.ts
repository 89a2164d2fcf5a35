import type { PollResults } from '@hocvuso/live-client';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  Clients,
  createLivePlaces,
  createSession,
  GatewayHarness,
  type LivePlaces,
  nextEvent,
  START,
  ticket,
} from './support/live-harness';

describe('live polls: one answer per participant, tallies overall and per commune, stored exactly on close', () => {
  let api: ApiHarness;
  let gateway: GatewayHarness;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let sessionId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    gateway = await GatewayHarness.start();
    places = await createLivePlaces(api, '45');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('45')]]);
    sessionId = (await createSession(api, trainer, places)).id;
    await api.gql(START, { id: sessionId }, trainer.token);
  });

  afterAll(async () => {
    clients.closeAll();
    await gateway?.close();
    await api?.close();
  });

  const guestIn = async (villageId: string, name: string) =>
    clients.connect(gateway.url, (await ticket(api, { sessionId, as: 'GUEST', guestName: name, villageId })).token);

  it('counts a second answer not at all, broadcasts running results, and stores final tallies equal to the distinct answers', async () => {
    const trainerClient = await clients.connect(
      gateway.url,
      (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token,
    );
    const east = await Promise.all(['Bà Một', 'Bà Hai', 'Bà Ba'].map((name) => guestIn(places.villageA, name)));
    const west = await Promise.all(['Ông Bốn', 'Ông Năm'].map((name) => guestIn(places.villageB, name)));

    const opened = await trainerClient.request('poll:open', {
      kind: 'POLL',
      question: 'Bạn đã kích hoạt VNeID mức 2 chưa?',
      options: ['Rồi', 'Chưa', 'Không biết'],
    });
    expect(opened.ok).toBe(true);
    const pollId = opened.ok ? opened.data.pollId : '';
    await nextEvent(west[1], 'broadcast', (b) => b.type === 'poll:opened' && b.data.id === pollId);

    const runningResults = nextEvent(
      east[2],
      'broadcast',
      (b) => b.type === 'poll:results' && b.data.pollId === pollId && b.data.total === 5,
    );
    const resultsByCommune = nextEvent(
      trainerClient,
      'trainer',
      (u) =>
        u.type === 'poll:results-by-commune' &&
        u.data.pollId === pollId &&
        Object.values(u.data.byCommune)
          .flat()
          .reduce((a, b) => a + b, 0) === 5,
    );
    const answers = await Promise.all([
      east[0].request('poll:answer', { pollId, option: 0 }),
      east[1].request('poll:answer', { pollId, option: 0 }),
      east[2].request('poll:answer', { pollId, option: 1 }),
      west[0].request('poll:answer', { pollId, option: 1 }),
      west[1].request('poll:answer', { pollId, option: 2 }),
    ]);
    expect(answers.every((a) => a.ok && a.data.counted)).toBe(true);
    const second = await east[0].request('poll:answer', { pollId, option: 2 });
    expect(second).toEqual({ ok: true, data: { counted: false } });
    const invalid = await east[1].request('poll:answer', { pollId, option: 5 });
    expect(invalid).toMatchObject({ ok: false, code: 'INVALID_OPTION' });

    const [running] = await runningResults;
    expect(running.data).toMatchObject({ tallies: [2, 2, 1], total: 5, closed: false });
    const [byCommune] = await resultsByCommune;
    expect(byCommune.data).toMatchObject({
      byCommune: { [places.communeA]: [2, 1, 0], [places.communeB]: [0, 1, 1] },
    });

    const closing = nextEvent(west[0], 'broadcast', (b) => b.type === 'poll:closed');
    const closed = await trainerClient.request('poll:close', { pollId });
    expect(closed).toEqual({
      ok: true,
      data: { pollId, tallies: [2, 2, 1], total: 5, closed: true, correctOption: null },
    });
    const [final, snapshot] = await closing;
    expect((final.data as PollResults).tallies).toEqual([2, 2, 1]);
    expect(snapshot.openPoll).toBeNull();
    const late = await west[0].request('poll:answer', { pollId, option: 0 });
    expect(late).toMatchObject({ ok: false, code: 'POLL_NOT_OPEN' });

    const [stored] = await api.sql<{
      answer_count: number;
      tallies: number[];
      tallies_by_commune: Record<string, number[]>;
    }>(`select answer_count, tallies, tallies_by_commune from live_poll where id = ?`, [pollId]);
    expect(stored).toEqual({
      answer_count: 5,
      tallies: [2, 2, 1],
      tallies_by_commune: { [places.communeA]: [2, 1, 0], [places.communeB]: [0, 1, 1] },
    });
  });

  it('counts each of many concurrent answers exactly once even when every participant answers twice', async () => {
    const trainerClient = await clients.connect(
      gateway.url,
      (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token,
    );
    const crowd = await Promise.all(
      Array.from({ length: 30 }, (_, i) => guestIn(i % 2 === 0 ? places.villageA : places.villageB, `Người ${i + 1}`)),
    );
    const opened = await trainerClient.request('poll:open', {
      kind: 'QUIZ',
      question: 'Mã OTP có được đưa cho người khác không?',
      options: ['Có', 'Không'],
      correctOption: 1,
    });
    const pollId = opened.ok ? opened.data.pollId : '';
    await nextEvent(crowd[29], 'broadcast', (b) => b.type === 'poll:opened');

    const results = await Promise.all(
      crowd.flatMap((client, i) => [
        client.request('poll:answer', { pollId, option: i % 3 === 0 ? 0 : 1 }),
        client.request('poll:answer', { pollId, option: 0 }),
      ]),
    );
    const counted = results.filter((r) => r.ok && r.data.counted).length;
    expect(counted).toBe(30);

    const closed = await trainerClient.request('poll:close', { pollId });
    expect(closed).toMatchObject({ ok: true, data: { total: 30, correctOption: 1, closed: true } });
    const [stored] = await api.sql<{ answer_count: number; tallies: number[] }>(
      `select answer_count, tallies from live_poll where id = ?`,
      [pollId],
    );
    expect(stored.answer_count).toBe(30);
    expect(stored.tallies.reduce((a, b) => a + b, 0)).toBe(30);
    expect(stored.tallies).toEqual(closed.ok ? closed.data.tallies : []);
  });
});
