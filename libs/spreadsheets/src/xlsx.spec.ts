import { Workbook } from 'exceljs';
import { SpreadsheetErrorCode } from './spreadsheet.errors';
import { normaliseXlsxCell, readXlsxRows } from './xlsx';

async function workbookBytes(fill: (workbook: Workbook) => void): Promise<Buffer> {
  const workbook = new Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('normaliseXlsxCell', () => {
  it('keeps numbers, and reads booleans and dates as text', () => {
    expect(normaliseXlsxCell(1001)).toBe(1001);
    expect(normaliseXlsxCell(true)).toBe('true');
    expect(normaliseXlsxCell(new Date(Date.UTC(2025, 11, 31)))).toBe('2025-12-31');
  });

  it('reads blanks, blank text and error values as empty', () => {
    expect(normaliseXlsxCell(null)).toBeNull();
    expect(normaliseXlsxCell('   ')).toBeNull();
    expect(normaliseXlsxCell({ error: '#N/A' })).toBeNull();
  });

  it('joins rich text and reads a formula as its cached result', () => {
    expect(normaliseXlsxCell({ richText: [{ text: 'Thôn ' }, { text: 'Đông' }] })).toBe('Thôn Đông');
    expect(normaliseXlsxCell({ formula: 'A1+1', result: 42 })).toBe(42);
    expect(normaliseXlsxCell({ formula: 'TODAY()', result: new Date(Date.UTC(2025, 0, 2)) })).toBe('2025-01-02');
    expect(normaliseXlsxCell({ formula: 'A1', result: undefined })).toBeNull();
  });

  it('keeps text as typed unless asked to trim it', () => {
    expect(normaliseXlsxCell(' Đông ')).toBe(' Đông ');
    expect(normaliseXlsxCell(' Đông ', { trimText: true })).toBe('Đông');
    expect(normaliseXlsxCell({ formula: 'A1', result: ' Tây ' }, { trimText: true })).toBe('Tây');
  });

  it('reads a hyperlink as its text unless told to leave it blank', () => {
    const link = { text: 'Thôn Đông', hyperlink: 'https://example.vn' };
    expect(normaliseXlsxCell(link)).toBe('Thôn Đông');
    expect(normaliseXlsxCell(link, { hyperlinkText: false })).toBeNull();
  });
});

describe('readXlsxRows', () => {
  it('reads the first sheet, skips empty rows and keeps the sheet row numbers', async () => {
    const content = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Danh sách');
      sheet.getCell('A1').value = 'Mã xã';
      sheet.getCell('B1').value = 'Tên thôn';
      sheet.getCell('A2').value = '   ';
      sheet.getCell('A3').value = 1001;
      sheet.getCell('B3').value = 'Thôn Đông';
      workbook.addWorksheet('Ghi chú').getCell('A1').value = 'not read';
    });
    expect(await readXlsxRows(content, 10)).toEqual([
      { row: 1, cells: ['Mã xã', 'Tên thôn'] },
      { row: 3, cells: [1001, 'Thôn Đông'] },
    ]);
  });

  it('refuses a sheet with more rows than allowed before reading them', async () => {
    const content = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Danh sách');
      for (let row = 1; row <= 4; row++) sheet.getCell(`A${row}`).value = row;
    });
    await expect(readXlsxRows(content, 3)).rejects.toMatchObject({
      code: SpreadsheetErrorCode.TOO_MANY_ROWS,
      details: { maxRows: 3 },
    });
  });

  it('refuses a workbook without sheets and bytes that are not a workbook', async () => {
    const empty = await workbookBytes(() => undefined);
    await expect(readXlsxRows(empty, 10)).rejects.toMatchObject({ code: SpreadsheetErrorCode.NO_SHEET });
    await expect(readXlsxRows(Buffer.from('không phải Excel'), 10)).rejects.toMatchObject({
      code: SpreadsheetErrorCode.UNREADABLE_XLSX,
    });
  });
});
