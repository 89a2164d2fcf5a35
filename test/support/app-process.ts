import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type AppProcess, freePort, spawnApp, stopProcess, waitUntilReady } from '@hocvuso/devstack';

const root = join(__dirname, '..', '..');

/** Which built app, and the variable that sets its port. */
const apps = {
  api: { script: 'dist/apps/api/src/main.js', portVariable: 'API_PORT' },
  live: { script: 'dist/apps/live/src/main.js', portVariable: 'LIVE_PORT' },
  worker: { script: 'dist/apps/worker/src/main.js', portVariable: 'WORKER_PORT' },
} as const;

export type BuiltAppName = keyof typeof apps;

/**
 * Builds dist/ as `npm run build` does (`nest build api` compiles every app and lib with SWC);
 * call it once in beforeAll (allow it a couple of minutes) before starting built apps.
 */
export function buildDist(): void {
  execFileSync(process.execPath, [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'api'], {
    cwd: root,
    stdio: 'pipe',
  });
}

/**
 * A built app (`node dist/apps/<app>/src/main.js`) running as its own process on a free loopback
 * port, with the test run's environment (its DATABASE_URL, REDIS_KEY_PREFIX, …) plus `env`:
 * for tests where a process must really die, or several gateways must really be separate
 * processes. It is started and stopped with the same helpers `npm start` uses.
 */
export class BuiltApp {
  private constructor(
    readonly process: AppProcess,
    readonly port: number,
  ) {}

  /** Resolves once the app answers /health/ready; rejects if it exits first or is not ready in time. */
  static async start(
    app: BuiltAppName,
    env: Record<string, string> = {},
    { name = app, readyTimeoutMs = 60_000 }: { name?: string; readyTimeoutMs?: number } = {},
  ): Promise<BuiltApp> {
    const port = await freePort();
    const child = spawnApp(name, join(root, apps[app].script), {
      ...process.env,
      HOST: '127.0.0.1',
      ...env,
      [apps[app].portVariable]: String(port),
    });
    const started = new BuiltApp(child, port);
    try {
      await waitUntilReady(child, `${started.url}/health/ready`, readyTimeoutMs, () => false);
    } catch (error) {
      await started.stop();
      throw error;
    }
    return started;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.process.child.pid!;
  }

  get exited(): boolean {
    return this.process.child.exitCode !== null || this.process.child.signalCode !== null;
  }

  /** Kills the process with no chance to clean up (SIGKILL), and resolves once it is gone. */
  async kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.exited) this.process.child.kill('SIGKILL');
    return this.process.exit;
  }

  /** SIGTERM (a graceful shutdown), then SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    await stopProcess(this.process.child, timeoutMs);
  }
}
