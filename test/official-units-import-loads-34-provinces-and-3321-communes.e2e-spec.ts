import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions } from '@hocvuso/database';
import { UnitsImportService, type UnitsImportSummary } from '@hocvuso/geography';
import { MikroORM } from '@mikro-orm/postgresql';

const officialFile = resolve(__dirname, '../../shared/data/vn-units/units-2026-07-25.json');

describe('importing the official unit list of 2026-07-25', () => {
  let orm: MikroORM;
  let summary: UnitsImportSummary;
  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    orm.em.fork().execute<R[]>(text, params);

  beforeAll(async () => {
    orm = await MikroORM.init(createOrmOptions(loadConfig()));
    await sql('truncate province, commune, village, venue cascade');
    summary = await new UnitsImportService(orm.em.fork()).importFile(officialFile);
  });

  afterAll(async () => {
    await orm.close();
  });

  it('reports 34 provinces and 3,321 communes created, by kind', () => {
    expect(summary).toEqual({
      provinces: { created: 34, updated: 0, unchanged: 0 },
      communes: { created: 3321, updated: 0, unchanged: 0 },
      provincesByKind: { CITY: 7, PROVINCE: 27 },
      communesByKind: { XA: 2611, PHUONG: 697, DAC_KHU: 13 },
      totalProvinces: 34,
      totalCommunes: 3321,
      provincesNotInFile: 0,
      communesNotInFile: 0,
    });
  });

  it('stores 34 provinces and 2,611 xã + 697 phường + 13 đặc khu', async () => {
    const [provinces] = await sql<{ count: string }>('select count(*) from province');
    expect(Number(provinces.count)).toBe(34);
    const byKind = await sql<{ kind: string; count: string }>(
      'select kind, count(*) from commune group by kind order by kind',
    );
    expect(Object.fromEntries(byKind.map((r) => [r.kind, Number(r.count)]))).toEqual({
      XA: 2611,
      PHUONG: 697,
      DAC_KHU: 13,
    });
  });

  it('stores every unit of the file under its code, in its province, with its names', async () => {
    type FileUnit = {
      Code: string;
      Name: string;
      FullName: string;
      NameEn: string;
      ProvinceCode?: string;
      Wards?: FileUnit[];
    };
    const file = JSON.parse(await readFile(officialFile, 'utf8')) as FileUnit[];
    const expected = file.flatMap((p) => p.Wards!.map((c) => [c.Code, p.Code, c.Name, c.FullName, c.NameEn]));
    const rows = await sql<{ code: string; province_code: string; name: string; full_name: string; name_en: string }>(
      'select code, province_code, name, full_name, name_en from commune order by code',
    );
    expect(rows.map((r) => [r.code, r.province_code, r.name, r.full_name, r.name_en])).toEqual(
      expected.sort((a, b) => a[0].localeCompare(b[0])),
    );
  });

  it('folds full name, name and English name into the search text', async () => {
    expect(await sql("select code from province where search_text like '%hung yen%'")).toEqual([{ code: '33' }]);
    expect(await sql("select code, kind, province_code from commune where search_text like '%pho hien%'")).toEqual([
      { code: '11953', kind: 'PHUONG', province_code: '33' },
    ]);
    const [haNoi] = await sql<{ kind: string; search_text: string }>(
      "select kind, search_text from province where code = '01'",
    );
    expect(haNoi).toEqual({ kind: 'CITY', search_text: 'thanh pho ha noi ha noi hanoi' });
  });
});
