import { once } from 'node:events';
import { createServer, type AddressInfo, connect, type Server, type Socket as NetSocket } from 'node:net';
import { loadConfig } from '@hocvuso/config';
import { liveKeys, LiveState } from '@hocvuso/live';
import type { Broadcast, LiveClient } from '@hocvuso/live-client';
import { createRedisClient } from '@hocvuso/redis';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { LiveGateway } from '../apps/live/src/live.gateway';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  Clients,
  createLivePlaces,
  createSession,
  eventually,
  GatewayHarness,
  type LivePlaces,
  nextEvent,
  ticket,
} from './support/live-harness';

/** A TCP relay in front of the gateway whose gateway-to-client direction can stop and resume. */
class StallingProxy {
  private readonly upstreams: NetSocket[] = [];
  private readonly downstreams: NetSocket[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<StallingProxy> {
    const { hostname, port } = new URL(target);
    const holder: { proxy?: StallingProxy } = {};
    const server = createServer((downstream) => {
      const upstream = connect(Number(port), hostname);
      holder.proxy!.upstreams.push(upstream);
      holder.proxy!.downstreams.push(downstream);
      downstream.pipe(upstream);
      upstream.pipe(downstream);
      const end = () => {
        upstream.destroy();
        downstream.destroy();
      };
      upstream.on('error', end).on('close', end);
      downstream.on('error', end).on('close', end);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    holder.proxy = new StallingProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.proxy;
  }

  get connections(): number {
    return this.upstreams.length;
  }

  /** Stops reading what the gateway sends: its socket fills the kernel buffers, then its own. */
  stall(): void {
    for (const [i, upstream] of this.upstreams.entries()) {
      upstream.unpipe(this.downstreams[i]);
      upstream.pause();
    }
  }

  resume(): void {
    for (const [i, upstream] of this.upstreams.entries()) upstream.pipe(this.downstreams[i]);
  }

  async close(): Promise<void> {
    for (const socket of [...this.upstreams, ...this.downstreams]) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** The engine.io members the test reads to see what the gateway holds for one socket. */
interface EngineConnection {
  writeBuffer: { data?: string | Buffer }[];
  transport: { socket?: { bufferedAmount?: number } };
}

describe('a live client that stops reading gets the latest state when it resumes, not a backlog held in the gateway', () => {
  const config = loadConfig();
  /** what may wait for one socket in the gateway; the test's announcements are a quarter of it */
  const LIMIT = 128 * 1024;
  let api: ApiHarness;
  let gateway: GatewayHarness;
  let proxy: StallingProxy;
  let redis: Redis;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;
  let sessionId: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    gateway = await GatewayHarness.start({ LIVE_SLOW_SOCKET_BUFFER_BYTES: LIMIT });
    proxy = await StallingProxy.start(gateway.url);
    redis = createRedisClient(config.REDIS_URL, 'test-live-slow');
    places = await createLivePlaces(api, '62');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('62')]]);
    sessionId = (await createSession(api, trainer, places)).id;
  });

  afterAll(async () => {
    clients.closeAll();
    await proxy?.close();
    await redis?.quit();
    await gateway?.close();
    await api?.close();
  });

  const guestTicket = async (name: string) =>
    ticket(api, { sessionId, as: 'GUEST', guestName: name, villageId: places.villageA });

  /** Every broadcast a client applies, and the gaps and reconnects it goes through. */
  const record = (client: LiveClient) => {
    const log = { from: client.snapshot!.seq, seqs: [] as number[], gaps: 0, reconnects: 0 };
    client.on('broadcast', (broadcast: Broadcast) => log.seqs.push(broadcast.seq));
    client.on('gap', () => log.gaps++);
    client.on('reconnecting', () => log.reconnects++);
    return log;
  };

  const reached = async (client: LiveClient, seq: number) => {
    if (client.snapshot!.seq >= seq) return;
    await nextEvent(client, 'broadcast', (_broadcast, snapshot) => snapshot.seq >= seq);
  };

  /** Bytes waiting in the gateway for the participant's socket: engine.io's write buffer and ws's. */
  const heldFor = (participantId: string): number => {
    const server = gateway.app.get(LiveGateway).server;
    const socket = [...server.of('/').sockets.values()].find(
      (candidate) => candidate.data.claims?.participantId === participantId,
    );
    if (!socket) throw new Error('the slow participant is not connected');
    const conn = socket.conn as unknown as EngineConnection;
    const buffered = conn.writeBuffer.reduce(
      (sum, packet) =>
        sum + (typeof packet.data === 'string' ? Buffer.byteLength(packet.data) : (packet.data?.length ?? 0)),
      0,
    );
    return buffered + (conn.transport.socket?.bufferedAmount ?? 0);
  };

  it('holds at most the limit for a stalled socket, delivers every broadcast to the others, and brings the stalled one to step 500', async () => {
    const healthy = [
      await clients.connect(gateway.url, (await guestTicket('Cô Lan')).token),
      await clients.connect(gateway.url, (await guestTicket('Chú Tám')).token),
    ];
    const slowTicket = await guestTicket('Bác Hai');
    const slow = await clients.connect(proxy.url, slowTicket.token);
    const healthyLogs = healthy.map(record);
    const slowLog = record(slow);

    // The stall must end well within engine.io's ping timeout (25 s + 20 s), which would close the socket.
    proxy.stall();
    let mostHeld = 0;
    const sample = () => (mostHeld = Math.max(mostHeld, heldFor(slowTicket.participantId)));

    // Big announcements, committed and handed to the gateways the way the API and the worker do:
    // far more than the kernel buffers of the stalled connection take (a few MB on loopback).
    // Each waits until the healthy clients have it, so only the stalled one falls behind.
    const state = gateway.app.get(LiveState);
    const bulk = 'Mang theo căn cước công dân và điện thoại đã cài VNeID. '.repeat(500); // ~32 KB
    for (let i = 1; i <= 320; i++) {
      const text = `${i}. ${bulk}`;
      const broadcast = await state.commit(sessionId, 'announcement', { text }, { announcement: text });
      await state.publishToGateways(sessionId, broadcast);
      await Promise.all(healthy.map((client) => reached(client, broadcast.seq)));
      sample();
    }

    // Then the trainer's steps 1..500 and a last announcement, through the gateway's requests and
    // the Redis adapter. Requests are rate-limited per socket, so the trainer uses several sockets,
    // one request in flight on each; step 500 goes alone, last.
    const trainers = await Promise.all(
      Array.from({ length: 25 }, async () =>
        clients.connect(gateway.url, (await ticket(api, { sessionId, as: 'TRAINER' }, trainer.token)).token),
      ),
    );
    const send = async <K extends 'step:set' | 'announcement:pin'>(
      i: number,
      name: K,
      payload: K extends 'step:set' ? { step: number } : { text: string },
    ) => {
      for (;;) {
        const ack = await trainers[i % trainers.length].request(name, payload as never);
        if (ack.ok) return;
        if (ack.code !== 'RATE_LIMITED') throw new Error(`${name} refused: ${ack.code}`);
        await new Promise((resolve) => setTimeout(resolve, ack.retryAfterMs ?? 200));
      }
    };
    for (let first = 1; first < 500; first += trainers.length) {
      const steps = Array.from({ length: Math.min(trainers.length, 500 - first) }, (_, i) => first + i);
      await Promise.all(steps.map((step) => send(step, 'step:set', { step })));
      sample();
    }
    await send(500, 'step:set', { step: 500 });
    const last = 'Buổi học kết thúc, cảm ơn bà con đã tham gia. '.repeat(10).trim();
    await send(0, 'announcement:pin', { text: last });
    sample();

    const finalSeq = Number(await redis.get(liveKeys(config.REDIS_KEY_PREFIX, sessionId).seq));
    await Promise.all(healthy.map((client) => reached(client, finalSeq)));
    sample();
    const metrics = await request(gateway.app.getHttpServer()).get('/metrics');

    // The gateway held about the limit for the stalled socket, not the megabytes sent after it stalled.
    expect(mostHeld).toBeGreaterThan(0);
    expect(mostHeld).toBeLessThanOrEqual(LIMIT + 2 * Buffer.byteLength(bulk));
    expect(metrics.text).toMatch(/hocvuso_live_coalesced_total\{kind="broadcast",app="live"\} [1-9]\d*/);
    expect(metrics.text).toMatch(/hocvuso_live_slow_sockets\{app="live"\} 1\b/);

    // The healthy clients received every broadcast, in sequence.
    for (const log of healthyLogs) {
      const upToFinal = log.seqs.filter((seq) => seq <= finalSeq);
      expect(upToFinal).toEqual(Array.from({ length: finalSeq - log.from }, (_, i) => log.from + 1 + i));
      expect(log.gaps).toBe(0);
    }
    for (const client of healthy) expect(client.snapshot).toMatchObject({ step: 500, announcement: last });

    // Resumed, the stalled client skips what it missed: a gap, one snapshot, the latest state.
    proxy.resume();
    const current = await eventually(
      () => slow.snapshot!,
      (snapshot) => snapshot.seq >= finalSeq,
      30_000,
    );
    expect(current).toMatchObject({ step: 500, announcement: last });
    expect(slowLog.gaps).toBeGreaterThanOrEqual(1);
    expect(slowLog.seqs.length).toBeLessThan(finalSeq - slowLog.from);
    expect(slowLog.reconnects).toBe(0);
    expect(proxy.connections).toBe(1);
    expect(heldFor(slowTicket.participantId)).toBeLessThan(LIMIT);
  }, 180_000);
});
