import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions } from '@hocvuso/database';
import { UnitsImportService } from '@hocvuso/geography';
import { MikroORM } from '@mikro-orm/postgresql';

const officialFile = resolve(__dirname, '../../shared/data/vn-units/units-2026-07-25.json');

type FileUnit = Record<string, unknown> & { Code: string; Wards: FileUnit[] };

describe('importing a newer official unit list over an older one', () => {
  let orm: MikroORM;
  let dir: string;
  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    orm.em.fork().execute<R[]>(text, params);
  const official = async () => JSON.parse(await readFile(officialFile, 'utf8')) as FileUnit[];
  const hungYen = (file: FileUnit[]) => file.find((p) => p.Code === '33')!;
  const importCopy = async (file: FileUnit[]) => {
    const path = join(dir, `units-${randomUUID()}.json`);
    await writeFile(path, JSON.stringify(file, null, 1));
    return new UnitsImportService(orm.em.fork()).importFile(path);
  };

  beforeAll(async () => {
    orm = await MikroORM.init(createOrmOptions(loadConfig()));
    dir = await mkdtemp(join(tmpdir(), 'hocvuso-units-'));
    await sql('truncate province, commune, village, venue cascade');
    await new UnitsImportService(orm.em.fork()).importFile(officialFile);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await orm.close();
  });

  it('renames a commune in place under the same code', async () => {
    const [before] = await sql<{ created_at: string; updated_at: string }>(
      "select created_at::text, updated_at::text from commune where code = '11953'",
    );
    const file = await official();
    const phoHien = hungYen(file).Wards.find((c) => c.Code === '11953')!;
    phoHien.Name = 'Phố Hiến Mới';
    phoHien.FullName = 'Phường Phố Hiến Mới';

    const summary = await importCopy(file);

    expect(summary.communes).toEqual({ created: 0, updated: 1, unchanged: 3320 });
    expect(summary.provinces).toEqual({ created: 0, updated: 0, unchanged: 34 });
    const rows = await sql(
      "select code, province_code, name, full_name, search_text, created_at::text, updated_at::text from commune where code = '11953'",
    );
    expect(rows).toEqual([
      {
        code: '11953',
        province_code: '33',
        name: 'Phố Hiến Mới',
        full_name: 'Phường Phố Hiến Mới',
        search_text: 'phuong pho hien moi pho hien moi pho hien',
        created_at: before.created_at,
        updated_at: expect.any(String),
      },
    ]);
    expect(rows[0].updated_at).not.toBe(before.updated_at);
    const [{ count }] = await sql<{ count: string }>('select count(*) from commune');
    expect(Number(count)).toBe(3321);
  });

  it('keeps units the newer file leaves out, with their villages, and counts them', async () => {
    const [{ province_code }] = await sql<{ province_code: string }>(
      "select province_code from commune where code = '12619'",
    );
    await sql(
      "insert into village (id, commune_code, name, kind, search_text) values (?, '12619', 'Thôn Đông', 'THON', 'thon dong')",
      [randomUUID()],
    );
    const file = await official();
    const province = hungYen(file);
    province.Wards = province.Wards.filter((c) => c.Code !== '12619');
    province.Wards.push({
      ...province.Wards[0],
      Code: '99999',
      Name: 'Mới Lập',
      NameEn: 'Moi Lap',
      FullName: 'Xã Mới Lập',
      AdministrativeUnitId: 4,
    } as FileUnit);

    const summary = await importCopy(file);

    // 99999 is new; 11953 gets its official name back from the previous test.
    expect(summary.communes).toEqual({ created: 1, updated: 1, unchanged: 3319 });
    expect(summary.communesNotInFile).toBe(1);
    expect(summary.provincesNotInFile).toBe(0);
    expect(await sql("select code, province_code from commune where code in ('12619', '99999') order by code")).toEqual(
      [
        { code: '12619', province_code },
        { code: '99999', province_code: '33' },
      ],
    );
    expect(await sql("select name from village where commune_code = '12619'")).toEqual([{ name: 'Thôn Đông' }]);
  });
});
