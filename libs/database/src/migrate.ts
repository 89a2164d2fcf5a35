import { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '@hocvuso/config';
import { createOrmOptions } from './orm.config';

type DatabaseConfig = Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_MAX'>;

/** Runs `work` on the `postgres` maintenance database of the server in the URL. */
async function onMaintenanceDatabase(
  config: DatabaseConfig,
  work: (name: string, orm: MikroORM) => Promise<void>,
): Promise<void> {
  const url = new URL(config.DATABASE_URL);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`database name must be [a-z0-9_]+, got "${name}"`);
  url.pathname = '/postgres';
  const orm = await MikroORM.init({
    ...createOrmOptions({ ...config, DATABASE_URL: url.toString() }),
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  try {
    await work(name, orm);
  } finally {
    await orm.close(true);
  }
}

/** Creates the database named in the URL when it does not exist yet (a fresh machine, a test run). */
export async function ensureDatabase(config: DatabaseConfig): Promise<void> {
  await onMaintenanceDatabase(config, async (name, orm) => {
    const rows = await orm.em
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from pg_database where datname = ?', [name]);
    if (rows[0].n === 0) await orm.em.getConnection().execute(`create database "${name}"`);
  });
}

/** Drops the database named in the URL (test runs clean up after themselves). */
export async function dropDatabase(config: DatabaseConfig): Promise<void> {
  await onMaintenanceDatabase(config, async (name, orm) => {
    await orm.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
  });
}

/** Applies every pending migration; returns the names it applied. */
export async function migrateUp(config: DatabaseConfig): Promise<string[]> {
  const orm = await MikroORM.init(createOrmOptions(config));
  try {
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

/** Reverts the last `steps` migrations; returns the names it reverted. */
export async function migrateDown(config: DatabaseConfig, steps = 1): Promise<string[]> {
  const orm = await MikroORM.init(createOrmOptions(config));
  try {
    const reverted = await orm.migrator.down({ step: steps } as never);
    return reverted.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
