import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Reply of a child to the request with the same id. */
interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/**
 * A child process started through `sh -c 'ulimit -n …; exec node …'`, so it gets the open-files
 * limit it needs when the hard limit allows it; with an IPC channel when it is one of the
 * benchmark's own scripts (the channel survives the exec).
 */
export class Child {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined = undefined;

  private constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      process.on('exit', (code, signal) => {
        this.exitCode = code;
        for (const { reject } of this.waiting.values()) reject(new Error(`${name} exited (${code ?? signal})`));
        this.waiting.clear();
        resolve(code);
      });
    });
    process.on('message', (message: Reply | { type: string }) => {
      if ('id' in message) {
        const waiter = this.waiting.get(message.id);
        if (!waiter) return;
        this.waiting.delete(message.id);
        if (message.ok) waiter.resolve(message.result);
        else waiter.reject(new Error(`${name}: ${message.error}`));
      }
    });
  }

  /** One of the benchmark's scripts, run with the same Node options as this process (the TS loader) and `nodeFlags`. */
  static script(
    name: string,
    file: string,
    args: string[],
    fdLimit: number,
    env: NodeJS.ProcessEnv,
    nodeFlags: readonly string[] = [],
  ): Child {
    return Child.start(name, [...process.execArgv, ...nodeFlags, file, ...args], fdLimit, env, true, null);
  }

  /** A built app (dist), without IPC; its output goes to `logFile`. */
  static app(
    name: string,
    file: string,
    fdLimit: number,
    env: NodeJS.ProcessEnv,
    logFile: string,
    nodeFlags: readonly string[] = [],
  ): Child {
    return Child.start(name, [...nodeFlags, file], fdLimit, env, false, logFile);
  }

  private static start(
    name: string,
    nodeArgs: string[],
    fdLimit: number,
    env: NodeJS.ProcessEnv,
    ipc: boolean,
    logFile: string | null,
  ): Child {
    const child = spawn(
      'sh',
      ['-c', `ulimit -n ${fdLimit} 2>/dev/null; exec "$0" "$@"`, process.execPath, ...nodeArgs],
      {
        env,
        stdio: ['ignore', logFile ? 'pipe' : 'inherit', logFile ? 'pipe' : 'inherit', ...(ipc ? ['ipc' as const] : [])],
      },
    );
    if (logFile) {
      const log = createWriteStream(logFile, { flags: 'a' });
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
    }
    return new Child(name, child);
  }

  get pid(): number {
    return this.process.pid!;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  ask<T>(request: object, timeoutMs = 600_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.name}: no answer to ${JSON.stringify(request).slice(0, 80)} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.process.send({ id, request });
    });
  }

  onMessage<T extends { type: string }>(type: T['type'], listener: (message: T) => void): void {
    this.process.on('message', (message: { type?: string }) => {
      if (message.type === type) listener(message as T);
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.alive) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Answers the parent's requests in a child started by Child.script. */
export function answerRequests(handle: (request: never) => Promise<unknown>): void {
  process.on('message', (message: { id: number; request: never }) => {
    handle(message.request).then(
      (result) => process.send?.({ id: message.id, ok: true, result }),
      (error: unknown) =>
        process.send?.({ id: message.id, ok: false, error: error instanceof Error ? error.stack : String(error) }),
    );
  });
  // An orphan (the benchmark was killed) ends with its parent.
  process.on('disconnect', () => process.exit(0));
}

const CLOCK_TICKS_PER_SECOND = Number(safeExec('getconf', ['CLK_TCK']) || 100);

/** User + system CPU time of a process in microseconds, from /proc/<pid>/stat. */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU time all the machine's cores spent busy (user, nice, system, irq, softirq, steal) in
 * microseconds, from /proc/stat: with the wall time, how many cores a phase kept busy.
 */
export function machineBusyMicros(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return ((user + nice + system + irq + softirq + (steal ?? 0)) * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}

/** Resident set size of a process in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** The soft open-files limit of a running process, from /proc/<pid>/limits. */
export function openFilesLimit(pid: number): number {
  const match = /Max open files\s+(\d+|unlimited)/.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'));
  return !match || match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
}

/** The open-files limit a child can get: `wanted` if the hard limit allows raising to it, else the hard limit. */
export function reachableOpenFilesLimit(wanted: number): number {
  const raised = safeExec('sh', ['-c', `ulimit -n ${wanted} 2>/dev/null && ulimit -n`]);
  if (raised) return Number(raised);
  return Number(safeExec('sh', ['-c', 'ulimit -Hn'])) || Number(safeExec('sh', ['-c', 'ulimit -n']));
}

function safeExec(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** A port free on loopback at this moment. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
