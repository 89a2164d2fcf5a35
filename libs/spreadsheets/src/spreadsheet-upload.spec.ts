import { decodeBase64Spreadsheet, spreadsheetFormat } from './spreadsheet-upload';
import { SpreadsheetError, SpreadsheetErrorCode } from './spreadsheet.errors';

function codeOf(work: () => unknown): SpreadsheetErrorCode {
  try {
    work();
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.code;
    throw error;
  }
  throw new Error('expected a SpreadsheetError');
}

describe('spreadsheetFormat', () => {
  it('takes the format from the extension, case aside, and refuses others', () => {
    expect(spreadsheetFormat('Danh sach thon.XLSX')).toBe('xlsx');
    expect(spreadsheetFormat(' thon.csv ')).toBe('csv');
    for (const name of ['thon.xls', 'thon.pdf', 'thon', 'xlsx']) {
      expect(codeOf(() => spreadsheetFormat(name))).toBe(SpreadsheetErrorCode.UNSUPPORTED_FORMAT);
    }
  });
});

describe('decodeBase64Spreadsheet', () => {
  it('decodes base64 and data URLs, line breaks aside', () => {
    expect(decodeBase64Spreadsheet(Buffer.from('xin chào').toString('base64'), 100).toString()).toBe('xin chào');
    expect(decodeBase64Spreadsheet('data:text/csv;base64,YW\nJj', 100).toString()).toBe('abc');
  });

  it('refuses text that is not base64', () => {
    expect(codeOf(() => decodeBase64Spreadsheet('không phải base64', 100))).toBe(SpreadsheetErrorCode.BAD_BASE64);
    expect(codeOf(() => decodeBase64Spreadsheet('QUJDR', 100))).toBe(SpreadsheetErrorCode.BAD_BASE64);
  });

  it('refuses more than the byte limit before decoding, even if it is not base64', () => {
    expect(codeOf(() => decodeBase64Spreadsheet('@'.repeat(140), 100))).toBe(SpreadsheetErrorCode.TOO_LARGE);
    expect(decodeBase64Spreadsheet('A'.repeat(136), 100)).toHaveLength(102);
  });
});
