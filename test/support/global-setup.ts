import 'tsconfig-paths/register';
import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../libs/config/src/config.schema';
import { ensureDatabase, migrateUp } from '../../libs/database/src/migrate';

/**
 * One fresh PostgreSQL database and one Redis key prefix per test run, so runs never see each
 * other's rows or queues. Migrations are applied exactly as `npm run db:migrate` applies them.
 */
export default async function globalSetup(): Promise<void> {
  const base = parseConfig(process.env);
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(base.DATABASE_URL);
  url.pathname = `/hocvuso_test_${suffix}`;
  process.env.DATABASE_URL = url.toString();
  process.env.REDIS_KEY_PREFIX = `hocvuso-test-${suffix}`;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.API_PORT = '0';
  process.env.LIVE_PORT = '0';
  process.env.WORKER_PORT = '0';
  // Sweeps run when a test starts them, never on a timer in the middle of another file's assertions.
  process.env.CERTIFICATE_SWEEP_INTERVAL_SECONDS = '0';
  process.env.STATISTICS_REFRESH_INTERVAL_SECONDS = '0';
  const config = parseConfig(process.env);
  await ensureDatabase(config);
  await migrateUp(config);
}
