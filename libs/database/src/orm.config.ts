import type { AppConfig } from '@hocvuso/config';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { SeedManager } from '@mikro-orm/seeder';
import { allEntities } from './entities';
import { migrationsList } from './migrations';

/** The MikroORM options of every deployable, the migrator and the tests. */
export function createOrmOptions(config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_MAX'>): Options {
  return defineConfig({
    clientUrl: config.DATABASE_URL,
    entities: allEntities,
    extensions: [Migrator, SeedManager],
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: config.DATABASE_POOL_MAX },
    // Entities are explicit: no folder scanning, no ts-morph; the schema is what the code says.
    discovery: { warnWhenNoEntities: true },
    debug: false,
  });
}
