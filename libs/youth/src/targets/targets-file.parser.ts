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
import { parseCsv } from '@hocvuso/residents/residents-import/residents-file.parser';
import { type CellValue, Workbook } from 'exceljs';
import { parseDay } from '../youth-rules';
import { YouthError, YouthErrorCode } from '../youth.errors';

export const TARGETS_IMPORT_MAX_BYTES = 1024 * 1024;
export const TARGETS_IMPORT_MAX_ROWS = 5_000;
const HEADER_SEARCH_ROWS = 10;

export type TargetsCell = string | number | null;

export interface TargetsSheetRow {
  /** 1-based, as the spreadsheet shows it */
  row: number;
  cells: TargetsCell[];
}

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

export function targetsFileFormat(fileName: string): 'xlsx' | 'csv' {
  const extension = /\.([^.]+)$/.exec(String(fileName).trim())?.[1]?.toLowerCase();
  if (extension === 'xlsx' || extension === 'csv') return extension;
  throw targetsFileInvalid('Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).');
}

/** Base64 as a browser sends it (a data: URL is accepted); the size is checked before decoding. */
export function decodeTargetsFile(contentBase64: string): Buffer {
  const text = String(contentBase64)
    .replace(/^data:[^,]*;base64,/, '')
    .replace(/\s+/g, '');
  if (Math.floor((text.length * 3) / 4) > TARGETS_IMPORT_MAX_BYTES + 2) throw tooLarge();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) {
    throw targetsFileInvalid('Nội dung tệp không đúng mã hóa base64.');
  }
  return Buffer.from(text, 'base64');
}

const tooLarge = (): YouthError => targetsFileInvalid('Tệp lớn hơn 1 MB.', { maxBytes: TARGETS_IMPORT_MAX_BYTES });
const tooManyRows = (): YouthError =>
  targetsFileInvalid('Tệp có hơn 5.000 dòng dữ liệu.', { maxRows: TARGETS_IMPORT_MAX_ROWS });

/** The column positions and the data rows below the header. */
export async function readTargetsFile(
  content: Buffer,
  format: 'xlsx' | 'csv',
): Promise<{ columns: TargetsColumnIndex; rows: TargetsSheetRow[] }> {
  if (content.length > TARGETS_IMPORT_MAX_BYTES) throw tooLarge();
  const all = format === 'xlsx' ? await readXlsx(content) : readCsv(content);
  if (all.length === 0) throw targetsFileInvalid('Tệp trống.');
  const at = all.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => missingColumns(columnIndex(row)).length === 0);
  if (at < 0) {
    const missing = missingColumns(columnIndex(all[0])).map((column) => targetsColumnHeaders[column]);
    throw targetsFileInvalid(
      `Không tìm thấy dòng tiêu đề có đủ các cột: ${missing.map((name) => `"${name}"`).join(', ')}.`,
      { missingColumns: missing },
    );
  }
  const columns = columnIndex(all[at]);
  const repeated = Object.entries(columns).find(([, position]) => position === -1);
  if (repeated) {
    throw targetsFileInvalid(
      `Cột "${targetsColumnHeaders[repeated[0] as TargetsColumn]}" xuất hiện hai lần ở dòng tiêu đề.`,
      { row: all[at].row },
    );
  }
  const rows = all.slice(at + 1);
  if (rows.length > TARGETS_IMPORT_MAX_ROWS) throw tooManyRows();
  if (rows.length === 0) throw targetsFileInvalid('Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.');
  return { columns, rows };
}

function columnIndex(header: TargetsSheetRow): TargetsColumnIndex {
  const byFolded = new Map<string, TargetsColumn>();
  for (const column of Object.values(TargetsColumn)) {
    byFolded.set(foldVietnamese(targetsColumnHeaders[column]), column);
    for (const alias of headerAliases[column]) byFolded.set(alias, column);
  }
  const index: TargetsColumnIndex = {};
  header.cells.forEach((cell, position) => {
    const column = cell === null ? undefined : byFolded.get(foldVietnamese(String(cell)));
    if (column) index[column] = index[column] === undefined ? position : -1;
  });
  return index;
}

const missingColumns = (index: TargetsColumnIndex): TargetsColumn[] =>
  REQUIRED_COLUMNS.filter((column) => index[column] === undefined);

async function readXlsx(content: Buffer): Promise<TargetsSheetRow[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as never);
  } catch {
    throw targetsFileInvalid('Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải tệp Excel.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw targetsFileInvalid('Tệp Excel không có trang tính nào.');
  if (sheet.actualRowCount > TARGETS_IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS) throw tooManyRows();
  const rows: TargetsSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: TargetsCell[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(xlsxCell(row.getCell(column).value));
    if (cells.some((cell) => cell !== null)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function xlsxCell(value: CellValue): TargetsCell {
  if (value == null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return blankToNull(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return blankToNull(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result == null || typeof result === 'object') return result instanceof Date ? xlsxCell(result) : null;
    return xlsxCell(result);
  }
  return null;
}

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function readCsv(content: Buffer): TargetsSheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw targetsFileInvalid('Tệp CSV phải được lưu theo mã UTF-8 (trong Excel: "CSV UTF-8").');
  }
  if (text.includes('\u0000')) throw targetsFileInvalid('Tệp CSV chứa dữ liệu nhị phân: không phải tệp văn bản.');
  const firstLine = text.split(/\r?\n/, 1)[0];
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: TargetsSheetRow[] = [];
  parseCsv(text, separator).forEach((record, index) => {
    const cells = record.map(blankToNull);
    if (cells.some((cell) => cell !== null)) rows.push({ row: index + 1, cells });
  });
  if (rows.length > TARGETS_IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS) throw tooManyRows();
  return rows;
}

export function cellAt(row: TargetsSheetRow, column: number | undefined): TargetsCell {
  return column === undefined ? null : (row.cells[column] ?? null);
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
