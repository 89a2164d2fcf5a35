/**
 * Reading a commune's list of residents, kept in Excel.
 *
 * - `.xlsx` (first sheet) or `.csv` (UTF-8, with or without BOM, "," or ";" separated).
 * - The header is the first row, among the first ten non-empty ones, that has the required
 *   columns (a title row above it is allowed). Columns are matched by name, accents, case and
 *   spacing aside, in any order; other columns are ignored:
 *     "Họ và tên"      required
 *     "Năm sinh"       required, e.g. 1958 (a full date such as 12/03/1958 gives its year)
 *     "Giới tính"      Nam / Nữ / Khác, optional
 *     "Thôn"           required, the name of a village of the commune
 *     "Số điện thoại"  optional; Excel's dropped leading zero is restored
 *     "Số CCCD"        optional, 12 digits; Excel's dropped leading zeros are restored
 * - At most 5 MB and 20,000 data rows. Row numbers in reports are the spreadsheet's own.
 */
import { foldVietnamese } from '@hocvuso/geography';
import {
  columnsByFoldedLabel,
  type SpreadsheetCell,
  type SpreadsheetFormat,
  SpreadsheetImporter,
  type SpreadsheetRow,
} from '@hocvuso/spreadsheets';
import { Gender } from '../entities';
import { ResidentsError, ResidentsErrorCode } from '../residents.errors';

export { cellAt } from '@hocvuso/spreadsheets';

export const RESIDENTS_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const RESIDENTS_IMPORT_MAX_ROWS = 20_000;
const HEADER_SEARCH_ROWS = 10;

export type ResidentsCell = SpreadsheetCell;

export type ResidentsSheetRow = SpreadsheetRow;

export enum ResidentsColumn {
  FULL_NAME = 'FULL_NAME',
  BIRTH_YEAR = 'BIRTH_YEAR',
  GENDER = 'GENDER',
  VILLAGE = 'VILLAGE',
  PHONE = 'PHONE',
  CITIZEN_ID = 'CITIZEN_ID',
}

export const residentsColumnHeaders: Record<ResidentsColumn, string> = {
  FULL_NAME: 'Họ và tên',
  BIRTH_YEAR: 'Năm sinh',
  GENDER: 'Giới tính',
  VILLAGE: 'Thôn',
  PHONE: 'Số điện thoại',
  CITIZEN_ID: 'Số CCCD',
};

/** Other headers seen in commune spreadsheets, folded. */
const headerAliases: Record<ResidentsColumn, string[]> = {
  FULL_NAME: ['ho ten', 'ho va ten nguoi dan'],
  BIRTH_YEAR: ['nam sinh', 'ngay sinh', 'ngay thang nam sinh'],
  GENDER: ['gioi tinh'],
  VILLAGE: ['thon to dan pho', 'thon to', 'thon ap', 'thon ban', 'ten thon'],
  PHONE: ['dien thoai', 'sdt', 'so dt'],
  CITIZEN_ID: ['cccd', 'so can cuoc', 'so can cuoc cong dan', 'so dinh danh', 'so dinh danh ca nhan'],
};

const REQUIRED_COLUMNS = [ResidentsColumn.FULL_NAME, ResidentsColumn.BIRTH_YEAR, ResidentsColumn.VILLAGE];

export type ResidentsColumnIndex = Partial<Record<ResidentsColumn, number>>;

const gendersByFoldedName: Record<string, Gender> = {
  nam: Gender.MALE,
  nu: Gender.FEMALE,
  khac: Gender.OTHER,
};

export function fileInvalid(reason: string, details: Record<string, unknown> = {}): ResidentsError {
  return new ResidentsError(ResidentsErrorCode.RESIDENTS_FILE_INVALID, { reason, ...details });
}

const residentsFile = new SpreadsheetImporter(
  { maxBytes: RESIDENTS_IMPORT_MAX_BYTES, maxDataRows: RESIDENTS_IMPORT_MAX_ROWS, headerRows: HEADER_SEARCH_ROWS },
  fileInvalid,
);

export function residentsFileFormat(fileName: string): SpreadsheetFormat {
  return residentsFile.format(fileName);
}

export function decodeResidentsFile(contentBase64: string): Buffer {
  return residentsFile.decode(contentBase64);
}

const residentsColumnOf = columnsByFoldedLabel(residentsColumnHeaders, headerAliases, foldVietnamese);

/** The header row, where each column is, and the data rows below it. */
export function readResidentsFile(
  content: Buffer,
  format: SpreadsheetFormat,
): Promise<{ header: ResidentsSheetRow; columns: ResidentsColumnIndex; rows: ResidentsSheetRow[] }> {
  return residentsFile.readTable(content, format, {
    columnOf: residentsColumnOf,
    headers: residentsColumnHeaders,
    required: REQUIRED_COLUMNS,
    repeatedOrder: 'first-seen',
  });
}

/** A year, from 1958, "1958", "12/03/1958" or an Excel date; NaN when there is none. */
export function parseBirthYear(cell: ResidentsCell): number {
  if (cell === null) return Number.NaN;
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : Number.NaN;
  const text = cell.trim();
  if (/^\d{4}$/.test(text)) return Number(text);
  const date = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!date) return Number.NaN;
  return Number(date[3].length === 4 ? date[3] : date[1]);
}

/** Gender, null when the cell is empty, undefined when it says something else. */
export function parseGender(cell: ResidentsCell): Gender | null | undefined {
  if (cell === null) return null;
  return gendersByFoldedName[foldVietnamese(String(cell))];
}

/** Phone text; a number lost its leading 0 in Excel (912345678 → "0912345678"). */
export function phoneText(cell: ResidentsCell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell).padStart(10, '0') : '';
  return cell;
}

/** Citizen id text; a number lost its leading zeros in Excel (1203012345 → "001203012345"). */
export function citizenIdText(cell: ResidentsCell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell).padStart(12, '0') : '';
  return cell;
}
