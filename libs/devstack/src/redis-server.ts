import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { StartedService } from './started-service';
import { stopProcess } from './child-process';

const READY_TIMEOUT_MS = 10_000;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** One PING with no retries and a short timeout: is something answering at `url`? */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export class RedisUnavailableError extends Error {
  constructor(url: string, reason: string) {
    super(
      `Không có Redis ở ${url} (${reason}).\n` +
        '  Cài redis-server (ví dụ `sudo apt-get install redis-server` hoặc `brew install redis`) để `npm start` tự chạy nó,\n' +
        '  hoặc đặt REDIS_URL trỏ tới một Redis đang chạy.',
    );
    this.name = 'RedisUnavailableError';
  }
}

function spawnRedis(args: string[]): Promise<ChildProcess> {
  return new Promise((resolveSpawn, reject) => {
    // Its own process group: a Ctrl-C in the terminal must not stop Redis before the apps drain.
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.once('spawn', () => resolveSpawn(child));
    child.once('error', reject);
  });
}

/**
 * Uses the Redis at `url` when it answers. Otherwise starts `redis-server` from PATH on the
 * URL's port, bound to loopback, with an append-only file in `<dataDir>/redis` (queues and
 * live state survive a restart) and `noeviction` (BullMQ must never lose keys to eviction).
 */
export async function ensureRedis(
  url: string,
  dataDir: string,
  onLog: (line: string) => void,
): Promise<StartedService & { started: boolean }> {
  if (await redisAnswers(url)) return { url, started: false, stop: async () => undefined };

  const parsed = new URL(url);
  if (!LOCAL_HOSTS.has(parsed.hostname)) throw new RedisUnavailableError(url, 'máy chủ không trả lời');
  const dir = resolve(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const port = parsed.port || '6379';
  const args = [
    '--port',
    port,
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
  ];
  args.push('--daemonize', 'no', '--logfile', '');
  if (parsed.password) args.push('--requirepass', decodeURIComponent(parsed.password));

  let child: ChildProcess;
  try {
    child = await spawnRedis(args);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new RedisUnavailableError(url, missing ? 'không tìm thấy lệnh redis-server' : (error as Error).message);
  }
  const recent: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      onLog(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await redisAnswers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new RedisUnavailableError(url, `redis-server không khởi động được:\n${recent.slice(-5).join('\n')}`);
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  return {
    url,
    started: true,
    // SIGTERM is redis-server's SHUTDOWN: it syncs the append-only file before exiting.
    stop: () => stopProcess(child, 10_000),
  };
}
