import { decodeCsvText, detectCsvSeparator, parseCsv } from './csv';
import { SpreadsheetError, SpreadsheetErrorCode } from './spreadsheet.errors';

function spreadsheetErrorOf(work: () => unknown): SpreadsheetError {
  try {
    work();
  } catch (error) {
    if (error instanceof SpreadsheetError) return error;
    throw error;
  }
  throw new Error('expected a SpreadsheetError');
}

describe('parseCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n"x\ny",z,\n', ',')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['x\ny', 'z', ''],
    ]);
    expect(parseCsv('a;"b;c";"d ""e"""\r\n"f\ng";h', ';')).toEqual([
      ['a', 'b;c', 'd "e"'],
      ['f\ng', 'h'],
    ]);
  });

  it('keeps a last line without a line break, and a lone carriage return ends a line', () => {
    expect(parseCsv('a,b\rc,d', ',')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('detectCsvSeparator', () => {
  it('takes ";" only when the first line has more semicolons than commas', () => {
    for (const detection of ['header-outside-quotes', 'first-line'] as const) {
      expect(detectCsvSeparator('Mã xã;Tên thôn;Loại\n1,2,3,4', detection)).toBe(';');
      expect(detectCsvSeparator('a,b;c', detection)).toBe(',');
      expect(detectCsvSeparator('a;b,c', detection)).toBe(',');
    }
  });

  it('ignores quoted text in header-outside-quotes mode only', () => {
    expect(detectCsvSeparator('"a,b,c";d', 'header-outside-quotes')).toBe(';');
    expect(detectCsvSeparator('"a,b,c";d', 'first-line')).toBe(',');
    expect(detectCsvSeparator('"a;b;c",Tên thôn,Loại', 'header-outside-quotes')).toBe(',');
  });
});

describe('decodeCsvText', () => {
  it('strips the BOM', () => {
    expect(decodeCsvText(Buffer.from('\uFEFFMã xã;Tên thôn', 'utf8'))).toBe('Mã xã;Tên thôn');
  });

  it('refuses text that is not UTF-8, and binary content', () => {
    expect(spreadsheetErrorOf(() => decodeCsvText(Buffer.from('M\xe3 x\xe3', 'latin1'))).code).toBe(
      SpreadsheetErrorCode.NOT_UTF8,
    );
    expect(spreadsheetErrorOf(() => decodeCsvText(Buffer.from('a,b\u0000c', 'utf8'))).code).toBe(
      SpreadsheetErrorCode.BINARY_CSV,
    );
  });
});
