import { type CellValue, Workbook } from 'exceljs';
import {
  type CellTextOptions,
  hasValues,
  type SpreadsheetCell,
  type SpreadsheetRow,
  textCell,
} from './spreadsheet-row';
import { SpreadsheetError, SpreadsheetErrorCode } from './spreadsheet.errors';

/** The non-empty rows of the first sheet; more than `maxRows` of them is refused before reading. */
export async function readXlsxRows(
  content: Buffer,
  maxRows: number,
  options: CellTextOptions = {},
): Promise<SpreadsheetRow[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as never);
  } catch {
    throw new SpreadsheetError(SpreadsheetErrorCode.UNREADABLE_XLSX);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError(SpreadsheetErrorCode.NO_SHEET);
  if (sheet.actualRowCount > maxRows) throw new SpreadsheetError(SpreadsheetErrorCode.TOO_MANY_ROWS, { maxRows });
  const rows: SpreadsheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SpreadsheetCell[] = [];
    // Merged cells read as the master cell's value, so a code merged down a block applies to each row.
    for (let column = 1; column <= row.cellCount; column++) {
      cells.push(normaliseXlsxCell(row.getCell(column).value, options));
    }
    if (hasValues(cells)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/**
 * A cell's value as plain text or number: rich text is joined, a formula gives its cached result,
 * a date becomes "YYYY-MM-DD", blank text and error values (#N/A) become null.
 */
export function normaliseXlsxCell(value: CellValue, options: CellTextOptions = {}): SpreadsheetCell {
  if (value == null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return textCell(value, options);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return textCell(value.richText.map((part) => part.text).join(''), options);
  if ('hyperlink' in value) return options.hyperlinkText === false ? null : textCell(String(value.text), options);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result == null || typeof result === 'object') {
      return result instanceof Date ? normaliseXlsxCell(result, options) : null;
    }
    return normaliseXlsxCell(result, options);
  }
  return null;
}
