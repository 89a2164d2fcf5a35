import { VillageKind } from '../entities/village.entity';
import { matchPlacesHeader, type PlacesCell } from './places-import.parser';
import { PlacesImportRowErrorCode, planPlacesImport } from './places-import.plan';

const header = { row: 1, cells: ['Mã xã', 'Tên thôn', 'Loại', 'Tên điểm cầu', 'Sức chứa'] };

function plan(...rows: PlacesCell[][]) {
  return planPlacesImport(
    rows.map((cells, i) => ({ row: i + 2, cells })),
    matchPlacesHeader(header),
  );
}

describe('planPlacesImport', () => {
  it('counts a village repeated for each of its venues once, and identical rows once', () => {
    const result = plan(
      ['96001', 'Thôn Đông', 'thôn', 'Nhà văn hóa thôn Đông', 120],
      ['96001', 'THÔN ĐÔNG', 'Thôn', 'Sân thôn Đông', null],
      ['96001', 'thon dong', 'THON', 'nha van hoa thon dong', '120'],
    );
    expect(result.errors).toEqual([]);
    expect(result.rowsRead).toBe(3);
    expect([...result.villages.values()]).toEqual([
      expect.objectContaining({ communeCode: '96001', name: 'Thôn Đông', kind: VillageKind.THON, rows: [2, 3, 4] }),
    ]);
    expect([...result.venues.values()].map((venue) => [venue.name, venue.capacity, venue.rows])).toEqual([
      ['Nhà văn hóa thôn Đông', 120, [2, 4]],
      ['Sân thôn Đông', null, [3]],
    ]);
  });

  it('reports every problem of a row, each in its column', () => {
    const result = plan([null, '  ', 'khu phố', 'Nhà văn hóa', '-3']);
    expect(result.errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [2, 'Mã xã', PlacesImportRowErrorCode.MISSING_VALUE],
      [2, 'Tên thôn', PlacesImportRowErrorCode.INVALID_NAME],
      [2, 'Loại', PlacesImportRowErrorCode.INVALID_KIND],
      [2, 'Sức chứa', PlacesImportRowErrorCode.INVALID_CAPACITY],
    ]);
    expect(result.errors[2].message).toBe('Loại "khu phố" không hợp lệ: ghi thôn, tổ dân phố, ấp hoặc bản.');
  });

  it('reports a capacity without a venue name', () => {
    const result = plan(['96001', 'Thôn Đông', 'thôn', null, 50]);
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'Tên điểm cầu',
        code: PlacesImportRowErrorCode.MISSING_VALUE,
        message: 'Có "Sức chứa" nhưng thiếu "Tên điểm cầu".',
      },
    ]);
  });

  it('reports a village given two kinds and a venue given two capacities, pointing at the first row', () => {
    const result = plan(
      ['96001', 'Thôn Đông', 'thôn', 'Nhà văn hóa', 100],
      ['96001', 'Thon Dong', 'bản', null, null],
      ['96001', 'Thôn Đông', 'thôn', 'NHÀ VĂN HÓA', 1200],
    );
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'Loại',
        code: PlacesImportRowErrorCode.DUPLICATE_VILLAGE_CONFLICT,
        message: '"Thôn Đông" đã ghi ở dòng 2 với loại thôn, dòng này ghi bản.',
      },
      {
        row: 4,
        column: 'Sức chứa',
        code: PlacesImportRowErrorCode.DUPLICATE_VENUE_CONFLICT,
        message: '"Nhà văn hóa" đã ghi ở dòng 2 với sức chứa 100, dòng này sức chứa 1.200.',
      },
    ]);
  });

  it('keeps the same village name apart in two communes', () => {
    const result = plan(['96001', 'Thôn 1', 'thôn'], ['96002', 'Thôn 1', 'bản']);
    expect(result.errors).toEqual([]);
    expect(result.villages.size).toBe(2);
    expect(result.communeCodeRows).toEqual([
      { row: 2, communeCode: '96001' },
      { row: 3, communeCode: '96002' },
    ]);
  });
});
