import { randomUUID } from 'node:crypto';
import { LiveScheduler } from '@hocvuso/live';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import { CREATE_SESSION, createLivePlaces, type LivePlaces } from './support/live-harness';

interface Created {
  createLiveSession: { id: string; joinCode: string; status: string; title: string };
}

/**
 * createLiveSession with a client-generated id: a retried request (even two at once) makes one
 * session, one audit line and one opening and closing job; another request under the same id is
 * refused and changes nothing.
 */
describe('creating a live session is safe to retry when the client names it', () => {
  let api: ApiHarness;
  let places: LivePlaces;
  let trainer: TestActor;
  let otherTrainer: TestActor;

  beforeAll(async () => {
    api = await ApiHarness.start();
    places = await createLivePlaces(api, '54');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('54')]]);
    otherTrainer = await createActor(api, [[Role.TRAINER, scopes.province('54')]]);
  });

  afterAll(async () => {
    await api?.close();
  });

  const inputFor = (id: string) => {
    const start = new Date(Date.now() + 3_600_000);
    start.setMilliseconds(0);
    return {
      id,
      title: 'Thanh toán không dùng tiền mặt',
      scheduledStart: start.toISOString(),
      scheduledEnd: new Date(start.getTime() + 5_400_000).toISOString(),
      streamUrl: 'https://stream.example.vn/live/thanh-toan',
      targetProvinceCodes: [places.provinceCode],
    };
  };

  const stored = async (id: string) => {
    const [sessions] = await api.sql<{ n: number }>(`select count(*)::int as n from live_session where id = ?`, [id]);
    const [trainers] = await api.sql<{ n: number }>(
      `select count(*)::int as n from live_session_trainer where session_id = ?`,
      [id],
    );
    const [audits] = await api.sql<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'live_session.created' and target_id = ?`,
      [id],
    );
    return { sessions: sessions.n, trainers: trainers.n, audits: audits.n };
  };

  it('answers a repeated request with the session it made, without a second audit line or job', async () => {
    const id = randomUUID();
    const input = inputFor(id);
    const first = await api.gql<Created>(CREATE_SESSION, { input }, trainer.token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.createLiveSession).toMatchObject({ id, status: 'SCHEDULED' });
    const scheduler = api.app.get(LiveScheduler);
    const opening = await scheduler.pending('open-session', id);
    const closing = await scheduler.pending('close-session', id);
    expect(opening).not.toBeNull();
    expect(closing).not.toBeNull();

    // The same request again, with the id in capitals and the targets spelled twice: same content.
    const again = await api.gql<Created>(
      CREATE_SESSION,
      { input: { ...input, id: id.toUpperCase(), targetProvinceCodes: [places.provinceCode, places.provinceCode] } },
      trainer.token,
    );
    expect(again.errors).toBeUndefined();
    expect(again.data!.createLiveSession).toEqual(first.data!.createLiveSession);
    expect(await stored(id)).toEqual({ sessions: 1, trainers: 1, audits: 1 });
    // The jobs of the first request stay as they were: not removed and added again.
    expect(await scheduler.pending('open-session', id)).toEqual(opening);
    expect(await scheduler.pending('close-session', id)).toEqual(closing);
  });

  it('puts back the jobs a first attempt did not get to queue', async () => {
    const id = randomUUID();
    const input = inputFor(id);
    await api.gql<Created>(CREATE_SESSION, { input }, trainer.token);
    const scheduler = api.app.get(LiveScheduler);
    await scheduler.unschedule(id);
    expect(await scheduler.pending('open-session', id)).toBeNull();

    const again = await api.gql<Created>(CREATE_SESSION, { input }, trainer.token);
    expect(again.data?.createLiveSession.id).toBe(id);
    expect(await scheduler.pending('open-session', id)).not.toBeNull();
    expect(await scheduler.pending('close-session', id)).not.toBeNull();
    expect(await stored(id)).toEqual({ sessions: 1, trainers: 1, audits: 1 });
  });

  it('refuses other content under a used id with LIVE_SESSION_ID_CONFLICT and changes nothing', async () => {
    const id = randomUUID();
    const input = inputFor(id);
    const first = await api.gql<Created>(CREATE_SESSION, { input }, trainer.token);
    const before = await api.sql(`select * from live_session where id = ?`, [id]);

    const variants: Record<string, unknown>[] = [
      { ...input, title: 'Một buổi học khác' },
      { ...input, scheduledEnd: new Date(Date.parse(input.scheduledEnd) + 60_000).toISOString() },
      { ...input, streamUrl: 'https://stream.example.vn/live/khac' },
      { ...input, targetProvinceCodes: [], targetCommuneCodes: [places.communeA] },
      { ...input, trainerAccountIds: [trainer.accountId, otherTrainer.accountId] },
    ];
    for (const variant of variants) {
      const answer = await api.gql(CREATE_SESSION, { input: variant }, trainer.token);
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0].extensions?.code).toBe('LIVE_SESSION_ID_CONFLICT');
      expect(answer.errors?.[0].message).toMatch(/Mã định danh này đã được dùng/);
    }
    // The same content sent by someone else is not their session either.
    const foreign = await api.gql(CREATE_SESSION, { input }, otherTrainer.token);
    expect(foreign.errors?.[0].extensions?.code).toBe('LIVE_SESSION_ID_CONFLICT');

    expect(await api.sql(`select * from live_session where id = ?`, [id])).toEqual(before);
    expect(await stored(id)).toEqual({ sessions: 1, trainers: 1, audits: 1 });
    expect(first.data!.createLiveSession.id).toBe(id);

    const malformed = await api.gql(CREATE_SESSION, { input: { ...input, id: 'not-a-uuid' } }, trainer.token);
    expect(malformed.errors?.[0].extensions?.code).toBe('INVALID_LIVE_SESSION_ID');
  });

  it('makes one session of concurrent duplicates', async () => {
    const id = randomUUID();
    const input = inputFor(id);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api.gql<Created>(CREATE_SESSION, { input }, trainer.token)),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.createLiveSession).toEqual(answers[0].data!.createLiveSession);
    }
    expect(await stored(id)).toEqual({ sessions: 1, trainers: 1, audits: 1 });
  });

  it('still creates a fresh session per request when no id is given', async () => {
    const { id: _id, ...input } = inputFor(randomUUID());
    const first = await api.gql<Created>(CREATE_SESSION, { input }, trainer.token);
    const second = await api.gql<Created>(CREATE_SESSION, { input }, trainer.token);
    expect(first.data!.createLiveSession.id).not.toBe(second.data!.createLiveSession.id);
  });
});
