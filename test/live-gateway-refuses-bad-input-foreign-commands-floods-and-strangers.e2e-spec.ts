import { loadConfig } from '@hocvuso/config';
import request from 'supertest';
import { ParticipantTokenSigner } from '@hocvuso/live';
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

describe('the live gateway answers bad input with an error, never crashes, and keeps strangers and floods out', () => {
  const config = loadConfig();
  let api: ApiHarness;
  let gateway: GatewayHarness;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let sessionId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    gateway = await GatewayHarness.start();
    places = await createLivePlaces(api, '49');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('49')]]);
    sessionId = (await createSession(api, trainer, places)).id;
    await api.gql(START, { id: sessionId }, trainer.token);
  });

  afterEach(() => clients.closeAll());

  afterAll(async () => {
    clients.closeAll();
    await gateway?.close();
    await api?.close();
  });

  const guestTicket = (name = 'Bà Sáu') =>
    ticket(api, { sessionId, as: 'GUEST', guestName: name, villageId: places.villageA });

  it('refuses every trainer command from a participant', async () => {
    const guest = await clients.connect(gateway.url, (await guestTicket()).token);
    const commands = [
      guest.request('step:set', { step: 9 }),
      guest.request('poll:open', { kind: 'POLL', question: 'Ai đó?', options: ['A', 'B'] }),
      guest.request('announcement:pin', { text: 'Giả mạo' }),
      guest.request('session:end', {}),
    ];
    for (const answer of await Promise.all(commands)) {
      expect(answer).toEqual({
        ok: false,
        code: 'TRAINER_ONLY',
        message: 'Chỉ giảng viên của buổi học mới được thực hiện thao tác này.',
      });
    }
    const [session] = await api.sql<{ status: string }>(`select status from live_session where id = ?`, [sessionId]);
    expect(session.status).toBe('LIVE');
    expect(guest.snapshot!.step).toBe(0);
  });

  it('answers malformed and unknown events with errors and keeps serving the socket', async () => {
    const guest = await clients.connect(gateway.url, (await guestTicket()).token);
    const pollId = '3f1c3c1e-0000-4000-8000-000000000009';
    expect(await guest.rawEmitWithAck('poll:answer', { pollId: 'x', option: 1 })).toMatchObject({
      ok: false,
      code: 'INVALID_PAYLOAD',
    });
    expect(await guest.rawEmitWithAck('poll:answer', { pollId, option: 1, extra: true })).toMatchObject({
      ok: false,
      code: 'INVALID_PAYLOAD',
    });
    expect(await guest.rawEmitWithAck('poll:answer', 42)).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await guest.rawEmitWithAck('question:ask', { text: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      code: 'INVALID_PAYLOAD',
    });
    expect(await guest.rawEmitWithAck('react', { kind: 'BOMB' })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await guest.rawEmitWithAck('eval', 'process.exit(1)')).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
    expect(await guest.rawEmitWithAck('poll:answer', { pollId, option: 1 })).toMatchObject({
      ok: false,
      code: 'POLL_NOT_OPEN',
    });
    expect(await guest.request('snapshot', {})).toMatchObject({ ok: true, data: { sessionId } });
    expect(guest.connected).toBe(true);
  });

  it('drops a socket that sends an oversized message, and serves everyone else as before', async () => {
    const bystander = await clients.connect(gateway.url, (await guestTicket('Ông Bảy')).token);
    const flooder = await clients.connect(gateway.url, (await guestTicket('Kẻ Phá')).token);
    const dropped = nextEvent(flooder, 'reconnecting');

    void flooder.rawEmitWithAck('question:ask', { text: 'x'.repeat(64 * 1024) }).catch(() => undefined);

    const [{ reason }] = await dropped;
    expect(reason).toMatch(/transport/);
    expect(await bystander.request('snapshot', {})).toMatchObject({ ok: true });
  });

  it('rate-limits each socket’s events and says when to retry', async () => {
    const guest = await clients.connect(gateway.url, (await guestTicket()).token);
    const answers = await Promise.all(Array.from({ length: 30 }, () => guest.request('react', { kind: 'CLAP' })));
    const limited = answers.filter((a) => !a.ok && a.code === 'RATE_LIMITED');
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(10);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({
      message: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau giây lát.',
      retryAfterMs: expect.any(Number),
    });
  });

  it('refuses missing, forged and expired tokens and foreign browser origins', async () => {
    const refusal = (token: string, extraHeaders?: Record<string, string>) =>
      clients
        .create({ url: gateway.url, token, extraHeaders })
        .connect()
        .then(
          () => 'connected',
          (error: { code: string }) => error.code,
        );
    const claims = {
      sessionId,
      participantId: '3f1c3c1e-0000-4000-8000-00000000000a',
      kind: 'TRAINER' as const,
      displayName: 'Giả',
      communeCode: null,
      villageId: null,
      venueId: null,
    };
    const forged = (await new ParticipantTokenSigner('x'.repeat(40), 600).sign(claims)).token;
    const expired = (
      await new ParticipantTokenSigner(config.LIVE_TOKEN_SECRET, 60, () => new Date(Date.now() - 3_600_000)).sign(
        claims,
      )
    ).token;
    const good = (await guestTicket()).token;

    expect(await refusal('')).toBe('TOKEN_INVALID');
    expect(await refusal(forged)).toBe('TOKEN_INVALID');
    expect(await refusal(expired)).toBe('TOKEN_EXPIRED');
    expect(await refusal(good, { origin: 'https://evil.example' })).toBe('ORIGIN_NOT_ALLOWED');
    expect(await refusal(good, { origin: 'http://localhost:3000' })).toBe('connected');
  });

  it('admits connections at the configured rate, counts the refused, and the client comes back when told', async () => {
    const slow = await GatewayHarness.start({ LIVE_ADMISSION_PER_SECOND: 2 });
    try {
      const tokens = await Promise.all(Array.from({ length: 6 }, (_, i) => guestTicket(`Người xếp hàng ${i + 1}`)));
      const crowd = tokens.map((t) => clients.create({ url: slow.url, token: t.token }));
      const waits: number[] = [];
      for (const client of crowd) {
        client.on('reconnecting', ({ reason, delayMs }) => {
          if (reason === 'admission') waits.push(delayMs);
        });
      }
      const snapshots = await Promise.all(crowd.map((client) => client.connect()));

      expect(snapshots.every((s) => s.sessionId === sessionId)).toBe(true);
      expect(waits.length).toBeGreaterThanOrEqual(4);
      expect(Math.min(...waits)).toBeGreaterThanOrEqual(1000);
      const metrics = await request(slow.app.getHttpServer()).get('/metrics');
      expect(metrics.text).toMatch(
        /hocvuso_live_refused_connections_total\{code="ADMISSION_LIMITED",app="live"\} [1-9]/,
      );
      expect(metrics.text).toMatch(/hocvuso_live_sockets\{app="live"\} 6/);
    } finally {
      clients.closeAll();
      await slow.close();
    }
  });
});
