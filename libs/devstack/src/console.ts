/** What `npm start` prints: its own steps, and its children's log lines, one readable line each. */

const colors = process.stdout.isTTY === true;
const paint = (code: number, text: string): string => (colors ? `\u001b[${code}m${text}\u001b[0m` : text);

export function step(text: string): void {
  process.stdout.write(`${paint(36, '▸')} ${text}\n`);
}

export function done(text: string): void {
  process.stdout.write(`  ${paint(32, '✓')} ${text}\n`);
}

export function warn(text: string): void {
  process.stderr.write(`${paint(33, '!')} ${text}\n`);
}

export function fail(text: string): void {
  process.stderr.write(`${paint(31, '✗')} ${text}\n`);
}

export function plain(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** A connection URL with its password hidden (DATABASE_URL and REDIS_URL are sensitive). */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

const levels: Record<number, [string, number]> = {
  10: ['TRACE', 90],
  20: ['DEBUG', 90],
  30: ['INFO ', 32],
  40: ['WARN ', 33],
  50: ['ERROR', 31],
  60: ['FATAL', 31],
};

const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'GraphQLModule']);

interface PinoLine {
  level: number;
  time?: number;
  msg?: string;
  context?: string;
  err?: { stack?: string; message?: string };
  req?: { method?: string; path?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

function isPinoLine(value: unknown): value is PinoLine {
  return typeof value === 'object' && value !== null && typeof (value as PinoLine).level === 'number';
}

/**
 * One line of a child's output, prefixed with the app's name. Pino JSON becomes
 * "time LEVEL [context] message"; anything else passes through as it is. Nest's boot chatter
 * (every module and route it wires) is dropped: null.
 */
export function formatChildLine(app: string, line: string): string | null {
  const prefix = paint(35, app.padEnd(6));
  let parsed: unknown;
  try {
    parsed = line.startsWith('{') ? JSON.parse(line) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!isPinoLine(parsed)) return `${prefix} ${line}`;
  if (parsed.level <= 30 && parsed.context && BOOT_CONTEXTS.has(parsed.context)) return null;
  const [label, color] = levels[parsed.level] ?? ['LOG  ', 0];
  const time = new Date(parsed.time ?? Date.now()).toTimeString().slice(0, 8);
  const context = parsed.context ? `[${parsed.context}] ` : '';
  let message = parsed.msg ?? '';
  if (parsed.req && parsed.res) {
    message = `${parsed.req.method} ${parsed.req.path} → ${parsed.res.statusCode} (${parsed.responseTime ?? '?'} ms)`;
  }
  const error = parsed.level >= 50 && parsed.err?.stack ? `\n${parsed.err.stack}` : '';
  return `${prefix} ${time} ${paint(color, label)} ${context}${message}${error}`;
}
