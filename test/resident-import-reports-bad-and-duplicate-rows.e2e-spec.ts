import { randomInt, randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { Workbook } from 'exceljs';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const IMPORT = `mutation ($input: ImportResidentsInput!) {
  importResidents(input: $input) { ok rowsRead created errors { row column code message } duplicates { row column code message } }
}`;
const HEADER = ['Họ và tên', 'Năm sinh', 'Giới tính', 'Thôn', 'Số điện thoại', 'Số CCCD'];

interface ImportResult {
  ok: boolean;
  rowsRead: number;
  created: number;
  errors: { row: number; column: string | null; code: string; message: string }[];
  duplicates: { row: number; column: string | null; code: string; message: string }[];
}

const randomPhone = () => `08${String(randomInt(0, 1e8)).padStart(8, '0')}`;
const citizenIdFor = (year: number) =>
  `0040${String(year % 100).padStart(2, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;

async function xlsx(rows: unknown[][]): Promise<string> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH NGƯỜI DÂN THAM GIA BÌNH DÂN HỌC VỤ SỐ']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('resident import validates every row, skips duplicates and writes all or nothing', () => {
  let api: ApiHarness;
  let official: TestActor;
  let volunteer: TestActor;
  let outsider: TestActor;
  let villageEast: string;
  let villageWest: string;
  const tag = randomUUID().slice(0, 6);
  const east = `Thôn Đông ${tag}`;
  const west = `Thôn Tây ${tag}`;
  const consent = { purposes: ['LEARNING'], method: 'ASSISTED_BY_VOLUNTEER', evidence: 'Biên bản họp thôn' };

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values
         ('92', 'Chín Hai', 'Tỉnh Chín Hai', 'Test 92', 'PROVINCE', 'chin hai'), ('91', 'Chín Mốt', 'Tỉnh Chín Mốt', 'Test 91', 'PROVINCE', 'chin mot')
       on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('92001', '92', 'Xã Một', 'Xã Một', 'Mot', 'XA', 'xa mot'), ('92002', '92', 'Xã Hai', 'Xã Hai', 'Hai', 'XA', 'xa hai'),
         ('91001', '91', 'Xã Ba', 'Xã Ba', 'Ba', 'XA', 'xa ba')
       on conflict (code) do nothing`,
    );
    villageEast = randomUUID();
    villageWest = randomUUID();
    for (const [id, name] of [
      [villageEast, east],
      [villageWest, west],
    ]) {
      await api.sql(
        `insert into village (id, commune_code, name, kind, search_text) values (?, '92001', ?, 'THON', ?)`,
        [id, name, foldVietnamese(name)],
      );
    }
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('92001', '92')]]);
    volunteer = await createActor(api, [[Role.VOLUNTEER, scopes.commune('92001', '92')]]);
    outsider = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('91001', '91')]]);
  });

  afterAll(() => api.close());

  const run = (
    contentBase64: string,
    fileName = 'danh-sach.xlsx',
    token = official.token,
    extra: Record<string, unknown> = {},
  ) =>
    api.gql<{ importResidents: ImportResult }>(
      IMPORT,
      { input: { communeCode: '92001', fileName, contentBase64, consent, ...extra } },
      token,
    );

  const residentsOfCommune = async () =>
    (
      await api.sql<{ n: number }>(
        `select count(*)::int as n from resident r join village v on v.id = r.village_id where v.commune_code = '92001'`,
      )
    )[0].n;

  it('lists every bad row with its row number and reason, and writes nothing', async () => {
    const before = await residentsOfCommune();
    const content = await xlsx([
      HEADER,
      ['Nguyễn Văn Tốt', 1960, 'Nam', east, randomPhone(), null],
      ['X', 1960, 'Nam', east, null, null],
      ['Trần Thị Sai Năm', 1850, 'Nữ', west, null, null],
      ['Lê Văn Sai Giới', 1970, 'Không rõ', west, null, null],
      ['Phạm Thị Sai Thôn', 1970, 'Nữ', 'Thôn Không Có', null, null],
      ['Vũ Văn Sai Số', 1970, null, east, '0212345678', '123'],
      ['Đỗ Thị Lệch Năm', 1971, 'Nữ', east, null, citizenIdFor(1972)],
    ]);
    const result = await run(content);
    expect(result.errors).toBeUndefined();
    const report = result.data!.importResidents;
    expect(report).toMatchObject({ ok: false, rowsRead: 7, created: 0 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'Họ và tên', 'INVALID_FULL_NAME'],
      [5, 'Năm sinh', 'INVALID_BIRTH_YEAR'],
      [6, 'Giới tính', 'INVALID_GENDER'],
      [7, 'Thôn', 'VILLAGE_NOT_FOUND'],
      [8, 'Số điện thoại', 'INVALID_PHONE'],
      [8, 'Số CCCD', 'INVALID_CITIZEN_ID'],
      [9, 'Số CCCD', 'CITIZEN_ID_BIRTH_YEAR_MISMATCH'],
    ]);
    expect(report.errors[3].message).toContain('Thôn Không Có');
    expect(await residentsOfCommune()).toBe(before);
    expect(
      await api.sql(`select 1 from audit_log where action = 'residents.imported' and target_id = '92001'`),
    ).toHaveLength(0);
  });

  it('skips duplicates in the file and against the database, imports the rest with consent, and creates nothing the second time', async () => {
    const existingPhone = randomPhone();
    await api.gql(
      `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`,
      { input: { villageId: villageEast, fullName: 'Đã Có Sẵn', birthYear: 1955, phone: existingPhone, consent } },
      official.token,
    );
    const sharedPhone = randomPhone();
    const citizenId = citizenIdFor(1966);
    const csv = [
      HEADER.join(';'),
      `Hà Thị Một;1966;Nữ;${east.toUpperCase()};${sharedPhone};${citizenId}`,
      `Hà Văn Hai;1967;Nam;${foldVietnamese(west)};${sharedPhone.replace(/^0/, '+84 ')};`,
      `Hà Văn Ba;1966;Nam;${west};;${citizenId}`,
      `Người Đã Có;1955;;${east};${existingPhone};`,
      `Không Số;1940;Khác;${east};;`,
      `không số;1940;;${east};;`,
      `"H'Hen Niê";1990;;${west};;`,
    ].join('\r\n');
    const content = Buffer.from(`\uFEFF${csv}`).toString('base64');
    const before = await residentsOfCommune();

    const dry = await run(content, 'ds.csv', official.token, { dryRun: true });
    expect(dry.data!.importResidents).toMatchObject({ ok: true, created: 0 });
    expect(await residentsOfCommune()).toBe(before);

    const result = await run(content, 'ds.csv');
    const report = result.data!.importResidents;
    expect(report).toMatchObject({ ok: true, rowsRead: 7, created: 3, errors: [] });
    expect(report.duplicates.map((d) => [d.row, d.column, d.code])).toEqual([
      [3, 'Số điện thoại', 'DUPLICATE_IN_FILE'],
      [4, 'Số CCCD', 'DUPLICATE_IN_FILE'],
      [5, 'Số điện thoại', 'DUPLICATE_EXISTING'],
      [7, null, 'DUPLICATE_IN_FILE'],
    ]);
    expect(report.duplicates[0].message).toContain('dòng 2');
    expect(await residentsOfCommune()).toBe(before + 3);
    const imported = await api.sql<{ full_name: string; gender: string | null; consents: number; recorded_by: string }>(
      `select r.full_name, r.gender, count(c.id)::int as consents, min(c.recorded_by::text) as recorded_by
         from resident r join consent c on c.resident_id = r.id
        where r.village_id in (?, ?) and r.full_name in ('Hà Thị Một', 'Không Số', 'H''Hen Niê') group by r.id order by r.full_name collate "C"`,
      [villageEast, villageWest],
    );
    expect(imported).toEqual([
      { full_name: "H'Hen Niê", gender: null, consents: 1, recorded_by: official.accountId },
      { full_name: 'Hà Thị Một', gender: 'FEMALE', consents: 1, recorded_by: official.accountId },
      { full_name: 'Không Số', gender: 'OTHER', consents: 1, recorded_by: official.accountId },
    ]);
    const audit = await api.sql<{ details: Record<string, unknown> }>(
      `select details from audit_log where action = 'residents.imported' and target_id = '92001'`,
    );
    expect(audit).toEqual([
      { details: { rowsRead: 7, created: 3, duplicates: 4, purposes: ['LEARNING'], method: 'ASSISTED_BY_VOLUNTEER' } },
    ]);

    const again = await run(content, 'ds.csv');
    expect(again.data!.importResidents).toMatchObject({ ok: true, created: 0 });
    expect(again.data!.importResidents.duplicates).toHaveLength(7);
    expect(await residentsOfCommune()).toBe(before + 3);
  });

  it('restores the leading zeros Excel drops from phone numbers and citizen ids', async () => {
    const phone = randomPhone();
    const citizenId = citizenIdFor(1980);
    const result = await run(await xlsx([HEADER, ['Số Kiểu Số', 1980, 'Nam', east, Number(phone), Number(citizenId)]]));
    expect(result.data!.importResidents).toMatchObject({ ok: true, created: 1, errors: [] });
    const found = await api.gql<{ residentByPhone: { fullName: string; citizenIdMasked: string } }>(
      `query ($p: String!) { residentByPhone(phone: $p) { fullName citizenIdMasked } }`,
      { p: phone },
      official.token,
    );
    expect(found.data!.residentByPhone).toEqual({
      fullName: 'Số Kiểu Số',
      citizenIdMasked: `${citizenId.slice(0, 3)}*******${citizenId.slice(-2)}`,
    });
  });

  it('refuses a malformed file with RESIDENTS_FILE_INVALID and writes nothing', async () => {
    const before = await residentsOfCommune();
    const tooManyRows = [
      HEADER.join(','),
      ...Array.from({ length: 20_001 }, (_, i) => `Người Thứ ${i},1970,,${east},,`),
    ].join('\n');
    const cases: [string, string][] = [
      [Buffer.from('this is not a zip').toString('base64'), 'danh-sach.xlsx'],
      [Buffer.from('Tên,Tuổi\nAn,30').toString('base64'), 'ds.csv'],
      [Buffer.from(HEADER.join(',')).toString('base64'), 'ds.csv'],
      [Buffer.from(tooManyRows).toString('base64'), 'ds.csv'],
      [Buffer.alloc(5 * 1024 * 1024 + 10, 65).toString('base64'), 'ds.csv'],
      [Buffer.from(HEADER.join(',')).toString('base64'), 'ds.pdf'],
    ];
    for (const [content, fileName] of cases) {
      const result = await run(content, fileName);
      expect([fileName, result.errors?.[0].extensions?.code]).toEqual([fileName, 'RESIDENTS_FILE_INVALID']);
      expect(typeof (result.errors?.[0].extensions?.details as { reason?: string })?.reason).toBe('string');
    }
    expect(await residentsOfCommune()).toBe(before);
  });

  it('needs RESIDENTS_IMPORT on the commune: others get COMMUNE_NOT_FOUND', async () => {
    const content = await xlsx([HEADER, ['Ai Đó', 1970, null, east, null, null]]);
    for (const actor of [volunteer, outsider]) {
      const result = await run(content, 'danh-sach.xlsx', actor.token);
      expect(result.errors?.[0].extensions?.code).toBe('COMMUNE_NOT_FOUND');
    }
  });
});
