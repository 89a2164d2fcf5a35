import { randomBytes } from 'node:crypto';
import { loadConfig } from '@hocvuso/config';
import { dropDatabase, ensureDatabase, migrateDown, migrateUp } from '@hocvuso/database';
import { migrationsList } from '@hocvuso/database/migrations';

/** Every migration goes up and comes back down on an empty database of its own. */
describe('migrations', () => {
  const url = new URL(loadConfig().DATABASE_URL);
  url.pathname = `/hocvuso_migrations_${randomBytes(4).toString('hex')}`;
  const config = { DATABASE_URL: url.toString(), DATABASE_POOL_MAX: 2 };

  beforeAll(() => ensureDatabase(config));
  afterAll(() => dropDatabase(config));

  it('apply in order, do nothing when re-run, and revert one by one', async () => {
    const names = migrationsList.map((m) => m.name);
    expect(await migrateUp(config)).toEqual(names);
    expect(await migrateUp(config)).toEqual([]);
    for (const name of [...names].reverse()) {
      expect(await migrateDown(config)).toEqual([name]);
    }
    expect(await migrateUp(config)).toEqual(names);
  });
});
