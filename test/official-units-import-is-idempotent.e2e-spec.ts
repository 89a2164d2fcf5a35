import { resolve } from 'node:path';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions } from '@hocvuso/database';
import { UnitsImportService } from '@hocvuso/geography';
import { MikroORM } from '@mikro-orm/postgresql';

const officialFile = resolve(__dirname, '../../shared/data/vn-units/units-2026-07-25.json');

describe('re-importing the same official unit list', () => {
  let orm: MikroORM;
  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    orm.em.fork().execute<R[]>(text, params);
  // xmin changes on any write to a row, even one that sets the same values.
  const snapshot = async () => [
    ...(await sql('select code, updated_at::text, xmin::text from province order by code')),
    ...(await sql('select code, updated_at::text, xmin::text from commune order by code')),
  ];

  beforeAll(async () => {
    orm = await MikroORM.init(createOrmOptions(loadConfig()));
    await sql('truncate province, commune, village, venue cascade');
  });

  afterAll(async () => {
    await orm.close();
  });

  it('changes nothing the second time: all unchanged, same rows, updated_at and row versions untouched', async () => {
    const first = await new UnitsImportService(orm.em.fork()).importFile(officialFile);
    expect(first.communes.created).toBe(3321);
    const before = await snapshot();
    expect(before).toHaveLength(34 + 3321);

    const second = await new UnitsImportService(orm.em.fork()).importFile(officialFile);

    expect(second.provinces).toEqual({ created: 0, updated: 0, unchanged: 34 });
    expect(second.communes).toEqual({ created: 0, updated: 0, unchanged: 3321 });
    expect(second.communesByKind).toEqual({ XA: 2611, PHUONG: 697, DAC_KHU: 13 });
    expect(await snapshot()).toEqual(before);
  });
});
