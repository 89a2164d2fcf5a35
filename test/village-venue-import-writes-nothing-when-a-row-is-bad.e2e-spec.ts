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
const COMMUNES = ['98003', '98004'];

describe('importing a villages-and-venues file with problems', () => {
  let api: ApiHarness;
  let official: TestActor;

  beforeAll(async () => {
    api = await ApiHarness.start();
    await insertTestCommunes(api, PROVINCE, COMMUNES);
    official = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province(PROVINCE)]]);
    const seeded = await importPlaces(api, official.token, {
      fileName: 'seed.csv',
      contentBase64: textBase64(
        'Mã xã,Tên thôn,Loại,Tên điểm cầu,Sức chứa\n98003,Thôn Cũ,thôn,Nhà văn hóa thôn Cũ,100\n98004,Tổ dân phố 1,tổ dân phố,,\n',
      ),
    });
    expect(seeded.data?.importVillagesAndVenues).toMatchObject({ ok: true, villagesCreated: 2, venuesCreated: 1 });
  });

  afterAll(async () => {
    await removeTestPlaces(api, PROVINCE, COMMUNES);
    await api.close();
  });

  it('reports every bad row with its number, column and reason, and writes none of the good ones', async () => {
    const contentBase64 = await xlsxBase64([
      PLACES_HEADER,
      ['98003', 'Thôn Mới Hợp Lệ', 'thôn', 'Nhà văn hóa thôn Mới', 60], // row 2: fine on its own
      ['98099', 'Thôn Lạ', 'thôn', null, null], // 3: unknown commune
      ['98003', null, 'thôn', null, null], // 4: missing village name
      ['98003', 'Thôn Sai Loại', 'khu phố', null, null], // 5: unknown kind
      ['98003', 'Thôn Sức Chứa', 'thôn', 'Hội trường', 'nhiều'], // 6: capacity not a number
      ['98004', 'Tổ dân phố 1', 'bản', null, null], // 7: exists as tổ dân phố
      ['98003', 'Thôn Cũ', 'thôn', 'NHÀ VĂN HÓA THÔN CŨ', 80], // 8: venue exists with 100 seats
      ['98004', 'Thôn Đôi', 'thôn', null, null], // 9
      ['98004', 'Thôn Đôi', 'ấp', null, null], // 10: same village, other kind
      ['98004', 'Thôn Đôi', 'thôn', 'Điểm cầu Đôi', 30], // 11
      ['98004', 'Thôn Đôi', 'thôn', 'Điểm cầu Đôi', 35], // 12: same venue, other capacity
      ['98004', 'Thôn Đôi', 'thôn', 'Điểm cầu Đôi', 30], // 13: identical duplicate of 11, fine
      ['9800x', '!!!', 'thôn', null, -1], // 14: bad code, bad name, bad capacity, capacity without venue
    ]);
    const before = await countPlaces(api, COMMUNES);

    const result = await importPlaces(api, official.token, { fileName: 'loi.xlsx', contentBase64 });

    expect(result.errors).toBeUndefined();
    const report = result.data!.importVillagesAndVenues;
    expect(report).toMatchObject({ ok: false, villagesCreated: 0, venuesCreated: 0, rowsRead: 13 });
    expect(report.errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [3, 'Mã xã', 'COMMUNE_NOT_FOUND'],
      [4, 'Tên thôn', 'MISSING_VALUE'],
      [5, 'Loại', 'INVALID_KIND'],
      [6, 'Sức chứa', 'INVALID_CAPACITY'],
      [7, 'Loại', 'VILLAGE_KIND_MISMATCH'],
      [8, 'Sức chứa', 'VENUE_CAPACITY_MISMATCH'],
      [10, 'Loại', 'DUPLICATE_VILLAGE_CONFLICT'],
      [12, 'Sức chứa', 'DUPLICATE_VENUE_CONFLICT'],
      [14, 'Mã xã', 'INVALID_COMMUNE_CODE'],
      [14, 'Tên thôn', 'INVALID_NAME'],
      [14, 'Sức chứa', 'INVALID_CAPACITY'],
      [14, 'Tên điểm cầu', 'MISSING_VALUE'],
    ]);
    const messages = Object.fromEntries(report.errors.map((error) => [`${error.row} ${error.code}`, error.message]));
    expect(messages['3 COMMUNE_NOT_FOUND']).toBe('Không có xã/phường/đặc khu nào mang mã 98099.');
    expect(messages['4 MISSING_VALUE']).toBe('Thiếu "Tên thôn".');
    expect(messages['7 VILLAGE_KIND_MISMATCH']).toBe('Xã 98004 đã có "Tổ dân phố 1" là tổ dân phố, dòng này ghi bản.');
    expect(messages['8 VENUE_CAPACITY_MISMATCH']).toBe(
      '"Thôn Cũ" đã có điểm cầu "Nhà văn hóa thôn Cũ" với sức chứa 100, dòng này sức chứa 80.',
    );
    expect(messages['10 DUPLICATE_VILLAGE_CONFLICT']).toBe(
      '"Thôn Đôi" đã ghi ở dòng 9 với loại thôn, dòng này ghi ấp.',
    );
    expect(messages['12 DUPLICATE_VENUE_CONFLICT']).toBe(
      '"Điểm cầu Đôi" đã ghi ở dòng 11 với sức chứa 30, dòng này sức chứa 35.',
    );

    expect(await countPlaces(api, COMMUNES)).toEqual(before);
    const [untouched] = await api.sql<{ capacity: number }>(
      `select v."capacity" from "venue" v join "village" t on t."id" = v."village_id" where t."commune_code" = '98003' and v."search_text" = 'nha van hoa thon cu'`,
    );
    expect(untouched.capacity).toBe(100);
  });

  it('validates and counts on a dry run without writing anything', async () => {
    const contentBase64 = await xlsxBase64([
      PLACES_HEADER,
      ['98003', 'Thôn Thử', 'thôn', 'Nhà văn hóa thôn Thử', 50],
      ['98003', 'Thôn Cũ', 'thôn', 'Nhà văn hóa thôn Cũ', 100],
    ]);
    const before = await countPlaces(api, COMMUNES);

    const result = await importPlaces(api, official.token, { fileName: 'thu.xlsx', contentBase64, dryRun: true });

    expect(result.data?.importVillagesAndVenues).toEqual({
      ok: true,
      villagesCreated: 1,
      villagesUnchanged: 1,
      venuesCreated: 1,
      venuesUnchanged: 1,
      rowsRead: 2,
      errors: [],
    });
    expect(await countPlaces(api, COMMUNES)).toEqual(before);
    expect(await api.sql(`select 1 from "village" where "search_text" = 'thon thu'`)).toEqual([]);
  });

  it.each([
    [
      'a file that is not a spreadsheet',
      'bien-ban.pdf',
      textBase64('%PDF-1.7 ...'),
      'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).',
    ],
    ['an old .xls workbook', 'thon.xls', textBase64('whatever'), 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).'],
    [
      'a file named .xlsx that is not one',
      'thon.xlsx',
      textBase64('Mã xã,Tên thôn,Loại\n'),
      'Không đọc được tệp Excel',
    ],
    [
      'a CSV that is not UTF-8',
      'thon.csv',
      Buffer.from('M\xe3 x\xe3,T\xean th\xf4n,Lo\xe1i\n', 'latin1').toString('base64'),
      'UTF-8',
    ],
    [
      'a header without the required columns',
      'thon.csv',
      textBase64('Xã,Thôn\n98003,Thôn A\n'),
      'thiếu cột: "Mã xã", "Tên thôn", "Loại"',
    ],
    ['a header and no data', 'thon.csv', textBase64('Mã xã,Tên thôn,Loại\n'), 'không có dòng dữ liệu nào'],
    ['content that is not base64', 'thon.csv', '***', 'base64'],
  ])('rejects %s as PLACES_FILE_INVALID with a reason', async (_case, fileName, contentBase64, reason) => {
    const before = await countPlaces(api, COMMUNES);
    const result = await importPlaces(api, official.token, { fileName, contentBase64 });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toBe('Tệp danh sách thôn và điểm cầu không hợp lệ.');
    expect(result.errors![0].extensions?.code).toBe('PLACES_FILE_INVALID');
    expect(String(result.errors![0].extensions?.details?.reason)).toContain(reason);
    expect(await countPlaces(api, COMMUNES)).toEqual(before);
  });

  it('rejects a file of more than 20,000 data rows', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `98003;Thôn ${i};thôn`);
    const csv = ['Mã xã;Tên thôn;Loại', ...rows].join('\n');
    const result = await importPlaces(api, official.token, { fileName: 'lon.csv', contentBase64: textBase64(csv) });
    expect(result.errors?.[0].extensions?.code).toBe('PLACES_FILE_INVALID');
    expect(String(result.errors?.[0].extensions?.details?.reason)).toContain('20.000');
  });

  it('rejects a file of more than 5 MB', async () => {
    const csv = 'Mã xã;Tên thôn;Loại\n' + '98003;Thôn A;thôn\n'.repeat(320_000);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(5 * 1024 * 1024);
    const result = await importPlaces(api, official.token, { fileName: 'lon.csv', contentBase64: textBase64(csv) });
    expect(result.errors?.[0].extensions?.code).toBe('PLACES_FILE_INVALID');
    expect(String(result.errors?.[0].extensions?.details?.reason)).toContain('5 MB');
  });
});
