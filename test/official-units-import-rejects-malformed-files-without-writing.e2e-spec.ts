import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions } from '@hocvuso/database';
import { GeographyError, GeographyErrorCode, UnitsImportService } from '@hocvuso/geography';
import { MikroORM } from '@mikro-orm/postgresql';

const officialFile = resolve(__dirname, '../../shared/data/vn-units/units-2026-07-25.json');
const fixture = (name: string) => resolve(__dirname, 'fixtures/units', name);

type FileUnit = Record<string, unknown> & { Code: string; Wards: FileUnit[] };

describe('a malformed official unit list', () => {
  let orm: MikroORM;
  let dir: string;
  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    orm.em.fork().execute<R[]>(text, params);
  const official = async () => JSON.parse(await readFile(officialFile, 'utf8')) as FileUnit[];
  const writeCopy = async (file: FileUnit[]) => {
    const path = join(dir, `units-${randomUUID()}.json`);
    await writeFile(path, JSON.stringify(file, null, 1));
    return path;
  };
  const rejection = async (path: string): Promise<Record<string, unknown>> => {
    const error: unknown = await new UnitsImportService(orm.em.fork()).importFile(path).then(
      () => new Error('the file was accepted'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeographyError);
    expect((error as GeographyError).code).toBe(GeographyErrorCode.UNITS_FILE_INVALID);
    return (error as GeographyError).details;
  };
  const state = async () => [
    ...(await sql('select code, name, updated_at::text, xmin::text from province order by code')),
    ...(await sql('select code, name, updated_at::text, xmin::text from commune order by code')),
  ];

  beforeAll(async () => {
    orm = await MikroORM.init(createOrmOptions(loadConfig()));
    dir = await mkdtemp(join(tmpdir(), 'hocvuso-units-'));
    await sql('truncate province, commune, village, venue cascade');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await orm.close();
  });

  it('is rejected at its last commune, after 33 valid provinces, and nothing is written', async () => {
    const file = await official();
    const last = file[33].Wards[file[33].Wards.length - 1];
    last.Code = last.Code.slice(1);

    const details = await rejection(await writeCopy(file));

    expect(details).toEqual({
      position: `[33].Wards[${file[33].Wards.length - 1}].Code`,
      reason: `phải gồm 5 chữ số (đang là "${last.Code}")`,
    });
    expect(await state()).toEqual([]);
  });

  it('leaves an imported list untouched, even the valid renames earlier in the bad file', async () => {
    await new UnitsImportService(orm.em.fork()).importFile(officialFile);
    const before = await state();
    const file = await official();
    file[0].Name = 'Hà Nội Mới';
    file[0].Wards[0].Name = 'Ba Đình Mới';
    file[12].Wards[40].Code = '1234';

    const details = await rejection(await writeCopy(file));

    expect(details).toMatchObject({
      position: '[12].Wards[40].Code',
      reason: expect.stringMatching(/^phải gồm 5 chữ số/),
    });
    expect(await state()).toEqual(before);
  });

  it.each<[string, (file: FileUnit[]) => void, string, RegExp]>([
    [
      'a duplicate commune code',
      (f) => (f[20].Wards[3].Code = f[2].Wards[1].Code),
      '[20].Wards[3].Code',
      /bị trùng với \[2\]\.Wards\[1\]/,
    ],
    [
      'a commune whose ProvinceCode is not its parent',
      (f) => (f[30].Wards[7].ProvinceCode = '01'),
      '[30].Wards[7].ProvinceCode',
      /mã "\d{2}"/,
    ],
    [
      'an unknown AdministrativeUnitId',
      (f) => (f[25].Wards[0].AdministrativeUnitId = 9),
      '[25].Wards[0].AdministrativeUnitId',
      /không hợp lệ: 9/,
    ],
    ['an empty name', (f) => (f[31].Wards[2].FullName = ''), '[31].Wards[2].FullName', /không được để trống/],
    ['a wrong Type', (f) => (f[32].Type = 'city'), '[32].Type', /phải là "province"/],
  ])('is rejected for %s, with its position, writing nothing', async (_case, mutate, position, reason) => {
    const before = await state();
    const file = await official();
    file[0].Wards[1].Name = 'Đổi Tên';
    mutate(file);

    const details = await rejection(await writeCopy(file));

    expect(details.position).toBe(position);
    expect(details.reason).toMatch(reason);
    expect(await state()).toEqual(before);
  });

  it('names the commune of the wrong province in a small hand-written file', async () => {
    const before = await state();
    const details = await rejection(fixture('malformed-late-province-code.json'));
    expect(details).toEqual({
      position: '[1].Wards[1].ProvinceCode',
      reason: 'là "98" nhưng xã/phường nằm trong tỉnh/thành phố mã "99"',
    });
    expect(await sql("select code from province where code in ('98', '99')")).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('gives the line and column of broken JSON', async () => {
    const details = await rejection(fixture('broken-json.json'));
    expect(details).toMatchObject({ line: 6, column: 5, position: 'dòng 6, cột 5' });
    expect(details.reason).toMatch(/^JSON không hợp lệ: /);
  });
});
