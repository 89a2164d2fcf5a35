import { type CsvSeparatorDetection, decodeCsvText, detectCsvSeparator, parseCsv } from './csv';
import { type CellTextOptions, hasValues, type SpreadsheetRow, textCell } from './spreadsheet-row';
import type { SpreadsheetFormat } from './spreadsheet-upload';
import { SpreadsheetError, SpreadsheetErrorCode } from './spreadsheet.errors';
import { readXlsxRows } from './xlsx';

export interface SpreadsheetReadOptions extends CellTextOptions {
  maxBytes: number;
  /** the most non-empty rows the file may have, header and any title rows included */
  maxRows: number;
  /** default `first-line` */
  csvSeparator?: CsvSeparatorDetection;
}

/**
 * The non-empty rows of a `.xlsx` file (its first sheet) or a UTF-8 `.csv` file, each with the
 * row number the spreadsheet shows, so that reports point users at the right line.
 */
export async function readSpreadsheet(
  content: Buffer,
  format: SpreadsheetFormat,
  options: SpreadsheetReadOptions,
): Promise<SpreadsheetRow[]> {
  if (content.length > options.maxBytes) {
    throw new SpreadsheetError(SpreadsheetErrorCode.TOO_LARGE, { maxBytes: options.maxBytes });
  }
  const rows =
    format === 'xlsx' ? await readXlsxRows(content, options.maxRows, options) : readCsvRows(content, options);
  if (rows.length > options.maxRows) {
    throw new SpreadsheetError(SpreadsheetErrorCode.TOO_MANY_ROWS, { maxRows: options.maxRows });
  }
  return rows;
}

function readCsvRows(content: Buffer, options: SpreadsheetReadOptions): SpreadsheetRow[] {
  const text = decodeCsvText(content);
  const separator = detectCsvSeparator(text, options.csvSeparator ?? 'first-line');
  const rows: SpreadsheetRow[] = [];
  parseCsv(text, separator).forEach((record, index) => {
    const cells = record.map((field) => textCell(field, options));
    if (hasValues(cells)) rows.push({ row: index + 1, cells });
  });
  return rows;
}
