import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Every environment variable the system reads, in one place. Nothing else reads `process.env`.
 * `sensitive` variables are never printed (the boot error names them, never their values).
 */
interface VariableDoc {
  description: string;
  sensitive?: boolean;
}

/**
 * Development and test stand-ins for the secrets, derived from fixed labels so every developer's
 * machine agrees. parseConfig refuses them when NODE_ENV=production.
 */
const devSecret = (label: string): string =>
  createHash('sha256').update(`hocvuso development only: ${label}`).digest('base64');
const DEV_SECRETS = {
  JWT_SECRET: devSecret('jwt'),
  PII_ENCRYPTION_KEYS: `dev1:${devSecret('pii key dev1')}`,
  PII_HASH_KEY: devSecret('pii hash'),
  CERTIFICATE_SIGNING_KEY: devSecret('certificate signing ed25519 seed'),
  LIVE_TOKEN_SECRET: devSecret('live participant tokens'),
  EXPORT_LINK_SECRET: devSecret('export download links'),
};

/**
 * A fresh random value for every secret, in the formats the schema accepts (32 random bytes in
 * base64, the PII key under id k1): what a production environment needs, and what tests use to
 * boot in production mode. A new secret with another format needs its own case here.
 */
export function generateSecrets(): Record<keyof typeof DEV_SECRETS | 'PII_ACTIVE_KEY_ID', string> {
  const fresh = () => randomBytes(32).toString('base64');
  const secrets = Object.fromEntries(Object.keys(DEV_SECRETS).map((name) => [name, fresh()]));
  return { ...secrets, PII_ENCRYPTION_KEYS: `k1:${fresh()}`, PII_ACTIVE_KEY_ID: 'k1' } as Record<
    keyof typeof DEV_SECRETS | 'PII_ACTIVE_KEY_ID',
    string
  >;
}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port(3000),
  LIVE_PORT: port(3001),
  WORKER_PORT: port(3002),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'phải là một URL postgres:// hoặc postgresql://')
    .default('postgresql://postgres@127.0.0.1:5432/hocvuso'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'phải là một URL redis:// hoặc rediss://')
    .default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, 'chỉ gồm chữ, số, "-" và "_"')
    .default('hocvuso'),
  REQUEST_BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, 'dạng "512kb" hoặc "10mb"')
    .default('12mb'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  UNITS_FILE: z.string().min(1).optional(),
  DEV_DATA_DIR: z.string().min(1).default('.data'),
  DEV_EMBEDDED_PG_PORT: port(54329),
  JWT_SECRET: z.string().min(32, 'cần ít nhất 32 ký tự').default(DEV_SECRETS.JWT_SECRET),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  PII_ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^[a-z0-9_-]+:[A-Za-z0-9+/=]+(,[a-z0-9_-]+:[A-Za-z0-9+/=]+)*$/i,
      'dạng "khoa1:<base64 32 byte>,khoa2:<base64>"',
    )
    .default(DEV_SECRETS.PII_ENCRYPTION_KEYS),
  PII_ACTIVE_KEY_ID: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('dev1'),
  PII_HASH_KEY: z.string().min(32, 'cần ít nhất 32 ký tự').default(DEV_SECRETS.PII_HASH_KEY),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(10_000).default(50),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  CERTIFICATE_VERIFY_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\w.:/]+(,\s*[\w.:/]+)*)$/, 'true, false, số proxy, hoặc danh sách địa chỉ/mạng')
    .default('false')
    .transform((value): boolean | number | string =>
      value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
    ),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(10).max(100_000).default(5_000),
  QUIZ_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  QUIZ_RETRY_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  CERTIFICATE_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  CERTIFICATE_SIGNING_KEY: z
    .string()
    .refine((value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32, {
      message: 'cần là base64 của đúng 32 byte (hạt giống khóa Ed25519)',
    })
    .default(DEV_SECRETS.CERTIFICATE_SIGNING_KEY),
  LIVE_TOKEN_SECRET: z.string().min(32, 'cần ít nhất 32 ký tự').default(DEV_SECRETS.LIVE_TOKEN_SECRET),
  LIVE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(14_400),
  LIVE_PUBLIC_URL: z
    .string()
    .regex(/^(https?|wss?):\/\/[^\s]+$/, 'phải là một URL http(s):// hoặc ws(s)://')
    .default('http://127.0.0.1:3001'),
  LIVE_ALLOWED_ORIGINS: z
    .string()
    .regex(/^(https?:\/\/[^\s,]+)(\s*,\s*https?:\/\/[^\s,]+)*$/, 'danh sách origin http(s):// cách nhau bởi dấu phẩy')
    .default('http://localhost:3000,http://127.0.0.1:3000')
    .transform((value) => value.split(',').map((origin) => origin.trim())),
  LIVE_ADMISSION_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(500),
  LIVE_ATTENDANCE_FLUSH_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  LIVE_ATTENDANCE_BUFFER_MAX: z.coerce.number().int().min(100).max(10_000_000).default(200_000),
  LIVE_ATTENDANCE_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.8),
  LIVE_ATTENDANCE_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  LIVE_ATTENDANCE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  LIVE_SLOW_SOCKET_BUFFER_BYTES: z.coerce.number().int().min(4_096).max(16_777_216).default(65_536),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  STATISTICS_REFRESH_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  EXPORT_LINK_SECRET: z.string().min(32, 'cần ít nhất 32 ký tự').default(DEV_SECRETS.EXPORT_LINK_SECRET),
  EXPORT_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
});

export type AppConfig = z.infer<typeof configSchema>;

export const configDocs: Record<keyof AppConfig, VariableDoc> = {
  NODE_ENV: { description: 'development, test or production' },
  LOG_LEVEL: { description: 'pino log level' },
  HOST: { description: 'address the HTTP servers listen on' },
  API_PORT: { description: 'GraphQL API port (0 picks a free port)' },
  LIVE_PORT: { description: 'live gateway port' },
  WORKER_PORT: { description: 'worker health and metrics port' },
  DATABASE_URL: { description: 'PostgreSQL connection URL', sensitive: true },
  DATABASE_POOL_MAX: { description: 'connections per process' },
  REDIS_URL: { description: 'Redis URL for queues, fan-out and counters', sensitive: true },
  REDIS_KEY_PREFIX: { description: 'prefix of every Redis key and BullMQ queue (isolates runs)' },
  REQUEST_BODY_LIMIT: { description: 'largest accepted HTTP request body (file imports are base64 inside it)' },
  SHUTDOWN_TIMEOUT_MS: { description: 'how long SIGTERM waits for in-flight work before exiting' },
  UNITS_FILE: { description: 'official unit list that `npm start` imports into an empty database' },
  DEV_DATA_DIR: { description: '`npm start` only: where the embedded PostgreSQL and Redis keep data' },
  DEV_EMBEDDED_PG_PORT: { description: '`npm start` only: port of the embedded PostgreSQL' },
  JWT_SECRET: { description: 'HMAC key of access tokens (>= 32 chars); required in production', sensitive: true },
  ACCESS_TOKEN_TTL_SECONDS: { description: 'lifetime of an access token' },
  REFRESH_TOKEN_TTL_DAYS: { description: 'lifetime of a refresh token family' },
  PII_ENCRYPTION_KEYS: {
    description:
      'AES-256-GCM keys for phones and citizen ids, "id:base64,id:base64" (old ids keep decrypting); required in production',
    sensitive: true,
  },
  PII_ACTIVE_KEY_ID: { description: 'which of PII_ENCRYPTION_KEYS encrypts new values' },
  PII_HASH_KEY: {
    description: 'HMAC key of the lookup hashes of phones and citizen ids; required in production',
    sensitive: true,
  },
  LOGIN_MAX_FAILURES_PER_ACCOUNT: {
    description: 'failed logins per account within the window before logins are refused',
  },
  LOGIN_MAX_FAILURES_PER_IP: { description: 'failed logins per client address within the window' },
  LOGIN_FAILURE_WINDOW_SECONDS: { description: 'window of the failed-login limits' },
  CERTIFICATE_VERIFY_PER_MINUTE: { description: 'public certificate verifications per client address per minute' },
  TRUST_PROXY: {
    description:
      "which proxies' X-Forwarded-For the API believes (Express `trust proxy`: false, true, a hop count, or addresses/subnets such as `loopback, uniquelocal`); decides the client address of per-IP login limits",
  },
  GRAPHQL_MAX_DEPTH: { description: 'deepest GraphQL selection accepted' },
  GRAPHQL_MAX_COMPLEXITY: { description: 'largest GraphQL query cost accepted (list fields cost their page size)' },
  QUIZ_MAX_ATTEMPTS: { description: 'attempts a learner gets at a quiz unless its editor sets another limit' },
  QUIZ_RETRY_COOLDOWN_SECONDS: { description: 'wait between two attempts at a quiz unless its editor sets another' },
  CERTIFICATE_SWEEP_INTERVAL_SECONDS: {
    description: 'how often the worker issues certificates whose request was lost; 0 turns the schedule off',
  },
  CERTIFICATE_SIGNING_KEY: {
    description: 'base64 of the 32-byte Ed25519 seed that signs certificate QR codes; required in production',
    sensitive: true,
  },
  LIVE_TOKEN_SECRET: {
    description: 'HMAC key of live participant and trainer tokens (>= 32 chars); required in production',
    sensitive: true,
  },
  LIVE_TOKEN_TTL_SECONDS: {
    description: 'lifetime of a live participant token (it is checked when a socket connects)',
  },
  LIVE_PUBLIC_URL: { description: 'the live gateway address that joinLiveSession hands to clients' },
  LIVE_ALLOWED_ORIGINS: { description: 'browser origins the live gateway accepts, comma-separated' },
  LIVE_ADMISSION_PER_SECOND: {
    description: 'new live connections each gateway accepts per second; the rest are told when to retry',
  },
  LIVE_ATTENDANCE_FLUSH_MS: {
    description: 'how often each live gateway hands its buffered joins and leaves to the worker',
  },
  LIVE_ATTENDANCE_BUFFER_MAX: {
    description:
      'joins and leaves a gateway keeps while Redis is unreachable; when full it admits no new connection until it drains',
  },
  LIVE_ATTENDANCE_THRESHOLD: {
    description: 'share of a live session a resident must attend for its lesson to be completed (0 to 1)',
  },
  LIVE_ATTENDANCE_GRACE_MS: {
    description: 'wait after a session ends before lessons are completed, so the last batches of every gateway are in',
  },
  LIVE_ATTENDANCE_CONCURRENCY: {
    description:
      'live-attendance jobs (batches of joins and leaves, session completions) one worker process runs at once',
  },
  LIVE_SLOW_SOCKET_BUFFER_BYTES: {
    description:
      'bytes that may wait for one live socket; past them it gets only the latest state update of each kind when it drains',
  },
  WORKER_STALLED_INTERVAL_MS: {
    description:
      'lock of a live-attendance job and period of the check that requeues the jobs of a worker that died (a dead worker’s batch runs again after one to two periods)',
  },
  STATISTICS_REFRESH_INTERVAL_SECONDS: {
    description: 'how often the worker refreshes the reach statistics rollups (recent days); 0 turns the schedule off',
  },
  EXPORT_LINK_SECRET: {
    description: 'HMAC key of the signed download links of reach exports (>= 32 chars); required in production',
    sensitive: true,
  },
  EXPORT_LINK_TTL_SECONDS: { description: 'how long a signed download link of a reach export stays valid' },
};

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Cấu hình không hợp lệ (invalid configuration):\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment; throws a ConfigError naming every bad variable (never its value). */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const config = result.data;
  const issues: string[] = [];
  if (config.NODE_ENV === 'production') {
    for (const name of Object.keys(DEV_SECRETS) as (keyof typeof DEV_SECRETS)[]) {
      if (config[name] === DEV_SECRETS[name])
        issues.push(`${name}: bắt buộc đặt giá trị riêng khi NODE_ENV=production`);
    }
  }
  const keyIds = config.PII_ENCRYPTION_KEYS.split(',').map((entry) => entry.split(':')[0]);
  if (!keyIds.includes(config.PII_ACTIVE_KEY_ID)) issues.push('PII_ACTIVE_KEY_ID: không có trong PII_ENCRYPTION_KEYS');
  if (issues.length > 0) throw new ConfigError(issues);
  return config;
}

let cached: AppConfig | undefined;

/** Whether the environment sets `name` (non-empty), as opposed to the schema's default applying. */
export function isSet(name: keyof AppConfig): boolean {
  const value = process.env[name];
  return value !== undefined && value !== '';
}

/** This process's environment with some variables replaced: the environment of a child process. */
export function environmentWith(
  overrides: Partial<Record<keyof AppConfig, string>>,
): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}

/** The configuration of this process, read from its environment once. */
export function loadConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
