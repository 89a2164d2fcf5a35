import { readSpreadsheet } from './read-spreadsheet';
import { SpreadsheetErrorCode } from './spreadsheet.errors';

describe('readSpreadsheet', () => {
  const limits = { maxBytes: 1024, maxRows: 3 };

  it('reads the non-empty CSV rows with their line numbers, blank cells as null', async () => {
    const csv = Buffer.from('\uFEFFMã xã;Tên thôn;Loại\n\n96001; ;thôn\n', 'utf8');
    expect(await readSpreadsheet(csv, 'csv', { ...limits, csvSeparator: 'header-outside-quotes' })).toEqual([
      { row: 1, cells: ['Mã xã', 'Tên thôn', 'Loại'] },
      { row: 3, cells: ['96001', null, 'thôn'] },
    ]);
  });

  it('trims CSV text when asked to', async () => {
    const csv = Buffer.from('a , b\n', 'utf8');
    expect(await readSpreadsheet(csv, 'csv', limits)).toEqual([{ row: 1, cells: ['a ', ' b'] }]);
    expect(await readSpreadsheet(csv, 'csv', { ...limits, trimText: true })).toEqual([{ row: 1, cells: ['a', 'b'] }]);
  });

  it('refuses a file over the byte limit before reading it', async () => {
    await expect(readSpreadsheet(Buffer.alloc(1025, 'a'), 'csv', limits)).rejects.toMatchObject({
      code: SpreadsheetErrorCode.TOO_LARGE,
      details: { maxBytes: 1024 },
    });
  });

  it('counts only non-empty rows against the row limit', async () => {
    await expect(readSpreadsheet(Buffer.from('a\n\n\nb\nc\n'), 'csv', limits)).resolves.toHaveLength(3);
    await expect(readSpreadsheet(Buffer.from('a\nb\nc\nd\n'), 'csv', limits)).rejects.toMatchObject({
      code: SpreadsheetErrorCode.TOO_MANY_ROWS,
      details: { maxRows: 3 },
    });
  });
});
