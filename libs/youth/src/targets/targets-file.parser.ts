/**
 * Reading a commune's targets, kept in Excel.
 *
 * - `.xlsx` (first sheet) or `.csv` (UTF-8, "," or ";" separated), at most 1 MB and 5,000 rows.
 * - The header is the first row, among the first ten, with the required columns (a title row
 *   above it is allowed). Columns are matched by name, accents, case and spacing aside:
 *     "Thôn"                   optional; a blank cell (or no such column) is the whole commune
 *     "Số người trưởng thành"  required, a whole number ("1.234" and "1,234" are read as 1234)
 *     "Chỉ tiêu (%)"           required, 1–100 ("80", "80%", or 0.8 from a cell formatted as %)
 *     "Hạn hoàn thành"         required, a day: 31/12/2025, 2025-12-31 or an Excel date
 * - Row numbers in reports are the spreadsheet's own.
 */
import { foldVietnamese } from '@hocvuso/geography';
import {
  columnsByFoldedLabel,
  type SpreadsheetCell,
  type SpreadsheetFormat,
  SpreadsheetImporter,
  type SpreadsheetRow,
} from '@hocvuso/spreadsheets';
import { parseDay } from '../youth-rules';
import { YouthError, YouthErrorCode } from '../youth.errors';

export { cellAt } from '@hocvuso/spreadsheets';

export const TARGETS_IMPORT_MAX_BYTES = 1024 * 1024;
export const TARGETS_IMPORT_MAX_ROWS = 5_000;
const HEADER_SEARCH_ROWS = 10;

export type TargetsCell = SpreadsheetCell;

export type TargetsSheetRow = SpreadsheetRow;

export enum TargetsColumn {
  VILLAGE = 'VILLAGE',
  ADULT_POPULATION = 'ADULT_POPULATION',
  TARGET_PERCENT = 'TARGET_PERCENT',
  DUE_ON = 'DUE_ON',
}

export const targetsColumnHeaders: Record<TargetsColumn, string> = {
  VILLAGE: 'Thôn',
  ADULT_POPULATION: 'Số người trưởng thành',
  TARGET_PERCENT: 'Chỉ tiêu (%)',
  DUE_ON: 'Hạn hoàn thành',
};

/** Other headers seen in commune spreadsheets, folded. */
const headerAliases: Record<TargetsColumn, string[]> = {
  VILLAGE: ['thon to dan pho', 'ten thon', 'thon ap', 'thon ban', 'don vi'],
  ADULT_POPULATION: ['dan so truong thanh', 'so nguoi lon', 'so nguoi truong thanh nguoi'],
  TARGET_PERCENT: ['chi tieu', 'ty le chi tieu', 'muc tieu', 'chi tieu phan tram'],
  DUE_ON: ['han', 'thoi han', 'han hoan thanh ngay', 'ngay hoan thanh'],
};

const REQUIRED_COLUMNS = [TargetsColumn.ADULT_POPULATION, TargetsColumn.TARGET_PERCENT, TargetsColumn.DUE_ON];

export type TargetsColumnIndex = Partial<Record<TargetsColumn, number>>;

export function targetsFileInvalid(reason: string, details: Record<string, unknown> = {}): YouthError {
  return new YouthError(YouthErrorCode.TARGETS_FILE_INVALID, { reason, ...details });
}

const targetsFile = new SpreadsheetImporter(
  { maxBytes: TARGETS_IMPORT_MAX_BYTES, maxDataRows: TARGETS_IMPORT_MAX_ROWS, headerRows: HEADER_SEARCH_ROWS },
  targetsFileInvalid,
);

export function targetsFileFormat(fileName: string): SpreadsheetFormat {
  return targetsFile.format(fileName);
}

export function decodeTargetsFile(contentBase64: string): Buffer {
  return targetsFile.decode(contentBase64);
}

const targetsColumnOf = columnsByFoldedLabel(targetsColumnHeaders, headerAliases, foldVietnamese);

/** The column positions and the data rows below the header. */
export async function readTargetsFile(
  content: Buffer,
  format: SpreadsheetFormat,
): Promise<{ columns: TargetsColumnIndex; rows: TargetsSheetRow[] }> {
  const { columns, rows } = await targetsFile.readTable(content, format, {
    columnOf: targetsColumnOf,
    headers: targetsColumnHeaders,
    required: REQUIRED_COLUMNS,
    repeatedOrder: 'first-seen',
    // Kept as it always was here: a hyperlinked cell reads as blank (the other importers read its text).
    read: { trimText: true, hyperlinkText: false },
  });
  return { columns, rows };
}

/** A whole number of people; "1.234", "1,234" and "1 234" are thousands separators. NaN otherwise. */
export function parseAdultPopulation(cell: TargetsCell): number {
  if (cell === null) return Number.NaN;
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : Number.NaN;
  const text = cell.replace(/[.,\s]/g, '');
  return /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * A whole percentage: 80, "80", "80%", "80 %"; a number strictly between 0 and 1 is a cell
 * formatted as a percentage in Excel (0.8 is 80%). NaN otherwise.
 */
export function parseTargetPercent(cell: TargetsCell): number {
  if (cell === null) return Number.NaN;
  if (typeof cell === 'number') {
    const percent = cell > 0 && cell < 1 ? Math.round(cell * 10_000) / 100 : cell;
    return Number.isInteger(percent) ? percent : Number.NaN;
  }
  const match = /^(\d{1,3})\s*%?$/.exec(cell.trim());
  return match ? Number(match[1]) : Number.NaN;
}

/** "YYYY-MM-DD" from 31/12/2025, 31-12-2025, 2025-12-31 or an Excel date; null otherwise. */
export function parseDueOn(cell: TargetsCell): string | null {
  if (cell === null || typeof cell === 'number') return null;
  const text = cell.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dayFirst) return parseDay(`${dayFirst[3]}-${dayFirst[2].padStart(2, '0')}-${dayFirst[1].padStart(2, '0')}`);
  return parseDay(text);
}
