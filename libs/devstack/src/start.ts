import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { type AppConfig, ConfigError, loadConfig } from '@hocvuso/config';
import { environmentWith, isSet } from '@hocvuso/config';
import { ensureDatabase, migrateUp } from '@hocvuso/database';
import { loadDemoData } from '../../../prisma-seeds';
import { type AppProcess, spawnApp, stopProcess, waitUntilReady } from './child-process';
import { done, fail, plain, redact, step, warn } from './console';
import { startEmbeddedPostgres } from './embedded-postgres';
import { freePort } from './ports';
import { ensureRedis } from './redis-server';

/**
 * `npm start`: one command that runs the whole system on a developer's machine. PostgreSQL
 * (DATABASE_URL, or an embedded cluster in DEV_DATA_DIR), Redis (REDIS_URL, or a redis-server
 * it starts), migrations, demo data for an empty database, then api, live and worker as child
 * processes. Ctrl-C stops the apps, then what it started, in that order, and exits 0.
 */

const APPS = ['api', 'live', 'worker'] as const;
type AppName = (typeof APPS)[number];
/**
 * Node flags per app, as docker-compose.yml runs them: the gateway's young generation stays at
 * 2 × 16 MB (its garbage dies young; on a machine with much memory V8 would grow it to 2 × 64 MB).
 */
const NODE_ARGS: Record<AppName, readonly string[]> = { api: [], live: ['--max-semi-space-size=16'], worker: [] };
const READY_TIMEOUT_MS = 60_000;

/** Thrown between steps when a signal asked the start-up to stop. */
class StopRequested extends Error {}

/** What was started, stopped in reverse order. */
const stops: { name: string; stop: () => Promise<void> }[] = [];
let phase: 'starting' | 'running' | 'stopping' = 'starting';
let stopRequested = false;

function checkpoint(): void {
  if (stopRequested) throw new StopRequested();
}

async function stopEverything(): Promise<void> {
  while (stops.length > 0) {
    const { name, stop } = stops.pop()!;
    try {
      await stop();
      done(`đã dừng ${name}`);
    } catch (error) {
      warn(`dừng ${name} không thành công: ${(error as Error).message}`);
    }
  }
}

async function shutdown(code: number): Promise<never> {
  phase = 'stopping';
  step('Đang dừng…');
  await stopEverything();
  process.exit(code);
}

async function resolvePostgres(config: AppConfig): Promise<string> {
  if (isSet('DATABASE_URL')) {
    step(`PostgreSQL: dùng DATABASE_URL ${redact(config.DATABASE_URL)}`);
    try {
      await ensureDatabase(config);
    } catch (error) {
      throw new Error(
        `Không kết nối được PostgreSQL ở ${redact(config.DATABASE_URL)}: ${(error as Error).message}\n` +
          '  Hãy chạy PostgreSQL, hoặc bỏ DATABASE_URL để `npm start` dùng PostgreSQL nhúng.',
        { cause: error },
      );
    }
    done('cơ sở dữ liệu sẵn sàng');
    return config.DATABASE_URL;
  }
  step(`PostgreSQL nhúng: dữ liệu ở ${join(config.DEV_DATA_DIR, 'postgres')}, cổng ${config.DEV_EMBEDDED_PG_PORT}`);
  const pg = await startEmbeddedPostgres({
    dataDir: config.DEV_DATA_DIR,
    port: config.DEV_EMBEDDED_PG_PORT,
    onLog: () => undefined,
  });
  stops.push({ name: 'PostgreSQL nhúng', stop: pg.stop });
  done(pg.created ? 'đã khởi tạo cụm mới và khởi động' : 'đã khởi động (dùng lại dữ liệu cũ)');
  await ensureDatabase({ ...config, DATABASE_URL: pg.url });
  return pg.url;
}

async function resolveRedis(config: AppConfig): Promise<string> {
  step(`Redis: ${redact(config.REDIS_URL)}`);
  const redis = await ensureRedis(config.REDIS_URL, config.DEV_DATA_DIR, () => undefined);
  if (redis.started) {
    stops.push({ name: 'redis-server', stop: redis.stop });
    done(`không có Redis đang chạy: đã khởi động redis-server (dữ liệu ở ${join(config.DEV_DATA_DIR, 'redis')})`);
  } else {
    done('đang chạy, dùng luôn');
  }
  return redis.url;
}

async function migrateAndSeed(config: AppConfig): Promise<void> {
  step('Migration');
  const applied = await migrateUp(config);
  done(applied.length === 0 ? 'cơ sở dữ liệu đã mới nhất' : `đã áp dụng ${applied.length}: ${applied.join(', ')}`);
  checkpoint();

  step(config.UNITS_FILE ? `Dữ liệu mẫu (đơn vị hành chính từ ${config.UNITS_FILE})` : 'Dữ liệu mẫu');
  const summary = await loadDemoData(config, {
    onlyIfEmpty: true,
    // One line per finished phase of a units-file import.
    onProgress: ({ phase: progressPhase, done: count, total }) => {
      if (count === total) plain(`    ${progressPhase}: ${count}/${total}`);
    },
  });
  done(
    summary
      ? `đã nạp ${summary.provinces} tỉnh/thành phố, ${summary.communes} xã/phường/đặc khu, ${summary.villages} thôn/tổ dân phố, ${summary.venues} điểm cầu`
      : 'cơ sở dữ liệu đã có dữ liệu, bỏ qua',
  );
}

async function startApps(
  config: AppConfig,
  env: Record<string, string | undefined>,
  ports: Record<AppName, number>,
  host: string,
): Promise<AppProcess[]> {
  step('Khởi động api, live, worker');
  const apps = APPS.map((name) =>
    spawnApp(name, join(__dirname, `../../../apps/${name}/src/main.js`), env, NODE_ARGS[name]),
  );
  // Each app drains for up to SHUTDOWN_TIMEOUT_MS on SIGTERM; past that (and a margin) it is killed.
  const stopApps = async () => {
    await Promise.all(apps.map((app) => stopProcess(app.child, config.SHUTDOWN_TIMEOUT_MS + 5_000)));
  };
  stops.push({ name: APPS.join(', '), stop: stopApps });
  await Promise.all(
    apps.map((app, index) =>
      waitUntilReady(app, `http://${host}:${ports[APPS[index]]}/health/ready`, READY_TIMEOUT_MS, () => stopRequested),
    ),
  );
  checkpoint();
  return apps;
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
    process.exit(2);
  }
  // Progress lines say what happened; Nest's info logs from the seed would only repeat them.
  Logger.overrideLogger(['error', 'warn']);

  const onSignal = (signal: NodeJS.Signals) => {
    if (phase === 'running') {
      plain('');
      void shutdown(0);
    } else if (phase === 'starting') {
      stopRequested = true;
      warn(`${signal}: dừng sau bước đang chạy…`);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  try {
    const databaseUrl = await resolvePostgres(config);
    checkpoint();
    const redisUrl = await resolveRedis(config);
    checkpoint();
    const resolved: AppConfig = { ...config, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
    await migrateAndSeed(resolved);
    checkpoint();

    const ports: Record<AppName, number> = {
      api: config.API_PORT || (await freePort(host)),
      live: config.LIVE_PORT || (await freePort(host)),
      worker: config.WORKER_PORT || (await freePort(host)),
    };
    const env = environmentWith({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      API_PORT: String(ports.api),
      LIVE_PORT: String(ports.live),
      WORKER_PORT: String(ports.worker),
    });
    const apps = await startApps(resolved, env, ports, host);

    phase = 'running';
    for (const app of apps) {
      void app.exit.then(({ code, signal }) => {
        if (phase !== 'running') return;
        fail(`${app.name} đã dừng bất ngờ (mã ${code ?? signal}); dừng toàn bộ.`);
        void shutdown(1);
      });
    }
    plain('');
    plain('hocvuso đã sẵn sàng (ready):');
    plain(`  GraphQL   http://${host}:${ports.api}/graphql`);
    plain(`  Live      ws://${host}:${ports.live}/socket.io/?EIO=4&transport=websocket`);
    plain(`  Worker    http://${host}:${ports.worker}/health/ready`);
    plain(`  PostgreSQL ${redact(databaseUrl)}`);
    plain(`  Redis     ${redact(redisUrl)}`);
    plain('Nhấn Ctrl-C để dừng.');
  } catch (error) {
    if (error instanceof StopRequested) return shutdown(0);
    fail((error as Error).message);
    await stopEverything();
    process.exit(1);
  }
}

void main();
