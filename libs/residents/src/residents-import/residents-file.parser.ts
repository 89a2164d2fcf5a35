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
import { type CellValue, Workbook } from 'exceljs';
import { Gender } from '../entities';
import { ResidentsError, ResidentsErrorCode } from '../residents.errors';

export const RESIDENTS_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const RESIDENTS_IMPORT_MAX_ROWS = 20_000;
const HEADER_SEARCH_ROWS = 10;

export type ResidentsCell = string | number | null;

export interface ResidentsSheetRow {
  /** 1-based, as the spreadsheet shows it */
  row: number;
  cells: ResidentsCell[];
}

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

export function residentsFileFormat(fileName: string): 'xlsx' | 'csv' {
  const extension = /\.([^.]+)$/.exec(String(fileName).trim())?.[1]?.toLowerCase();
  if (extension === 'xlsx' || extension === 'csv') return extension;
  throw fileInvalid('Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).');
}

/** Base64 as a browser sends it (a data: URL is accepted); the size is checked before decoding. */
export function decodeResidentsFile(contentBase64: string): Buffer {
  const text = String(contentBase64)
    .replace(/^data:[^,]*;base64,/, '')
    .replace(/\s+/g, '');
  if (Math.floor((text.length * 3) / 4) > RESIDENTS_IMPORT_MAX_BYTES + 2) throw tooLarge();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1)
    throw fileInvalid('Nội dung tệp không đúng mã hóa base64.');
  return Buffer.from(text, 'base64');
}

function tooLarge(): ResidentsError {
  return fileInvalid('Tệp lớn hơn 5 MB.', { maxBytes: RESIDENTS_IMPORT_MAX_BYTES });
}

function tooManyRows(): ResidentsError {
  return fileInvalid('Tệp có hơn 20.000 dòng dữ liệu: hãy chia thành nhiều tệp.', {
    maxRows: RESIDENTS_IMPORT_MAX_ROWS,
  });
}

/** The header row, where each column is, and the data rows below it. */
export async function readResidentsFile(
  content: Buffer,
  format: 'xlsx' | 'csv',
): Promise<{ header: ResidentsSheetRow; columns: ResidentsColumnIndex; rows: ResidentsSheetRow[] }> {
  if (content.length > RESIDENTS_IMPORT_MAX_BYTES) throw tooLarge();
  const all = format === 'xlsx' ? await readXlsx(content) : readCsv(content);
  if (all.length === 0) throw fileInvalid('Tệp trống.');
  const at = all.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => missingColumns(columnIndex(row)).length === 0);
  if (at < 0) {
    const missing = missingColumns(columnIndex(all[0])).map((column) => residentsColumnHeaders[column]);
    throw fileInvalid(`Không tìm thấy dòng tiêu đề có đủ các cột: ${missing.map((name) => `"${name}"`).join(', ')}.`, {
      missingColumns: missing,
    });
  }
  const header = all[at];
  const rows = all.slice(at + 1);
  if (rows.length > RESIDENTS_IMPORT_MAX_ROWS) throw tooManyRows();
  if (rows.length === 0) throw fileInvalid('Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.');
  const columns = columnIndex(header);
  const repeated = Object.entries(columns).find(([, position]) => position === -1);
  if (repeated) {
    throw fileInvalid(
      `Cột "${residentsColumnHeaders[repeated[0] as ResidentsColumn]}" xuất hiện hai lần ở dòng tiêu đề.`,
      { row: header.row },
    );
  }
  return { header, columns, rows };
}

/** Column positions; -1 marks a column that appears twice. */
function columnIndex(header: ResidentsSheetRow): ResidentsColumnIndex {
  const byFolded = new Map<string, ResidentsColumn>();
  for (const column of Object.values(ResidentsColumn)) {
    byFolded.set(foldVietnamese(residentsColumnHeaders[column]), column);
    for (const alias of headerAliases[column]) byFolded.set(alias, column);
  }
  const index: ResidentsColumnIndex = {};
  header.cells.forEach((cell, position) => {
    const column = cell === null ? undefined : byFolded.get(foldVietnamese(String(cell)));
    if (column) index[column] = index[column] === undefined ? position : -1;
  });
  return index;
}

function missingColumns(index: ResidentsColumnIndex): ResidentsColumn[] {
  return REQUIRED_COLUMNS.filter((column) => index[column] === undefined);
}

async function readXlsx(content: Buffer): Promise<ResidentsSheetRow[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as never);
  } catch {
    throw fileInvalid('Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải tệp Excel.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileInvalid('Tệp Excel không có trang tính nào.');
  if (sheet.actualRowCount > RESIDENTS_IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS) throw tooManyRows();
  const rows: ResidentsSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: ResidentsCell[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(xlsxCell(row.getCell(column).value));
    if (cells.some((cell) => cell !== null)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function xlsxCell(value: CellValue): ResidentsCell {
  if (value == null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return blankToNull(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return blankToNull(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return blankToNull(String(value.text));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result == null || typeof result === 'object') return result instanceof Date ? xlsxCell(result) : null;
    return xlsxCell(result);
  }
  return null;
}

function blankToNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}

function readCsv(content: Buffer): ResidentsSheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw fileInvalid('Tệp CSV phải được lưu theo mã UTF-8 (trong Excel: "CSV UTF-8").');
  }
  if (text.includes('\u0000')) throw fileInvalid('Tệp CSV chứa dữ liệu nhị phân: không phải tệp văn bản.');
  const firstLine = text.split(/\r?\n/, 1)[0];
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: ResidentsSheetRow[] = [];
  parseCsv(text, separator).forEach((record, index) => {
    const cells = record.map(blankToNull);
    if (cells.some((cell) => cell !== null)) rows.push({ row: index + 1, cells });
  });
  if (rows.length > RESIDENTS_IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS) throw tooManyRows();
  return rows;
}

/** RFC 4180 records: quoted fields may hold separators, "" and line breaks. */
export function parseCsv(text: string, separator: ',' | ';'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === separator) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export function cellAt(row: ResidentsSheetRow, column: number | undefined): ResidentsCell {
  return column === undefined ? null : (row.cells[column] ?? null);
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
