import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig } from '@hocvuso/config';
import { dropDatabase } from '@hocvuso/database';
import { DevstackRunner, freePort, portIsOpen } from '@hocvuso/devstack';
import { DEMO_PROVINCES } from '../prisma-seeds';
import { buildDist } from './support/app-process';

const root = join(__dirname, '..');

/**
 * `npm start` against an existing PostgreSQL (DATABASE_URL set) and Redis: it creates and
 * migrates a fresh database, loads the demo data, brings api, live and worker up, and on
 * Ctrl-C stops them all and exits 0.
 */
describe('npm start with DATABASE_URL set', () => {
  const url = new URL(loadConfig().DATABASE_URL);
  url.pathname = `/hocvuso_devstack_${randomBytes(4).toString('hex')}`;
  const database = { DATABASE_URL: url.toString(), DATABASE_POOL_MAX: 2 };
  let runner: DevstackRunner | undefined;

  beforeAll(() => {
    // The orchestrator runs the build's output, as `npm start` does after `npm run build`.
    buildDist();
  }, 120_000);

  afterAll(async () => {
    // A failed assertion leaves it running: stop it the way a user would.
    await runner?.stop('SIGTERM');
    await dropDatabase(database);
  }, 90_000);

  async function startOnFreePorts(): Promise<{ api: number; live: number; worker: number }> {
    const ports = { api: await freePort(), live: await freePort(), worker: await freePort() };
    runner = DevstackRunner.start(root, {
      ...process.env,
      DATABASE_URL: database.DATABASE_URL,
      API_PORT: String(ports.api),
      LIVE_PORT: String(ports.live),
      WORKER_PORT: String(ports.worker),
      LOG_LEVEL: 'warn',
    });
    await runner.waitForReady();
    return ports;
  }

  it('starts everything, answers, and stops on SIGINT with exit code 0', async () => {
    const ports = await startOnFreePorts();
    expect(runner!.log).toContain(`http://127.0.0.1:${ports.api}/graphql`);

    for (const port of Object.values(ports)) {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
    }

    const response = await fetch(`http://127.0.0.1:${ports.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ provinces { totalCount } }' }),
    });
    expect(await response.json()).toEqual({ data: { provinces: { totalCount: DEMO_PROVINCES.length } } });
    expect(DEMO_PROVINCES).toHaveLength(34);

    expect(await runner!.stop('SIGINT')).toBe(0);
    for (const port of Object.values(ports)) expect(await portIsOpen(port)).toBe(false);
  }, 180_000);

  it('stops everything and exits non-zero when an app dies on its own', async () => {
    const ports = await startOnFreePorts();
    const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(runner!.pid)], { encoding: 'utf8' });
    const worker = children.split('\n').find((line) => line.includes('apps/worker/src/main.js'));
    expect(worker).toBeDefined();
    process.kill(Number(worker!.trim().split(/\s+/)[0]), 'SIGKILL');

    expect(await runner!.waitForExit()).toBe(1);
    expect(runner!.log).toMatch(/worker đã dừng bất ngờ/);
    for (const port of Object.values(ports)) expect(await portIsOpen(port)).toBe(false);
  }, 180_000);
});
