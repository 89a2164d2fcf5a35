import { type AppConfig, loadConfig } from '@hocvuso/config';
import { createOrmOptions } from '@hocvuso/database';
import { foldVietnamese, UnitsImportService, type UnitsImportSummary } from '@hocvuso/geography';
import { checkCapacity, checkPlaceName } from '@hocvuso/geography/place-rules';
import type { JobProgress } from '@hocvuso/jobs';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { type CatalogSeedSummary, loadCatalog } from './catalog.seeder';
import { DEMO_COMMUNES, DEMO_PROVINCES, DEMO_VILLAGES } from './demo-data';

export interface DemoSeedOptions {
  /** an official unit list to import instead of the built-in 34 provinces and demo communes */
  unitsFile?: string;
  onProgress?: (progress: JobProgress) => void;
}

/** Rows each step inserted; a second run over the same database reports zeros everywhere. */
export interface DemoSeedSummary {
  provinces: number;
  communes: number;
  villages: number;
  venues: number;
  /** set when the units came from `unitsFile` */
  unitsImport?: UnitsImportSummary;
  /** the seed course catalog, set by loadDemoData */
  catalog?: CatalogSeedSummary;
}

const placeholders = (count: number, row: string): string => Array.from({ length: count }, () => row).join(', ');

/** Same rule as the importer: full name, short name and English name, folded. */
const unitSearchText = (unit: { fullName: string; name: string; nameEn: string }): string =>
  foldVietnamese(`${unit.fullName} ${unit.name} ${unit.nameEn}`);

/** A demo place name through the same rule the services apply to names users type. */
function placeName(raw: string): { name: string; searchText: string } {
  const checked = checkPlaceName(raw);
  if (!checked.ok) throw new Error(`demo data: invalid place name "${raw}" (${checked.code})`);
  return checked.value;
}

function capacity(value: number | null): number | null {
  const checked = checkCapacity(value);
  if (!checked.ok) throw new Error(`demo data: invalid capacity ${value} (${checked.code})`);
  return checked.value;
}

async function insertUnits(em: EntityManager): Promise<Pick<DemoSeedSummary, 'provinces' | 'communes'>> {
  const connection = em.getConnection();
  const provinces = await connection.execute<{ code: string }[]>(
    `insert into province (code, name, full_name, name_en, kind, search_text)
     values ${placeholders(DEMO_PROVINCES.length, '(?, ?, ?, ?, ?::province_kind, ?)')}
     on conflict (code) do nothing returning code`,
    DEMO_PROVINCES.flatMap((p) => [p.code, p.name, p.fullName, p.nameEn, p.kind, unitSearchText(p)]),
  );
  const communes = await connection.execute<{ code: string }[]>(
    `insert into commune (code, province_code, name, full_name, name_en, kind, search_text)
     values ${placeholders(DEMO_COMMUNES.length, '(?, ?, ?, ?, ?, ?::commune_kind, ?)')}
     on conflict (code) do nothing returning code`,
    DEMO_COMMUNES.flatMap((c) => [c.code, c.provinceCode, c.name, c.fullName, c.nameEn, c.kind, unitSearchText(c)]),
  );
  return { provinces: provinces.length, communes: communes.length };
}

/**
 * Villages, then their venues. The unique (commune, folded name) and (village, folded name)
 * keys make both inserts no-ops on a second run, the same keys that make the services' creates safe.
 */
async function insertPlaces(em: EntityManager): Promise<Pick<DemoSeedSummary, 'villages' | 'venues'>> {
  const connection = em.getConnection();
  const codes = [...new Set(DEMO_VILLAGES.map((v) => v.communeCode))];
  // An imported units file may lack a demo commune; its villages are skipped, not an error.
  const present = await connection.execute<{ code: string }[]>(
    `select code from commune where code in (${placeholders(codes.length, '?')})`,
    codes,
  );
  const presentCodes = new Set(present.map((row) => row.code));
  const villages = DEMO_VILLAGES.filter((v) => presentCodes.has(v.communeCode)).map((v) => ({
    ...v,
    ...placeName(v.name),
  }));
  if (villages.length === 0) return { villages: 0, venues: 0 };

  const createdVillages = await connection.execute<{ id: string }[]>(
    `insert into village (id, commune_code, name, kind, search_text)
     values ${placeholders(villages.length, '(gen_random_uuid(), ?, ?, ?::village_kind, ?)')}
     on conflict (commune_code, search_text) do nothing returning id`,
    villages.flatMap((v) => [v.communeCode, v.name, v.kind, v.searchText]),
  );

  const ids = await connection.execute<{ id: string; commune_code: string; search_text: string }[]>(
    `select id, commune_code, search_text from village
     where (commune_code, search_text) in (${placeholders(villages.length, '(?, ?)')})`,
    villages.flatMap((v) => [v.communeCode, v.searchText]),
  );
  const idOf = new Map(ids.map((row) => [`${row.commune_code}/${row.search_text}`, row.id]));
  const venues = villages.flatMap((village) =>
    village.venues.map((venue) => ({
      villageId: idOf.get(`${village.communeCode}/${village.searchText}`),
      capacity: capacity(venue.capacity),
      ...placeName(venue.name),
    })),
  );
  if (venues.length === 0) return { villages: createdVillages.length, venues: 0 };
  const createdVenues = await connection.execute<{ id: string }[]>(
    `insert into venue (id, village_id, name, capacity, search_text)
     values ${placeholders(venues.length, '(gen_random_uuid(), ?, ?, ?, ?)')}
     on conflict (village_id, search_text) do nothing returning id`,
    venues.flatMap((v) => [v.villageId, v.name, v.capacity, v.searchText]),
  );
  return { villages: createdVillages.length, venues: createdVenues.length };
}

/** Loads the demo data; idempotent (a second run inserts nothing). */
export async function seedDemo(em: EntityManager, options: DemoSeedOptions = {}): Promise<DemoSeedSummary> {
  if (options.unitsFile) {
    const unitsImport = await new UnitsImportService(em.fork()).importFile(options.unitsFile, options.onProgress);
    const places = await em.transactional((tx) => insertPlaces(tx));
    return { provinces: unitsImport.provinces.created, communes: unitsImport.communes.created, ...places, unitsImport };
  }
  return em.transactional(async (tx) => ({ ...(await insertUnits(tx)), ...(await insertPlaces(tx)) }));
}

/** `orm.seeder.seed(DemoSeeder)`: the demo data, from UNITS_FILE when it is set, and the course catalog. */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await seedDemo(em, { unitsFile: loadConfig().UNITS_FILE });
    await loadCatalog(em.fork());
  }
}

/** Whether the database holds no province yet (a fresh database gets the demo data). */
export async function hasNoProvinces(em: EntityManager): Promise<boolean> {
  const rows = await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from province');
  return rows[0].n === 0;
}

/**
 * Opens the database in `config`, loads the demo data (only into an empty database when
 * `onlyIfEmpty`), and closes it. Returns null when it skipped a non-empty database.
 */
export async function loadDemoData(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'UNITS_FILE'>,
  options: { onlyIfEmpty: boolean; onProgress?: (progress: JobProgress) => void },
): Promise<DemoSeedSummary | null> {
  const orm = await MikroORM.init(createOrmOptions(config));
  try {
    const em = orm.em.fork();
    if (options.onlyIfEmpty && !(await hasNoProvinces(em))) {
      // Places are only seeded into an empty database, but the catalog is keyed by slug and safe
      // to load into any: a database made before the courses existed gets them on the next start.
      await loadCatalog(em.fork());
      return null;
    }
    const summary = await seedDemo(em, { unitsFile: config.UNITS_FILE, onProgress: options.onProgress });
    return { ...summary, catalog: await loadCatalog(em.fork()) };
  } finally {
    await orm.close(true);
  }
}
