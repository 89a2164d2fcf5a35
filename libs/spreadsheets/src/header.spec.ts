import { columnsByFoldedLabel, findHeader, type HeaderSpec } from './header';

enum Column {
  NAME = 'NAME',
  YEAR = 'YEAR',
  PHONE = 'PHONE',
}

// A stand-in for the domain's Vietnamese folding: case and spacing aside.
const fold = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
const headers: Record<Column, string> = {
  [Column.NAME]: 'Họ và tên',
  [Column.YEAR]: 'Năm sinh',
  [Column.PHONE]: 'Số điện thoại',
};
const columnOf = columnsByFoldedLabel(headers, { [Column.PHONE]: ['sdt'] }, fold);
const spec: HeaderSpec<Column> = {
  columnOf,
  required: [Column.NAME, Column.YEAR],
  searchRows: 3,
  repeatedOrder: 'first-seen',
};
const row = (number: number, ...cells: (string | null)[]) => ({ row: number, cells });

describe('columnsByFoldedLabel', () => {
  it('finds a column by its template header or an alias, folded', () => {
    expect(columnOf('  HỌ VÀ  TÊN ')).toBe(Column.NAME);
    expect(columnOf('SDT')).toBe(Column.PHONE);
    expect(columnOf('Ghi chú')).toBeUndefined();
  });
});

describe('findHeader', () => {
  it('finds the header below title rows and where each column stands', () => {
    const match = findHeader([row(1, 'DANH SÁCH'), row(2, null, 'năm sinh', 'Họ và tên', 'sdt'), row(3, 'x')], spec);
    expect(match).toMatchObject({ at: 1, header: { row: 2 }, missing: [], repeated: undefined });
    expect(match.columns).toEqual({ YEAR: 1, NAME: 2, PHONE: 3 });
  });

  it('looks no further than the rows it may search, then reports what the first row lacks', () => {
    const rows = [row(1, 'Họ và tên'), row(2, 'a'), row(3, 'b'), row(4, 'Họ và tên', 'Năm sinh')];
    expect(findHeader(rows, spec)).toMatchObject({ at: 0, header: { row: 1 }, missing: [Column.YEAR] });
  });

  it('reports a repeated column in the order asked for', () => {
    const rows = [row(1, 'Năm sinh', 'Họ và tên', 'Họ và tên', 'Năm sinh')];
    expect(findHeader(rows, spec).repeated).toBe(Column.YEAR);
    expect(findHeader(rows, { ...spec, repeatedOrder: 'first-repeated' }).repeated).toBe(Column.NAME);
  });
});
