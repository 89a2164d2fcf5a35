import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const READY = /sẵn sàng \(ready\)/;

/**
 * Runs the built orchestrator (`dist/libs/devstack/src/start.js`) as a child process, the way
 * `npm start` does after its build: for tests and benchmarks that need the whole system up.
 */
export class DevstackRunner {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  }

  /** `root` is the repository (holding dist/); `env` is the whole environment of the orchestrator. */
  static start(root: string, env: Record<string, string | undefined>): DevstackRunner {
    const child = spawn(process.execPath, [join(root, 'dist/libs/devstack/src/start.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new DevstackRunner(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Everything it printed so far (progress, children's logs). */
  get log(): string {
    return this.output;
  }

  /** Resolves once it prints that everything is ready; rejects if it exits or `timeoutMs` passes first. */
  async waitForReady(timeoutMs = 120_000): Promise<void> {
    let gone = false;
    void this.exited.then(() => (gone = true));
    const deadline = Date.now() + timeoutMs;
    while (!READY.test(this.output)) {
      if (gone) throw new Error(`the orchestrator exited before it was ready:\n${this.output}`);
      if (Date.now() > deadline)
        throw new Error(`the orchestrator was not ready within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((wake) => setTimeout(wake, 100));
    }
  }

  /** Resolves with the exit code once it exits by itself. */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }

  /**
   * Sends `signal` and resolves with the exit code. SIGKILL after `killAfterMs` is a last resort:
   * it leaves the apps and databases the orchestrator started running.
   */
  async stop(signal: NodeJS.Signals = 'SIGINT', killAfterMs = 60_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), killAfterMs);
    this.child.kill(signal);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
