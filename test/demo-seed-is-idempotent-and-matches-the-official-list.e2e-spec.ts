import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions, dropDatabase, ensureDatabase, migrateUp } from '@hocvuso/database';
import { foldVietnamese } from '@hocvuso/geography';
import { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_COMMUNES, DEMO_PROVINCES, DEMO_VILLAGES, DemoSeeder, seedDemo } from '../prisma-seeds';

const officialFile = resolve(__dirname, '../../shared/data/vn-units/units-2026-07-25.json');

interface OfficialUnit {
  Code: string;
  Name: string;
  FullName: string;
  NameEn: string;
  Wards?: OfficialUnit[];
}

const venueCount = DEMO_VILLAGES.reduce((sum, village) => sum + village.venues.length, 0);

/** The demo seed on a database of its own: what it loads, and that a second run loads nothing. */
describe('demo seed', () => {
  const url = new URL(loadConfig().DATABASE_URL);
  url.pathname = `/hocvuso_seed_${randomBytes(4).toString('hex')}`;
  const config = { DATABASE_URL: url.toString(), DATABASE_POOL_MAX: 2 };
  let orm: MikroORM;

  const sql = <R>(text: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<R[]>(text, params);
  const counts = async () =>
    (
      await sql<Record<string, number>>(
        `select (select count(*)::int from province) as provinces, (select count(*)::int from commune) as communes,
                (select count(*)::int from village) as villages, (select count(*)::int from venue) as venues`,
      )
    )[0];

  beforeAll(async () => {
    await ensureDatabase(config);
    await migrateUp(config);
    orm = await MikroORM.init(createOrmOptions(config));
  });

  afterAll(async () => {
    await orm?.close(true);
    await dropDatabase(config);
  });

  it('DemoSeeder loads every demo row, and running it again creates nothing', async () => {
    await orm.seeder.seed(DemoSeeder);
    const first = await counts();
    expect(first).toEqual({
      provinces: 34,
      communes: DEMO_COMMUNES.length,
      villages: DEMO_VILLAGES.length,
      venues: venueCount,
    });
    const idsBefore = await sql<{ id: string }>('select id from venue union all select id from village order by 1');

    await orm.seeder.seed(DemoSeeder);
    expect(await counts()).toEqual(first);
    expect(await seedDemo(orm.em.fork())).toEqual({ provinces: 0, communes: 0, villages: 0, venues: 0 });
    expect(await sql('select id from venue union all select id from village order by 1')).toEqual(idsBefore);
  });

  it('stores villages and venues under their communes with the services’ folded search text', async () => {
    const villages = await sql<{ commune_code: string; name: string; search_text: string }>(
      'select commune_code, name, search_text from village',
    );
    for (const demo of DEMO_VILLAGES) {
      const row = villages.find((v) => v.commune_code === demo.communeCode && v.name === demo.name);
      expect(row?.search_text).toBe(foldVietnamese(demo.name));
    }
    const venues = await sql<{ name: string; capacity: number | null; search_text: string; village_name: string }>(
      'select v.name, v.capacity, v.search_text, vi.name as village_name from venue v join village vi on vi.id = v.village_id',
    );
    for (const venue of DEMO_VILLAGES.flatMap((village) =>
      village.venues.map((v) => ({ ...v, village: village.name })),
    )) {
      expect(venues).toContainEqual({
        name: venue.name,
        capacity: venue.capacity,
        search_text: foldVietnamese(venue.name),
        village_name: venue.village,
      });
    }
  });

  it('uses the official codes and names of provinces and communes', () => {
    const official = JSON.parse(readFileSync(officialFile, 'utf8')) as OfficialUnit[];
    expect(DEMO_PROVINCES.map((p) => [p.code, p.name, p.fullName, p.nameEn])).toEqual(
      official.map((p) => [p.Code, p.Name, p.FullName, p.NameEn]),
    );
    const wards = new Map(
      official.flatMap((p) => (p.Wards ?? []).map((w) => [w.Code, { ...w, provinceCode: p.Code }] as const)),
    );
    for (const commune of DEMO_COMMUNES) {
      const ward = wards.get(commune.code);
      expect([commune.code, commune.provinceCode, commune.name, commune.fullName, commune.nameEn]).toEqual([
        ward?.Code,
        ward?.provinceCode,
        ward?.Name,
        ward?.FullName,
        ward?.NameEn,
      ]);
    }
    expect(new Set(DEMO_COMMUNES.map((c) => c.provinceCode))).toEqual(new Set(['01', '33', '68']));
  });
});
