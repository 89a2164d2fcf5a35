import { loadConfig } from '@hocvuso/config';
import { liveKeys } from '@hocvuso/live';
import type { Broadcast } from '@hocvuso/live-client';
import { createRedisClient } from '@hocvuso/redis';
import type { Redis } from 'ioredis';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  Clients,
  createLivePlaces,
  createSession,
  END,
  GatewayHarness,
  type LivePlaces,
  nextEvent,
  START,
  ticket,
} from './support/live-harness';

describe('live broadcasts carry consecutive sequence numbers; a gap or a reconnect brings a fresh snapshot', () => {
  const config = loadConfig();
  let api: ApiHarness;
  let gateway: GatewayHarness;
  let redis: Redis;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let sessionId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    gateway = await GatewayHarness.start();
    redis = createRedisClient(config.REDIS_URL, 'test-live-seq');
    places = await createLivePlaces(api, '43');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('43')]]);
    sessionId = (await createSession(api, trainer, places)).id;
  });

  afterAll(async () => {
    clients.closeAll();
    await redis?.quit();
    await gateway?.close();
    await api?.close();
  });

  const guest = async (name: string) =>
    clients.connect(
      gateway.url,
      (await ticket(api, { sessionId, as: 'GUEST', guestName: name, villageId: places.villageA })).token,
    );

  it('sends every participant the trainer’s step with the next sequence number, and the snapshot has it', async () => {
    const trainerClient = await clients.connect(
      gateway.url,
      (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token,
    );
    const viewer = await guest('Cô Lan');
    const before = viewer.snapshot!.seq;

    const arrived = nextEvent(viewer, 'broadcast', (b) => b.type === 'step');
    const ack = await trainerClient.request('step:set', { step: 3 });
    const [broadcast, snapshot] = await arrived;

    expect(ack).toEqual({ ok: true, data: { step: 3 } });
    expect(broadcast).toEqual({ seq: before + 1, type: 'step', data: { step: 3 } });
    expect(snapshot.step).toBe(3);
    const late = await guest('Chú Tám');
    expect(late.snapshot).toMatchObject({ step: 3, seq: before + 1 });
  });

  it('asks for the snapshot again when a broadcast is missed, instead of applying out of order', async () => {
    const trainerClient = await clients.connect(
      gateway.url,
      (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token,
    );
    const viewer = await guest('Bác Hai');
    const seen: Broadcast[] = [];
    viewer.on('broadcast', (b) => seen.push(b));
    // A broadcast lost on the way: its sequence number is taken, but nobody receives it.
    const lost = await redis.incr(liveKeys(config.REDIS_KEY_PREFIX, sessionId).seq);

    const gap = nextEvent(viewer, 'gap');
    const resynced = nextEvent(viewer, 'snapshot');
    await trainerClient.request('announcement:pin', { text: 'Chuẩn bị điện thoại đã cài VNeID' });

    const [{ expected, received }] = await gap;
    expect(expected).toBe(lost);
    expect(received).toBe(lost + 1);
    const [snapshot] = await resynced;
    expect(snapshot.seq).toBeGreaterThanOrEqual(lost + 1);
    expect(snapshot.announcement).toBe('Chuẩn bị điện thoại đã cài VNeID');
    expect(seen.filter((b) => b.seq <= lost)).toEqual([]);
  });

  it('delivers a status change made through the API to every connected client, in sequence', async () => {
    const viewer = await guest('Anh Sáu');
    const started = nextEvent(viewer, 'broadcast', (b) => b.type === 'status');
    const seq = viewer.snapshot!.seq;

    const result = await api.gql<{ startLiveSession: { status: string } }>(START, { id: sessionId }, trainer.token);

    expect(result.data?.startLiveSession.status).toBe('LIVE');
    const [broadcast, snapshot] = await started;
    expect(broadcast).toEqual({ seq: seq + 1, type: 'status', data: { status: 'LIVE' } });
    expect(snapshot.status).toBe('LIVE');
  });

  it('reconnects with backoff when its gateway restarts and gets the current snapshot', async () => {
    const viewer = await guest('Chị Bảy');
    const dropped = nextEvent(viewer, 'reconnecting');
    const reconnected = nextEvent(viewer, 'snapshot', () => true, 20_000);
    const port = Number(new URL(gateway.url).port);

    await gateway.close();
    const [{ attempt }] = await dropped;
    gateway = await GatewayHarness.start({}, port);

    const [snapshot] = await reconnected;
    expect(attempt).toBeGreaterThanOrEqual(1);
    expect(snapshot).toMatchObject({ status: 'LIVE', step: 3, announcement: 'Chuẩn bị điện thoại đã cài VNeID' });
    expect(viewer.connected).toBe(true);
  });

  it('tells everyone the session ended when a trainer ends it from the API, and takes no trainer command after', async () => {
    const trainerClient = await clients.connect(
      gateway.url,
      (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token,
    );
    const viewer = await guest('Ông Chín');
    const ended = nextEvent(viewer, 'broadcast', (b) => b.type === 'status' && b.data.status === 'ENDED');
    await api.gql(END, { id: sessionId }, trainer.token);
    const [, snapshot] = await ended;
    expect(snapshot.status).toBe('ENDED');
    // Refused, and nothing committed: the sequence does not move.
    const closed = { ok: false, code: 'SESSION_CLOSED' };
    expect(await trainerClient.request('announcement:pin', { text: 'Muộn rồi' })).toMatchObject(closed);
    expect(await trainerClient.request('step:set', { step: 9 })).toMatchObject(closed);
    expect(await viewer.request('snapshot', {})).toMatchObject({
      ok: true,
      data: { seq: snapshot.seq, step: 3, announcement: 'Chuẩn bị điện thoại đã cài VNeID' },
    });
    // Its Redis state is left to expire; PostgreSQL holds what must last.
    const keys = liveKeys(config.REDIS_KEY_PREFIX, sessionId);
    expect(await redis.ttl(keys.snapshot)).toBeGreaterThan(0);
    expect(await redis.ttl(keys.seq)).toBeGreaterThan(0);
  });
});
