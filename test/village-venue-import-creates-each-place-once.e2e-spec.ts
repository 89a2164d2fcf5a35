import { Role } from '@hocvuso/access';
import { createActor, scopes, type TestActor } from './support/actors';
import { ApiHarness } from './support/api-harness';
import {
  countPlaces,
  importPlaces,
  insertTestCommunes,
  PLACES_HEADER,
  removeTestPlaces,
  textBase64,
  xlsxBase64,
} from './fixtures/places/places-files';

// Codes no official unit uses; other spec files of the run share the database.
const PROVINCE = '98';
const COMMUNES = ['98001', '98002', '09801'];

describe('importing villages and venues from a spreadsheet', () => {
  let api: ApiHarness;
  let official: TestActor;

  beforeAll(async () => {
    api = await ApiHarness.start();
    await insertTestCommunes(api, PROVINCE, COMMUNES);
    official = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province(PROVINCE)]]);
  });

  afterAll(async () => {
    await removeTestPlaces(api, PROVINCE, COMMUNES);
    await api.close();
  });

  it('creates the villages and venues of an .xlsx, then finds them all unchanged on a second import', async () => {
    const contentBase64 = await xlsxBase64([
      [' mã xã ', 'TÊN THÔN', 'loai', 'Ten diem cau', 'Sức chứa', 'Ghi chú'],
      ['98001', 'Thôn Đông Tảo', 'Thôn', 'Nhà văn hóa thôn Đông Tảo', 150, 'sửa mái 2025'],
      ['98001', 'thôn đông tảo', 'thôn', 'Sân bóng thôn Đông Tảo', null],
      ['98001', 'Tổ dân phố số 3', 'tổ dân phố', null, null],
      [], // skipped, not counted
      [98002, 'Bản Nà Hối', 'BẢN', 'Nhà văn hóa bản Nà Hối', '1.200'],
      [98002, 'Bản Nà Hối', 'BẢN', 'Nhà văn hóa bản Nà Hối', '1.200'],
      ['98002', 'Ấp Tân Thành', 'ấp', null, null],
    ]);

    const first = await importPlaces(api, official.token, { fileName: 'Danh sach thon.xlsx', contentBase64 });
    expect(first.errors).toBeUndefined();
    expect(first.data?.importVillagesAndVenues).toEqual({
      ok: true,
      villagesCreated: 4,
      villagesUnchanged: 0,
      venuesCreated: 3,
      venuesUnchanged: 0,
      rowsRead: 6,
      errors: [],
    });

    const villages = await api.sql<{ commune_code: string; name: string; kind: string; search_text: string }>(
      `select "commune_code", "name", "kind", "search_text" from "village" where "commune_code" in ('98001', '98002') order by "commune_code", "search_text"`,
    );
    expect(villages).toEqual([
      { commune_code: '98001', name: 'Thôn Đông Tảo', kind: 'THON', search_text: 'thon dong tao' },
      { commune_code: '98001', name: 'Tổ dân phố số 3', kind: 'TO_DAN_PHO', search_text: 'to dan pho so 3' },
      { commune_code: '98002', name: 'Ấp Tân Thành', kind: 'AP', search_text: 'ap tan thanh' },
      { commune_code: '98002', name: 'Bản Nà Hối', kind: 'BAN', search_text: 'ban na hoi' },
    ]);
    const venues = await api.sql<{ village: string; name: string; capacity: number | null }>(
      `select t."name" as village, v."name", v."capacity" from "venue" v join "village" t on t."id" = v."village_id"
       where t."commune_code" in ('98001', '98002') order by v."search_text"`,
    );
    expect(venues).toEqual([
      { village: 'Bản Nà Hối', name: 'Nhà văn hóa bản Nà Hối', capacity: 1200 },
      { village: 'Thôn Đông Tảo', name: 'Nhà văn hóa thôn Đông Tảo', capacity: 150 },
      { village: 'Thôn Đông Tảo', name: 'Sân bóng thôn Đông Tảo', capacity: null },
    ]);

    const before = await countPlaces(api, COMMUNES);
    const again = await importPlaces(api, official.token, { fileName: 'Danh sach thon.xlsx', contentBase64 });
    expect(again.data?.importVillagesAndVenues).toMatchObject({
      ok: true,
      villagesCreated: 0,
      villagesUnchanged: 4,
      venuesCreated: 0,
      venuesUnchanged: 3,
      errors: [],
    });
    expect(await countPlaces(api, COMMUNES)).toEqual(before);
  });

  it('reads a UTF-8 CSV with a BOM and semicolons, adding only what is new to existing villages', async () => {
    const csv =
      '\uFEFF' +
      [
        'Mã xã;Tên thôn;Loại;Tên điểm cầu;Sức chứa',
        '98001;Thôn Đông Tảo;thôn;Nhà văn hóa thôn Đông Tảo;150',
        '98001;Thôn Đông Tảo;thôn;"Điểm cầu; hội trường";80',
        '98002;Tổ dân phố Mới;TDP;;',
        '',
      ].join('\r\n');
    const result = await importPlaces(api, official.token, { fileName: 'thon.CSV', contentBase64: textBase64(csv) });
    expect(result.data?.importVillagesAndVenues).toEqual({
      ok: true,
      villagesCreated: 1,
      villagesUnchanged: 1,
      venuesCreated: 1,
      venuesUnchanged: 1,
      rowsRead: 3,
      errors: [],
    });
    const [venue] = await api.sql<{ capacity: number }>(
      `select "capacity" from "venue" where "name" = 'Điểm cầu; hội trường'`,
    );
    expect(venue.capacity).toBe(80);
    const [village] = await api.sql<{ kind: string }>(
      `select "kind" from "village" where "commune_code" = '98002' and "search_text" = 'to dan pho moi'`,
    );
    expect(village.kind).toBe('TO_DAN_PHO');
  });

  it('stores names typed in decomposed Unicode (NFD) in composed form (NFC)', async () => {
    const villageName = 'Thôn Hưng Đạo Phường Mỹ'.normalize('NFD');
    const venueName = 'Nhà văn hóa Hưng Đạo'.normalize('NFD');
    expect(villageName).not.toBe(villageName.normalize('NFC'));
    const contentBase64 = await xlsxBase64([
      PLACES_HEADER,
      ['98002', villageName, 'Thôn'.normalize('NFD'), venueName, 40],
    ]);

    const result = await importPlaces(api, official.token, { fileName: 'nfd.xlsx', contentBase64 });
    expect(result.data?.importVillagesAndVenues).toMatchObject({ ok: true, villagesCreated: 1, venuesCreated: 1 });

    const [row] = await api.sql<{ village: string; venue: string }>(
      `select t."name" as village, v."name" as venue from "venue" v join "village" t on t."id" = v."village_id"
       where t."search_text" = 'thon hung dao phuong my'`,
    );
    expect(row.village).toBe('Thôn Hưng Đạo Phường Mỹ'.normalize('NFC'));
    expect(row.venue).toBe('Nhà văn hóa Hưng Đạo'.normalize('NFC'));
  });

  it('reads only the first sheet, restores leading zeros and follows a commune code merged down a block', async () => {
    const contentBase64 = await xlsxBase64(
      [PLACES_HEADER, [9801, 'Thôn Gộp Một', 'thôn'], [null, 'Thôn Gộp Hai', 'thôn']],
      (workbook) => {
        workbook.worksheets[0].mergeCells('A2:A3');
        workbook.addWorksheet('Ghi chú').addRow(['Mã xã', 'Tên thôn', 'Loại']).commit();
        workbook.worksheets[1].addRow(['99999', 'Không được đọc', 'thôn']);
      },
    );
    const result = await importPlaces(api, official.token, { fileName: 'gop.xlsx', contentBase64 });
    expect(result.data?.importVillagesAndVenues).toMatchObject({
      ok: true,
      villagesCreated: 2,
      rowsRead: 2,
      errors: [],
    });
    const villages = await api.sql<{ name: string }>(
      `select "name" from "village" where "commune_code" = '09801' order by "name"`,
    );
    expect(villages.map((v) => v.name)).toEqual(['Thôn Gộp Hai', 'Thôn Gộp Một']);
  });

  it('checks a whole file in a fixed number of queries, however many rows it has', async () => {
    const rows = (count: number) =>
      Array.from({ length: count }, (_, i) => ['98001', `Thôn Đếm ${i}`, 'thôn', `Nhà văn hóa Đếm ${i}`, i]);
    // One village and venue that exist, so all three lookups (communes, villages, venues) run.
    const known = ['98001', 'Thôn Đông Tảo', 'thôn', 'Nhà văn hóa thôn Đông Tảo', 150];
    const small = await xlsxBase64([PLACES_HEADER, known, ...rows(2)]);
    const large = await xlsxBase64([PLACES_HEADER, known, ...rows(300)]);
    const results: unknown[] = [];
    const smallQueries = await api.countQueries(async () => {
      results.push(await importPlaces(api, official.token, { fileName: 'a.xlsx', contentBase64: small, dryRun: true }));
    });
    const largeQueries = await api.countQueries(async () => {
      results.push(await importPlaces(api, official.token, { fileName: 'b.xlsx', contentBase64: large, dryRun: true }));
    });
    expect(results).toEqual([
      {
        data: {
          importVillagesAndVenues: expect.objectContaining({
            ok: true,
            villagesCreated: 2,
            villagesUnchanged: 1,
            venuesUnchanged: 1,
          }),
        },
      },
      {
        data: {
          importVillagesAndVenues: expect.objectContaining({
            ok: true,
            villagesCreated: 300,
            venuesCreated: 300,
            venuesUnchanged: 1,
          }),
        },
      },
    ]);
    expect(smallQueries).toBeGreaterThan(0);
    expect(largeQueries).toBe(smallQueries);
  });
});
