import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { formatChildLine } from './console';

const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then SIGKILL if the process has not exited within `timeoutMs`. Resolves once it has exited. */
export function stopProcess(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

export interface AppProcess {
  name: string;
  child: ChildProcess;
  /** resolves with the exit code (or signal) whenever the process ends */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `node [nodeArgs] <script>` with `env`, forwarding its output line by line with the app's name in
 * front. Each app gets its own process group, so a Ctrl-C in the terminal reaches only the
 * orchestrator, which stops the apps first and the databases after them.
 */
export function spawnApp(
  name: string,
  script: string,
  env: Record<string, string | undefined>,
  nodeArgs: readonly string[] = [],
): AppProcess {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      const formatted = formatChildLine(name, line);
      if (formatted !== null) out.write(`${formatted}\n`);
    });
  }
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
    child.once('error', () => resolveExit({ code: null, signal: null }));
  });
  return { name, child, exit };
}

/**
 * Polls `url` until it answers 200. Rejects when the app exits first or `timeoutMs` passes,
 * or as soon as `cancelled()` says the orchestrator is stopping.
 */
export async function waitUntilReady(
  app: AppProcess,
  url: string,
  timeoutMs: number,
  cancelled: () => boolean,
): Promise<void> {
  let gone: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void app.exit.then((result) => {
    gone = result;
  });
  const deadline = Date.now() + timeoutMs;
  let lastStatus = 'không trả lời';
  while (!cancelled()) {
    if (gone) throw new Error(`${app.name} đã thoát khi đang khởi động (mã ${gone.code ?? gone.signal})`);
    if (Date.now() > deadline)
      throw new Error(`${app.name} chưa sẵn sàng sau ${timeoutMs / 1000} s (${url}: ${lastStatus})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastStatus = `HTTP ${response.status}`;
    } catch {
      lastStatus = 'không trả lời';
    }
    await new Promise((wake) => setTimeout(wake, 250));
  }
}
