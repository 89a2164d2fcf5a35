import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@hocvuso/config';
import { dropDatabase } from '@hocvuso/database/migrate';
import { ParticipantTokenSigner } from '@hocvuso/live/participant-token';
import { LiveClient } from '@hocvuso/live-client';
import { Redis } from 'ioredis';
import { BenchDatabase, type BenchSession } from './bench-db';
import {
  benchText,
  type LoopDelay,
  type SwarmAnswered,
  type SwarmCollected,
  type SwarmConnected,
  type SwarmProgress,
  type Target,
} from './messages';
import {
  Child,
  cpuMicros,
  freePort,
  machineBusyMicros,
  openFilesLimit,
  reachableOpenFilesLimit,
  rssBytes,
  sleep,
} from './processes';
import { formatTable, percentile } from './report';

/**
 * `npm run bench:live`: the live gateway against two baselines on the same machine, with the
 * same frames, the same client swarm and the same measurements. See README "Benchmarks".
 */

const ROOT = resolve(__dirname, '../..');
const HERE = __dirname;
const LABEL: Record<Target, string> = { ws: 'A raw ws', socketio: 'B socket.io', live: 'C gateway' };
/** Descriptors a server keeps besides its sockets (Redis, PostgreSQL, listening socket, files). */
const FD_RESERVE = 200;
/** Source addresses per target (one address gives ~28k ephemeral ports). */
const ADDRESSES_PER_TARGET = 8;
const KB = 1024;
/**
 * V8 options of the three servers, the ones docker-compose.yml runs the gateway with: a young
 * generation of at most 2 × 16 MB. On a machine with plenty of memory V8 would let it grow to
 * 2 × 64 MB under the connect phase's allocation rate, and RSS, so the memory per connection,
 * would count that garbage space as if the sockets held it.
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];

const { values: flags } = parseArgs({
  options: {
    clients: { type: 'string', default: '20000' },
    'clients-per-process': { type: 'string', default: '5000' },
    broadcasts: { type: 'string', default: '10' },
    'interval-ms': { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    'admission-per-second': { type: 'string', default: '100000' },
    'answer-spread-ms': { type: 'string', default: '3000' },
    only: { type: 'string', default: 'A,B,C' },
    'gateway-node-options': { type: 'string', default: '' },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`npm run bench:live -- [--clients N] [--clients-per-process 5000] [--broadcasts 10] [--interval-ms 1000]
  [--concurrency 50] [--admission-per-second 100000] [--answer-spread-ms 3000] [--only A,B,C]
  [--gateway-node-options='--cpu-prof --cpu-prof-dir=/tmp/prof']`);
  process.exit(0);
}

const options = {
  clients: positive('clients'),
  perProcess: positive('clients-per-process'),
  broadcasts: positive('broadcasts'),
  intervalMs: positive('interval-ms'),
  concurrency: positive('concurrency'),
  admission: positive('admission-per-second'),
  answerSpreadMs: positive('answer-spread-ms'),
  targets: flags.only
    .split(',')
    .map((t) => ({ A: 'ws', B: 'socketio', C: 'live' })[t.trim().toUpperCase()] as Target)
    .filter(Boolean),
};

function positive(name: keyof typeof flags): number {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

interface Figures {
  clients: number;
  connected: number;
  connectsPerSecond: number;
  cpuPerConnectionUs: number;
  cpuPerDeliveryUs: number;
  /** the client processes' CPU in the broadcast phase per delivery: what receiving costs them */
  clientCpuPerDeliveryUs: number;
  /** cores the whole machine kept busy in the broadcast phase (all processes, ours or not) */
  machineBusyCores: number;
  /** of those, the server's and the clients' (the rest: Redis, PostgreSQL, the worker, anything else running) */
  benchBusyCores: number;
  delivered: number;
  benchDeliveries: number;
  p50Ms: number;
  p99Ms: number;
  lastMedianMs: number;
  lastMaxMs: number;
  bytesPerConnection: number;
  loop: LoopDelay;
  gaps: number;
  dropped: number;
  fdLimit: number;
}

interface IngestFigures {
  answered: number;
  answersPerSecond: number;
  cpuPerAnswerUs: number;
  storedCount: number | null;
  storedSum: number | null;
  ok: boolean;
}

interface AttendanceFigures {
  seconds: number | null;
  rows: number;
  joins: number;
  leaves: number;
  ok: boolean;
}

/** Everything the run started, so a crash or Ctrl-C still cleans up. */
const cleanup: {
  children: Child[];
  db: BenchDatabase | null;
  /** the database's URL as soon as it may exist, so a failed migration still drops it */
  dropUrl: string;
  prefix: string;
  redisUrl: string;
} = {
  children: [],
  db: null,
  dropUrl: '',
  prefix: '',
  redisUrl: '',
};

function progress(line: string): void {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

async function main(): Promise<number> {
  const config = loadConfig();
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  cleanup.prefix = `hocvuso-bench-${suffix}`;
  cleanup.redisUrl = config.REDIS_URL;
  const logDir = mkdtempSync(join(tmpdir(), 'hocvuso-bench-live-'));

  const gatewayMain = join(ROOT, 'dist/apps/live/src/main.js');
  const workerMain = join(ROOT, 'dist/apps/worker/src/main.js');
  if (options.targets.includes('live') && (!existsSync(gatewayMain) || !existsSync(workerMain))) {
    throw new Error('dist/apps/{live,worker} missing: run `npm run build` first (npm run bench:live does)');
  }

  // Each server holds one descriptor per client: raise its limit when the hard limit allows.
  let clients = options.clients;
  const fdLimit = reachableOpenFilesLimit(clients + FD_RESERVE);
  if (fdLimit < clients + FD_RESERVE) {
    const reduced = fdLimit - FD_RESERVE;
    progress(
      `WARNING: a server process may open at most ${fdLimit} files (the hard limit; raising it needs ` +
        `CAP_SYS_RESOURCE), so N is reduced from ${clients} to ${reduced}`,
    );
    clients = reduced;
  }
  const swarmSizes = split(clients, Math.ceil(clients / options.perProcess));
  progress(
    `bench:live N=${clients} in ${swarmSizes.length} client processes, ${options.broadcasts} broadcasts ` +
      `every ${options.intervalMs} ms, server open-files limit ${fdLimit}, logs in ${logDir}`,
  );

  const results: Partial<Record<Target, Figures>> = {};
  let ingest: IngestFigures | null = null;
  let attendance: AttendanceFigures | null = null;
  for (const [index, target] of options.targets.entries()) {
    const addresses = Array.from({ length: ADDRESSES_PER_TARGET }, (_, i) => `127.0.${10 + index}.${1 + i}`);
    if (target === 'live') {
      const outcome = await runGateway(
        config,
        clients,
        swarmSizes,
        addresses,
        fdLimit,
        logDir,
        gatewayMain,
        workerMain,
      );
      results.live = outcome.figures;
      ingest = outcome.ingest;
      attendance = outcome.attendance;
    } else {
      results[target] = await runBaseline(target, clients, swarmSizes, addresses, fdLimit);
    }
  }

  printReport(results, ingest, attendance);
  // The servers' logs are kept only when something went wrong.
  if (ingest?.ok !== false && attendance?.ok !== false) rmSync(logDir, { recursive: true, force: true });
  return ingest?.ok === false || attendance?.ok === false ? 1 : 0;
}

// ---- targets

async function runBaseline(
  target: 'ws' | 'socketio',
  clients: number,
  swarmSizes: number[],
  addresses: string[],
  fdLimit: number,
): Promise<Figures> {
  const label = LABEL[target];
  progress(`[${label}] starting the server`);
  const server = track(
    Child.script(
      label,
      join(HERE, 'baseline-server.ts'),
      [target],
      clients + FD_RESERVE,
      process.env,
      SERVER_NODE_FLAGS,
    ),
  );
  const port = await new Promise<number>((resolvePort, reject) => {
    server.onMessage<{ type: 'ready'; port: number }>('ready', (message) => resolvePort(message.port));
    server.process.once('exit', () => reject(new Error(`${label} server exited before listening`)));
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    const { figures } = await measureFanOut(target, url, server.pid, clients, swarmSizes, addresses, fdLimit, {
      resetLoop: () => server.ask({ cmd: 'eld-reset' }),
      readLoop: () => server.ask<LoopDelay>({ cmd: 'eld' }),
      broadcast: (text) => server.ask({ cmd: 'broadcast', text }).then(() => undefined),
    });
    return figures;
  } finally {
    await stopAll(true);
  }
}

async function runGateway(
  config: ReturnType<typeof loadConfig>,
  clients: number,
  swarmSizes: number[],
  addresses: string[],
  fdLimit: number,
  logDir: string,
  gatewayMain: string,
  workerMain: string,
): Promise<{ figures: Figures; ingest: IngestFigures; attendance: AttendanceFigures }> {
  const label = LABEL.live;
  progress(`[${label}] creating database hocvuso_bench_${cleanup.prefix.slice(14)} and a live session`);
  const migrateMain = join(ROOT, 'dist/apps/worker/src/cli/db-migrate.js');
  const name = `hocvuso_bench_${cleanup.prefix.slice(14)}`;
  const db = await BenchDatabase.create(config.DATABASE_URL, name, async (databaseUrl) => {
    // The built `npm run db:migrate` command: creates the database, applies every migration.
    cleanup.dropUrl = databaseUrl;
    const migrate = Child.app(
      'migrate',
      migrateMain,
      1024,
      { ...process.env, DATABASE_URL: databaseUrl },
      join(logDir, 'migrate.log'),
    );
    const code = await new Promise<number | null>((done) => migrate.process.once('exit', done));
    if (code !== 0) throw new Error(`db-migrate exited with ${code} (see ${logDir}/migrate.log)`);
  });
  cleanup.db = db;
  const session = await db.createSession();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    LIVE_PORT: String(port),
    WORKER_PORT: '0',
    DATABASE_URL: db.config.DATABASE_URL,
    REDIS_URL: config.REDIS_URL,
    REDIS_KEY_PREFIX: cleanup.prefix,
    LIVE_TOKEN_SECRET: config.LIVE_TOKEN_SECRET,
    LIVE_ADMISSION_PER_SECOND: String(options.admission),
    CERTIFICATE_SWEEP_INTERVAL_SECONDS: '0',
    STATISTICS_REFRESH_INTERVAL_SECONDS: '0',
  };
  progress(`[${label}] starting the worker and the gateway (LIVE_ADMISSION_PER_SECOND=${options.admission})`);
  track(Child.app('worker', workerMain, 1024, env, join(logDir, 'worker.log')));
  // NODE_OPTIONS for the gateway only, e.g. to profile it (`--cpu-prof`, written when it exits).
  const gatewayEnv = flags['gateway-node-options'] ? { ...env, NODE_OPTIONS: flags['gateway-node-options'] } : env;
  const gateway = track(
    Child.app('gateway', gatewayMain, clients + FD_RESERVE, gatewayEnv, join(logDir, 'gateway.log'), SERVER_NODE_FLAGS),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(`${url}/health/ready`).catch(() => null))?.status === 200,
    60_000,
    'gateway ready',
  );
  const signer = new ParticipantTokenSigner(config.LIVE_TOKEN_SECRET, config.LIVE_TOKEN_TTL_SECONDS);
  const trainerToken = await signer.sign({
    sessionId: session.sessionId,
    participantId: session.trainerAccountId,
    kind: 'TRAINER',
    displayName: 'Giảng viên đo tải',
    communeCode: null,
    villageId: null,
    venueId: null,
  });
  const trainer = new LiveClient({ url, token: trainerToken.token, requestTimeoutMs: 120_000 });
  await trainer.connect();
  try {
    const { figures, swarms, connected } = await measureFanOut(
      'live',
      url,
      gateway.pid,
      clients,
      swarmSizes,
      addresses,
      fdLimit,
      {
        resetLoop: () => fetch(`${url}/metrics`).then((r) => r.text()),
        readLoop: async () => loopFromMetrics(await fetch(`${url}/metrics`).then((r) => r.text())),
        broadcast: async (text) => {
          const ack = await trainer.request('announcement:pin', { text });
          if (!ack.ok) throw new Error(`announcement:pin refused: ${ack.code}`);
        },
      },
      session,
    );
    const ingest = await runIngest(trainer, swarms, gateway, db, connected);
    const attendance = await runAttendance(trainer, swarms, db, session, connected);
    return { figures, ingest, attendance };
  } finally {
    trainer.close();
    await stopAll(false);
  }
}

interface ServerControls {
  resetLoop(): Promise<unknown>;
  readLoop(): Promise<LoopDelay>;
  /** asks the server to broadcast an announcement with this text (stamped by the caller) */
  broadcast(text: string): Promise<void>;
}

/** Connect, settle, broadcast: the measurements common to A, B and C. */
async function measureFanOut(
  target: Target,
  url: string,
  serverPid: number,
  clients: number,
  swarmSizes: number[],
  addresses: string[],
  fdLimit: number,
  server: ServerControls,
  session?: BenchSession,
): Promise<{ figures: Figures; swarms: Child[]; connected: number }> {
  const label = LABEL[target];
  await sleep(1_000);
  const rssBefore = rssBytes(serverPid);
  const serverFdLimit = openFilesLimit(serverPid);
  const config = loadConfig();
  const swarms: Child[] = [];
  let offset = 0;
  for (const [i, count] of swarmSizes.entries()) {
    const swarm = track(
      Child.script(`clients-${i + 1}`, join(HERE, 'client-swarm.ts'), [], Math.min(fdLimit, count + 1024), process.env),
    );
    await swarm.ask({
      cmd: 'prepare',
      target,
      url,
      count,
      offset,
      addresses,
      concurrency: options.concurrency,
      participants: session && {
        secret: config.LIVE_TOKEN_SECRET,
        ttlSeconds: config.LIVE_TOKEN_TTL_SECONDS,
        sessionId: session.sessionId,
        places: session.places,
      },
    });
    offset += count;
    swarms.push(swarm);
  }

  // ---- connect
  const counts = swarms.map(() => 0);
  swarms.forEach((swarm, i) => swarm.onMessage<SwarmProgress>('progress', (m) => (counts[i] = m.connected)));
  const ticker = setInterval(() => progress(`[${label}] connected ${sum(counts)} / ${clients}`), 2_000);
  const connectCpuBefore = cpuMicros(serverPid);
  const started = Date.now();
  const outcomes = await Promise.all(swarms.map((swarm) => swarm.ask<SwarmConnected>({ cmd: 'connect' }, 3_600_000)));
  const connectSeconds = (Date.now() - started) / 1000;
  clearInterval(ticker);
  const connectCpu = cpuMicros(serverPid) - connectCpuBefore;
  const connected = sum(outcomes.map((o) => o.connected));
  const failed = sum(outcomes.map((o) => o.failed));
  progress(
    `[${label}] connected ${connected} / ${clients} in ${connectSeconds.toFixed(1)} s` +
      (failed ? ` (${failed} failed: ${outcomes.find((o) => o.firstError)?.firstError})` : ''),
  );
  await sleep(2_000);
  const rssAfter = rssBytes(serverPid);

  // ---- broadcast
  progress(`[${label}] broadcast phase: ${options.broadcasts} broadcasts to ${connected} sockets`);
  await Promise.all(swarms.map((swarm) => swarm.ask({ cmd: 'reset' })));
  await server.resetLoop();
  const cpuBefore = cpuMicros(serverPid);
  const clientCpuBefore = sum(swarms.map((swarm) => cpuMicros(swarm.pid)));
  const machineBefore = machineBusyMicros();
  const sends: Promise<void>[] = [];
  const phaseStart = Date.now();
  for (let benchSeq = 1; benchSeq <= options.broadcasts; benchSeq++) {
    // Stamped here, before the request leaves, for all three servers alike: A and B get it over
    // their IPC channel, C's trainer sends it with announcement:pin (so C's latency includes its
    // request and Redis commit, A's and B's their IPC hop, and each the wait for its server's loop).
    sends.push(server.broadcast(benchText(benchSeq, Date.now())));
    await sleep(Math.max(0, phaseStart + benchSeq * options.intervalMs - Date.now()));
  }
  await Promise.all(sends);
  await waitFor(
    async () =>
      sum(await Promise.all(swarms.map((s) => s.ask<number>({ cmd: 'received', benchSeq: options.broadcasts })))) >=
      connected,
    30_000,
    'the last broadcast delivered to every client',
  ).catch((error: Error) => progress(`[${label}] WARNING: ${error.message}`));
  const cpuAfter = cpuMicros(serverPid);
  const clientCpu = sum(swarms.map((swarm) => cpuMicros(swarm.pid))) - clientCpuBefore;
  const machineBusy = machineBusyMicros() - machineBefore;
  const phaseMicros = (Date.now() - phaseStart) * 1000;
  const loop = await server.readLoop();
  const collected = await Promise.all(swarms.map((swarm) => swarm.ask<SwarmCollected>({ cmd: 'collect' })));
  const latencies = collected.flatMap((c) => c.latencies).sort((a, b) => a - b);
  const delivered = sum(collected.map((c) => c.delivered));
  const lasts: number[] = [];
  for (let benchSeq = 1; benchSeq <= options.broadcasts; benchSeq++) {
    lasts.push(Math.max(...collected.map((c) => c.lastByBenchSeq[benchSeq] ?? 0)));
  }
  // In sending order: a latency that grows broadcast after broadcast is a backlog (the machine
  // cannot keep up with the rate), not the cost of one broadcast.
  const lastsInOrder = lasts.join(' ');
  lasts.sort((a, b) => a - b);
  const figures: Figures = {
    clients,
    connected,
    connectsPerSecond: connected / connectSeconds,
    cpuPerConnectionUs: connectCpu / Math.max(1, connected),
    cpuPerDeliveryUs: (cpuAfter - cpuBefore) / Math.max(1, delivered),
    clientCpuPerDeliveryUs: clientCpu / Math.max(1, delivered),
    machineBusyCores: machineBusy / Math.max(1, phaseMicros),
    benchBusyCores: (cpuAfter - cpuBefore + clientCpu) / Math.max(1, phaseMicros),
    delivered,
    benchDeliveries: latencies.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    lastMedianMs: percentile(lasts, 50),
    lastMaxMs: lasts[lasts.length - 1] ?? 0,
    bytesPerConnection: (rssAfter - rssBefore) / Math.max(1, connected),
    loop,
    gaps: sum(collected.map((c) => c.gaps)),
    dropped: sum(collected.map((c) => c.dropped)),
    fdLimit: serverFdLimit,
  };
  progress(
    `[${label}] ${delivered} deliveries (${latencies.length} timed), ` +
      `${figures.cpuPerDeliveryUs.toFixed(1)} µs CPU each, p99 ${figures.p99Ms} ms; ` +
      `last recipient of each broadcast in order (ms): ${lastsInOrder}`,
  );
  return { figures, swarms, connected };
}

// ---- C only

async function runIngest(
  trainer: LiveClient,
  swarms: Child[],
  gateway: Child,
  db: BenchDatabase,
  connected: number,
): Promise<IngestFigures> {
  const label = LABEL.live;
  const opened = await trainer.request('poll:open', {
    kind: 'POLL',
    question: 'Bà con đã cài đặt VNeID mức 2 chưa?',
    options: ['Đã cài', 'Chưa cài', 'Cần hỗ trợ'],
  });
  if (!opened.ok) throw new Error(`poll:open refused: ${opened.code}`);
  const pollId = opened.data.pollId;
  progress(`[${label}] ingest phase: ${connected} clients answer within ${options.answerSpreadMs} ms`);
  const cpuBefore = cpuMicros(gateway.pid);
  const openedAt = Date.now();
  // The running total the trainer sees (broadcast at most once a second) tells when all are in.
  let allCountedAt = 0;
  const off = trainer.on('broadcast', (broadcast) => {
    if (broadcast.type === 'poll:results' && broadcast.data.pollId === pollId && broadcast.data.total >= connected)
      allCountedAt ||= Date.now();
  });
  const answers = await Promise.all(
    swarms.map((swarm) =>
      swarm.ask<SwarmAnswered>({ cmd: 'answer', pollId, options: 3, spreadMs: options.answerSpreadMs }),
    ),
  );
  const lastAck = Math.max(...answers.map((a) => a.lastAckAt));
  const cpuAfter = cpuMicros(gateway.pid);
  await waitFor(async () => allCountedAt > 0, 10_000, 'the running total to reach N').catch(() => undefined);
  off();
  const counted = sum(answers.map((a) => a.counted));
  const failed = sum(answers.map((a) => a.failed));
  const retried = sum(answers.map((a) => a.retried));
  if (retried || failed) {
    progress(
      `[${label}] ${retried} answers sent again after ${answers.find((a) => a.firstError)?.firstError}, ` +
        `${failed} never acknowledged`,
    );
  }
  const closed = await trainer.request('poll:close', { pollId });
  if (!closed.ok) throw new Error(`poll:close refused: ${closed.code}`);
  const stored = await db.pollTally(pollId);
  // Exact means the stored tally is the number of distinct answers sent: one per client.
  const ok = closed.data.total === connected && stored.answerCount === connected && stored.talliesSum === connected;
  progress(
    `[${label}] poll closed: ${counted} answers counted, broadcast total ${closed.data.total}, ` +
      `live_poll answer_count ${stored.answerCount}, sum of tallies ${stored.talliesSum}: ${ok ? 'OK' : 'FAIL'}`,
  );
  return {
    answered: counted,
    answersPerSecond: connected / ((lastAck - openedAt) / 1000),
    cpuPerAnswerUs: (cpuAfter - cpuBefore) / Math.max(1, counted),
    storedCount: stored.answerCount,
    storedSum: stored.talliesSum,
    ok,
  };
}

async function runAttendance(
  trainer: LiveClient,
  swarms: Child[],
  db: BenchDatabase,
  session: BenchSession,
  connected: number,
): Promise<AttendanceFigures> {
  const label = LABEL.live;
  progress(`[${label}] attendance phase: the trainer ends the session, all ${connected} clients leave`);
  const endedAt = Date.now();
  const ended = await trainer.request('session:end', {});
  if (!ended.ok) throw new Error(`session:end refused: ${ended.code}`);
  await Promise.all(swarms.map((swarm) => swarm.ask({ cmd: 'leave' })));
  let last = { rows: 0, joins: 0, leaves: 0 };
  let seconds: number | null = null;
  const deadline = endedAt + 120_000;
  let lastPrinted = 0;
  while (Date.now() < deadline) {
    last = await db.attendance(session.sessionId);
    // Every client joined at least once (more if it reconnected); done when each join has its leave.
    if (last.rows === connected && last.joins >= connected && last.leaves === last.joins) {
      seconds = (Date.now() - endedAt) / 1000;
      break;
    }
    if (Date.now() - lastPrinted >= 2_000) {
      lastPrinted = Date.now();
      progress(`[${label}] live_attendance rows ${last.rows}, leaves stored ${last.leaves} / ${last.joins} joins`);
    }
    await sleep(100);
  }
  const ok = seconds !== null;
  progress(
    ok
      ? `[${label}] all ${connected} attendance rows and leaves stored ${seconds!.toFixed(1)} s after the end: OK`
      : `[${label}] after 120 s: ${last.rows} rows of ${connected}, ${last.leaves} leaves of ${last.joins} joins: FAIL`,
  );
  return { seconds, rows: last.rows, joins: last.joins, leaves: last.leaves, ok };
}

// ---- report

function printReport(
  results: Partial<Record<Target, Figures>>,
  ingest: IngestFigures | null,
  attendance: AttendanceFigures | null,
): void {
  const targets = options.targets.filter((t) => results[t]);
  const fig = (t: Target) => results[t]!;
  const rows: [string, (f: Figures) => string][] = [
    ['clients connected', (f) => `${f.connected} / ${f.clients}`],
    ['connections per second', (f) => f.connectsPerSecond.toFixed(0)],
    ['server CPU per connection (µs)', (f) => f.cpuPerConnectionUs.toFixed(0)],
    ['server CPU per delivered message (µs)', (f) => f.cpuPerDeliveryUs.toFixed(2)],
    ['client CPU per delivered message (µs)', (f) => f.clientCpuPerDeliveryUs.toFixed(2)],
    [
      'cores busy in the broadcast phase: machine (server + clients)',
      (f) => `${f.machineBusyCores.toFixed(2)} (${f.benchBusyCores.toFixed(2)})`,
    ],
    ['messages delivered (timed)', (f) => `${f.delivered} (${f.benchDeliveries})`],
    ['latency p50 (ms)', (f) => String(f.p50Ms)],
    ['latency p99 (ms)', (f) => String(f.p99Ms)],
    ['last recipient, median / worst broadcast (ms)', (f) => `${f.lastMedianMs} / ${f.lastMaxMs}`],
    ['memory per connection (KB of RSS)', (f) => (f.bytesPerConnection / KB).toFixed(1)],
    ['event-loop delay p50 / p99 / max (ms)', (f) => `${ms(f.loop.p50Ms)} / ${ms(f.loop.p99Ms)} / ${ms(f.loop.maxMs)}`],
    ['gaps / unexpected disconnects', (f) => `${f.gaps} / ${f.dropped}`],
  ];
  console.log('');
  console.log(
    formatTable(
      ['', ...targets.map((t) => LABEL[t])],
      rows.map(([name, f]) => [name, ...targets.map((t) => f(fig(t)))]),
    ),
  );

  const c = results.live;
  if (c) {
    const ratios: [string, (f: Figures) => number, number][] = [];
    ratios.push(['CPU per delivery', (f) => f.cpuPerDeliveryUs, 0]);
    ratios.push(['latency p50', (f) => f.p50Ms, 0]);
    ratios.push(['latency p99', (f) => f.p99Ms, 0]);
    ratios.push(['memory per connection', (f) => f.bytesPerConnection, 0]);
    ratios.push(['connections per second', (f) => f.connectsPerSecond, 0]);
    const bases = (['ws', 'socketio'] as const).filter((t) => results[t]);
    if (bases.length) {
      console.log('');
      console.log(
        formatTable(
          ['ratio', ...bases.map((t) => `C / ${t === 'ws' ? 'A' : 'B'}`)],
          ratios.map(([name, read]) => [name, ...bases.map((t) => ratio(read(c), read(fig(t))))]),
        ),
      );
    }
  }

  if (ingest) {
    console.log('');
    console.log(
      `ingest: ${ingest.answered} answers at ${ingest.answersPerSecond.toFixed(0)} per second ` +
        `(spread over ${options.answerSpreadMs} ms by the clients), gateway CPU ${ingest.cpuPerAnswerUs.toFixed(1)} µs per answer; ` +
        `stored tally ${ingest.storedCount} (sum ${ingest.storedSum}): ${ingest.ok ? 'OK' : 'FAIL'}`,
    );
  }
  if (attendance) {
    console.log(
      `attendance: ${attendance.rows} rows, ${attendance.leaves} leaves of ${attendance.joins} joins stored` +
        (attendance.seconds === null
          ? ' (incomplete after 120 s): FAIL'
          : ` ${attendance.seconds.toFixed(1)} s after the end: OK`),
    );
  }

  console.log('');
  console.log(`targets (N=${c?.connected ?? '-'}; stated for N = 20,000 on this 2-core machine):`);
  const b = results.socketio;
  const verdict = (pass: boolean | null) => (pass === null ? 'n/a ' : pass ? 'PASS' : 'FAIL');
  const lines: [boolean | null, string][] = [
    [
      c && b ? c.cpuPerDeliveryUs <= 1.3 * b.cpuPerDeliveryUs : null,
      c && b
        ? `C's CPU per delivery ${c.cpuPerDeliveryUs.toFixed(2)} µs <= 1.3 x B's ${b.cpuPerDeliveryUs.toFixed(2)} µs ` +
          `(${(c.cpuPerDeliveryUs / b.cpuPerDeliveryUs).toFixed(2)}x)`
        : `C's CPU per delivery <= 1.3 x B's (needs B and C)`,
    ],
    [c ? c.p99Ms < 500 : null, `broadcast p99 under 500 ms (${c ? `${c.p99Ms} ms` : '-'})`],
    [
      c ? c.bytesPerConnection <= 20 * KB : null,
      `at most 20 KB per connection (${c ? `${(c.bytesPerConnection / KB).toFixed(1)} KB` : '-'})`,
    ],
    [ingest ? ingest.ok : null, 'tallies exact'],
    [
      attendance ? attendance.ok && attendance.seconds! <= 30 : null,
      `all attendance rows stored within 30 s of the end (${attendance?.seconds?.toFixed(1) ?? '-'} s)`,
    ],
  ];
  for (const [pass, text] of lines) console.log(`  ${verdict(pass)}  ${text}`);

  if (c && c.cpuPerDeliveryUs > 0) {
    const perCore = 1_000_000 / c.cpuPerDeliveryUs;
    const audience = 250_000;
    console.log('');
    console.log(`per-core arithmetic for ${audience.toLocaleString('en')} participants (from C's CPU per delivery):`);
    console.log(
      `  one core delivers 1e6 / ${c.cpuPerDeliveryUs.toFixed(2)} µs = ${Math.round(perCore).toLocaleString('en')} messages per second`,
    );
    for (const kinds of [1, 3]) {
      const perSecond = audience * kinds;
      console.log(
        `  ${kinds} broadcast kind${kinds > 1 ? 's (poll results, reactions, upvotes)' : ''} a second: ` +
          `${perSecond.toLocaleString('en')} deliveries/s -> ${(perSecond / perCore).toFixed(2)} gateway cores`,
      );
    }
  }
}

function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(2)}x` : '-';
}

function ms(value: number): string {
  return value.toFixed(1);
}

/** The event-loop delay prom-client measured since the previous scrape (it resets on each one). */
function loopFromMetrics(text: string): LoopDelay {
  const read = (name: string) => {
    const match = new RegExp(`^hocvuso_nodejs_eventloop_lag_${name}_seconds(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    return match ? Number(match[1]) * 1000 : Number.NaN;
  };
  return { p50Ms: read('p50'), p99Ms: read('p99'), maxMs: read('max') };
}

// ---- helpers

function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function track(child: Child): Child {
  cleanup.children.push(child);
  return child;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Stops the running children: clients first (their leaves are part of the run), then servers. */
async function stopAll(quick: boolean): Promise<void> {
  const children = cleanup.children.splice(0);
  const clients = children.filter((c) => c.name.startsWith('clients-'));
  const servers = children.filter((c) => !c.name.startsWith('clients-'));
  await Promise.all(clients.map((c) => c.stop(2_000)));
  await Promise.all(servers.map((c) => c.stop(quick ? 2_000 : 15_000)));
}

async function cleanUp(): Promise<void> {
  await stopAll(true).catch(() => undefined);
  if (cleanup.db || cleanup.dropUrl) {
    const drop = cleanup.db ? cleanup.db.drop() : dropDatabase({ DATABASE_URL: cleanup.dropUrl, DATABASE_POOL_MAX: 1 });
    await drop.catch((error: Error) => progress(`could not drop the database: ${error.message}`));
    cleanup.db = null;
    cleanup.dropUrl = '';
  }
  if (cleanup.prefix) {
    const redis = new Redis(cleanup.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${cleanup.prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
    await redis.quit();
    progress(`cleaned up: processes stopped, database dropped, ${deleted} Redis keys deleted`);
    cleanup.prefix = '';
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main().then(
  async (code) => {
    await cleanUp();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanUp().catch(() => undefined);
    process.exit(2);
  },
);
