import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { createWorkerApp } from '../apps/worker/src/worker.app';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import {
  Clients,
  createLivePlaces,
  createSession,
  eventually,
  GatewayHarness,
  type LivePlaces,
  START,
  ticket,
} from './support/live-harness';

/** A free loopback port, for a Redis of this file's own that it can stop and start. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts a redis-server of this file's own on `port` and resolves once it answers, checking that
 * the server answering is that process: were the port taken meanwhile by another program's Redis,
 * the test would stop one server and keep talking to another.
 */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const probe = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    const info = await eventually(
      () =>
        probe.connect().then(
          () => probe.info('server'),
          () => null,
        ),
      (answer) => answer !== null || child.exitCode !== null,
    );
    const pid = /process_id:(\d+)/.exec(info ?? '')?.[1];
    if (child.exitCode !== null || pid !== String(child.pid)) {
      await stopRedis(child);
      throw new Error(`port ${port} answers with another Redis (process ${pid}, ours ${child.pid})`);
    }
  } finally {
    probe.disconnect();
  }
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('live attendance loses no join or leave while Redis is unreachable', () => {
  let port: number;
  let redis: ChildProcess;
  let api: ApiHarness;
  let worker: NestExpressApplication;
  let gateway: GatewayHarness;
  const clients = new Clients();
  let places: LivePlaces;
  let trainer: TestActor;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    // Everything in this file (API, worker, gateway) uses the Redis the test can stop.
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    api = await ApiHarness.start();
    worker = await createWorkerApp();
    worker.useLogger(worker.get(Logger));
    await worker.init();
    gateway = await GatewayHarness.start({ LIVE_ATTENDANCE_FLUSH_MS: 100 });
    places = await createLivePlaces(api, '58');
    trainer = await createActor(api, [[Role.TRAINER, scopes.province('58')]]);
  });

  afterAll(async () => {
    clients.closeAll();
    // A failure while Redis was stopped leaves it stopped: bring it back so the apps can close.
    if (redis?.exitCode !== null && port) redis = await startRedis(port);
    await gateway?.close();
    await worker?.close();
    await api?.close();
    if (redis) await stopRedis(redis);
  });

  const actionsOf = async (sessionId: string) =>
    (
      await api.sql<{ participant_id: string; action: string }>(
        `select participant_id, action from live_attendance_event where session_id = ? order by at`,
        [sessionId],
      )
    ).map((row) => `${row.participant_id}:${row.action}`);

  it('hands the buffered leaves over once Redis is back', async () => {
    const session = await createSession(api, trainer, places);
    await api.gql(START, { id: session.id }, trainer.token);
    const guest = (name: string) =>
      ticket(api, { sessionId: session.id, as: 'GUEST', guestName: name, villageId: places.villageA });
    const first = await guest('Bà Năm');
    const second = await guest('Ông Sáu');
    const firstClient = await clients.connect(gateway.url, first.token);
    const secondClient = await clients.connect(gateway.url, second.token);
    await eventually(
      () => actionsOf(session.id),
      (actions) => actions.length === 2,
    );

    await stopRedis(redis);
    firstClient.close();
    // Several flushes fail meanwhile; the leave can only be in the gateway's buffer.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await actionsOf(session.id)).not.toContain(`${first.participantId}:LEAVE`);

    redis = await startRedis(port);
    secondClient.close();

    const actions = await eventually(
      () => actionsOf(session.id),
      (found) => found.length === 4,
      30_000,
    );
    expect([...actions].sort()).toEqual(
      [
        `${first.participantId}:JOIN`,
        `${first.participantId}:LEAVE`,
        `${second.participantId}:JOIN`,
        `${second.participantId}:LEAVE`,
      ].sort(),
    );
    const summaries = await api.sql<{ participant_id: string }>(
      `select participant_id from live_attendance where session_id = ?`,
      [session.id],
    );
    expect(summaries).toHaveLength(2);
  });
});
