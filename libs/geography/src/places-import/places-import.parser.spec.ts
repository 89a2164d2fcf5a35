import { VillageKind } from '../entities/village.entity';
import { GeographyError, GeographyErrorCode } from '../geography.errors';
import {
  decodeBase64File,
  matchPlacesHeader,
  parseCapacity,
  parseCommuneCode,
  parseVillageKind,
  PlacesColumn,
  placesFileFormat,
  readPlacesSheet,
} from './places-import.parser';

function placesFileError(work: () => unknown): GeographyError {
  try {
    work();
  } catch (error) {
    if (error instanceof GeographyError) return error;
    throw error;
  }
  throw new Error('expected a GeographyError');
}

describe('matchPlacesHeader', () => {
  it('finds the columns whatever their accents, case, spacing and order', () => {
    const columns = matchPlacesHeader({
      row: 1,
      cells: ['STT', ' SỨC CHỨA ', 'ten diem cau', 'LOẠI', 'Tên  thôn', 'mã xã'.normalize('NFD')],
    });
    expect(columns).toEqual({
      [PlacesColumn.VENUE_CAPACITY]: 1,
      [PlacesColumn.VENUE_NAME]: 2,
      [PlacesColumn.VILLAGE_KIND]: 3,
      [PlacesColumn.VILLAGE_NAME]: 4,
      [PlacesColumn.COMMUNE_CODE]: 5,
    });
  });

  it('does not need the optional venue columns', () => {
    expect(matchPlacesHeader({ row: 1, cells: ['Mã xã', 'Tên thôn', 'Loại'] })).toEqual({
      [PlacesColumn.COMMUNE_CODE]: 0,
      [PlacesColumn.VILLAGE_NAME]: 1,
      [PlacesColumn.VILLAGE_KIND]: 2,
    });
  });

  it('refuses a header without a required column and names the missing ones', () => {
    const error = placesFileError(() => matchPlacesHeader({ row: 1, cells: ['Mã xã', 'Tên điểm cầu', null] }));
    expect(error.code).toBe(GeographyErrorCode.PLACES_FILE_INVALID);
    expect(error.details.missingColumns).toEqual(['Tên thôn', 'Loại']);
    expect(error.details.reason).toContain('"Tên thôn", "Loại"');
  });

  it('refuses a column given twice', () => {
    const error = placesFileError(() => matchPlacesHeader({ row: 1, cells: ['Mã xã', 'Tên thôn', 'Loại', 'LOAI'] }));
    expect(error.details.reason).toContain('"Loại" xuất hiện hai lần');
  });
});

describe('parseVillageKind', () => {
  it.each([
    ['thôn', VillageKind.THON],
    ['Thôn', VillageKind.THON],
    ['THON', VillageKind.THON],
    ['Tổ dân phố', VillageKind.TO_DAN_PHO],
    ['to  dan-pho', VillageKind.TO_DAN_PHO],
    ['TDP', VillageKind.TO_DAN_PHO],
    ['TO_DAN_PHO', VillageKind.TO_DAN_PHO],
    ['Ấp', VillageKind.AP],
    ['bản'.normalize('NFD'), VillageKind.BAN],
    [' BẢN ', VillageKind.BAN],
  ])('reads %p as %p', (text, kind) => {
    expect(parseVillageKind(text)).toBe(kind);
  });

  it.each(['khu phố', 'xóm', 'thôn xóm', ''])('rejects %p', (text) => {
    expect(parseVillageKind(text)).toBeNull();
  });
});

describe('cell values', () => {
  it('gives commune codes back the leading zeros Excel drops', () => {
    expect(parseCommuneCode('96001')).toBe('96001');
    expect(parseCommuneCode(4)).toBe('00004');
    expect(parseCommuneCode(' 0004 ')).toBe('00004');
    expect(parseCommuneCode('960011')).toBeNull();
    expect(parseCommuneCode('96-001')).toBeNull();
    expect(parseCommuneCode(96001.5)).toBeNull();
  });

  it('reads capacities as whole numbers, with Vietnamese thousands grouping', () => {
    expect(parseCapacity(null)).toBeNull();
    expect(parseCapacity(120)).toBe(120);
    expect(parseCapacity(' 120 ')).toBe(120);
    expect(parseCapacity('1.200')).toBe(1200);
    expect(parseCapacity('1 200')).toBe(1200);
    expect(parseCapacity('1,5')).toBeNaN();
    expect(parseCapacity('nhiều')).toBeNaN();
    expect(parseCapacity('12.00')).toBeNaN();
  });
});

describe('CSV reading', () => {
  it('strips the BOM and keeps the row numbers of the file', async () => {
    const csv = Buffer.from('\uFEFFMã xã;Tên thôn;Loại\n\n96001;Thôn Đông;thôn\n', 'utf8');
    const rows = await readPlacesSheet(csv, 'csv');
    expect(rows).toEqual([
      { row: 1, cells: ['Mã xã', 'Tên thôn', 'Loại'] },
      { row: 3, cells: ['96001', 'Thôn Đông', 'thôn'] },
    ]);
  });

  it('refuses text that is not UTF-8', async () => {
    const latin1 = Buffer.from('M\xe3 x\xe3,T\xean th\xf4n\n', 'latin1');
    await expect(readPlacesSheet(latin1, 'csv')).rejects.toMatchObject({
      code: GeographyErrorCode.PLACES_FILE_INVALID,
      details: { reason: expect.stringContaining('UTF-8') },
    });
  });
});

describe('file format and content', () => {
  it('takes the format from the extension, case aside', () => {
    expect(placesFileFormat('Danh sach thon.XLSX')).toBe('xlsx');
    expect(placesFileFormat('thon.csv')).toBe('csv');
    for (const name of ['thon.xls', 'thon.pdf', 'thon', 'xlsx']) {
      expect(placesFileError(() => placesFileFormat(name)).code).toBe(GeographyErrorCode.PLACES_FILE_INVALID);
    }
  });

  it('decodes base64 and data URLs, and refuses anything else', () => {
    expect(decodeBase64File(Buffer.from('xin chào').toString('base64')).toString()).toBe('xin chào');
    expect(decodeBase64File('data:text/csv;base64,YWJj').toString()).toBe('abc');
    expect(placesFileError(() => decodeBase64File('không phải base64')).code).toBe(
      GeographyErrorCode.PLACES_FILE_INVALID,
    );
  });

  it('refuses more than 5 MB before decoding it', () => {
    const error = placesFileError(() => decodeBase64File('A'.repeat(7_000_004)));
    expect(error.details.reason).toContain('5 MB');
  });
});
