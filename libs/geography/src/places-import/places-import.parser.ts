/**
 * Reading the villages-and-venues file that commune officials keep in Excel.
 *
 * File layout:
 * - `.xlsx` (the first sheet is read) or `.csv` (UTF-8 with or without BOM, separated by commas
 *   or semicolons — Excel in Vietnamese locale saves ";"). Anything else is refused.
 * - The first non-empty row is the header. Columns are found by name, accents, case and spacing
 *   aside, in any order; other columns are ignored:
 *     "Mã xã"         5-digit commune code (required; Excel's dropped leading zeros are restored)
 *     "Tên thôn"      village name (required)
 *     "Loại"          thôn | tổ dân phố | ấp | bản (required; "tdp" is accepted)
 *     "Tên điểm cầu"  venue name, e.g. "Nhà văn hóa thôn Đông" (optional)
 *     "Sức chứa"      venue seats, a whole number (optional; "1.200" reads as 1200)
 * - One row is a village, optionally with one venue in it. A village may repeat on several rows,
 *   one per venue. Empty rows are skipped. Row numbers in reports are the spreadsheet's own.
 * - At most 5 MB and 20,000 data rows.
 */
import { Workbook, type CellValue } from 'exceljs';
import { VillageKind } from '../entities/village.entity';
import { GeographyError, GeographyErrorCode } from '../geography.errors';
import { foldVietnamese } from '../text/fold';

export const PLACES_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const PLACES_IMPORT_MAX_ROWS = 20_000;

export type PlacesFileFormat = 'xlsx' | 'csv';

/** A cell as read: numbers stay numbers (codes and capacities typed as numbers in Excel). */
export type PlacesCell = string | number | null;

export interface PlacesSheetRow {
  /** 1-based row number as the spreadsheet shows it */
  row: number;
  cells: PlacesCell[];
}

export enum PlacesColumn {
  COMMUNE_CODE = 'COMMUNE_CODE',
  VILLAGE_NAME = 'VILLAGE_NAME',
  VILLAGE_KIND = 'VILLAGE_KIND',
  VENUE_NAME = 'VENUE_NAME',
  VENUE_CAPACITY = 'VENUE_CAPACITY',
}

/** Header text shown to users, in the order of the template. */
export const placesColumnHeaders: Record<PlacesColumn, string> = {
  COMMUNE_CODE: 'Mã xã',
  VILLAGE_NAME: 'Tên thôn',
  VILLAGE_KIND: 'Loại',
  VENUE_NAME: 'Tên điểm cầu',
  VENUE_CAPACITY: 'Sức chứa',
};

const REQUIRED_COLUMNS = [PlacesColumn.COMMUNE_CODE, PlacesColumn.VILLAGE_NAME, PlacesColumn.VILLAGE_KIND];

export type PlacesColumnIndex = Partial<Record<PlacesColumn, number>>;

const villageKindsByFoldedName: Record<string, VillageKind> = {
  thon: VillageKind.THON,
  'to dan pho': VillageKind.TO_DAN_PHO,
  tdp: VillageKind.TO_DAN_PHO,
  ap: VillageKind.AP,
  ban: VillageKind.BAN,
};

export const villageKindNames: Record<VillageKind, string> = {
  THON: 'thôn',
  TO_DAN_PHO: 'tổ dân phố',
  AP: 'ấp',
  BAN: 'bản',
};

function fileInvalid(reason: string, details: Record<string, unknown> = {}): GeographyError {
  return new GeographyError(GeographyErrorCode.PLACES_FILE_INVALID, { reason, ...details });
}

export function placesFileFormat(fileName: string): PlacesFileFormat {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'xlsx' || extension === 'csv') return extension;
  throw fileInvalid('Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).', { fileName });
}

/** Base64 as sent by a browser, optionally as a data URL; size is checked before decoding. */
export function decodeBase64File(contentBase64: string): Buffer {
  const text = contentBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (Math.floor((text.length * 3) / 4) > PLACES_IMPORT_MAX_BYTES + 2) throw tooLarge();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) {
    throw fileInvalid('Nội dung tệp không đúng mã hóa base64.');
  }
  return Buffer.from(text, 'base64');
}

function tooLarge(): GeographyError {
  return fileInvalid('Tệp lớn hơn 5 MB.', { maxBytes: PLACES_IMPORT_MAX_BYTES });
}

function tooManyRows(): GeographyError {
  return fileInvalid('Tệp có hơn 20.000 dòng dữ liệu: hãy chia thành nhiều tệp.', { maxRows: PLACES_IMPORT_MAX_ROWS });
}

/** The non-empty rows of the file, header included (header + at most 20,000 data rows). */
export async function readPlacesSheet(content: Buffer, format: PlacesFileFormat): Promise<PlacesSheetRow[]> {
  if (content.length > PLACES_IMPORT_MAX_BYTES) throw tooLarge();
  const rows = format === 'xlsx' ? await readXlsx(content) : readCsv(content);
  if (rows.length > PLACES_IMPORT_MAX_ROWS + 1) throw tooManyRows();
  return rows;
}

async function readXlsx(content: Buffer): Promise<PlacesSheetRow[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as never);
  } catch {
    throw fileInvalid('Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải tệp Excel.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileInvalid('Tệp Excel không có trang tính nào.');
  if (sheet.actualRowCount > PLACES_IMPORT_MAX_ROWS + 1) throw tooManyRows();
  const rows: PlacesSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: PlacesCell[] = [];
    // Merged cells read as the master cell's value, so a commune code merged down a block applies to each row.
    for (let column = 1; column <= row.cellCount; column++) cells.push(xlsxCell(row.getCell(column).value));
    if (cells.some((cell) => cell !== null)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function xlsxCell(value: CellValue): PlacesCell {
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
  return null; // an error value such as #N/A
}

function blankToNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}

function readCsv(content: Buffer): PlacesSheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw fileInvalid('Tệp CSV phải được lưu theo mã UTF-8 (trong Excel: "CSV UTF-8").');
  }
  if (text.includes('\u0000')) throw fileInvalid('Tệp CSV chứa dữ liệu nhị phân: không phải tệp văn bản.');
  const rows: PlacesSheetRow[] = [];
  const records = parseCsv(text, detectCsvSeparator(text));
  for (const [index, record] of records.entries()) {
    const cells = record.map(blankToNull);
    if (cells.some((cell) => cell !== null)) rows.push({ row: index + 1, cells });
    if (rows.length > PLACES_IMPORT_MAX_ROWS + 1) throw tooManyRows();
  }
  return rows;
}

/** The separator of the header line: the one of ";" and "," that occurs more often outside quotes. */
export function detectCsvSeparator(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * RFC 4180 records (quoted fields may hold separators, quotes as "" and line breaks). Written
 * here rather than using exceljs's CSV reader, which turns "01001" into the number 1001 and
 * dates into Date objects, and cannot guess the separator.
 */
export function parseCsv(text: string, separator: ',' | ';'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i++;
      continue;
    }
    if (char === '"' && field.trim() === '') {
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
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Where each known column is in the header row; a missing required column makes the file unreadable. */
export function matchPlacesHeader(header: PlacesSheetRow): PlacesColumnIndex {
  const columnsByFoldedHeader = new Map(
    Object.values(PlacesColumn).map((column) => [foldVietnamese(placesColumnHeaders[column]), column] as const),
  );
  const index: PlacesColumnIndex = {};
  header.cells.forEach((cell, position) => {
    if (cell === null) return;
    const column = columnsByFoldedHeader.get(foldVietnamese(String(cell)));
    if (!column) return;
    if (index[column] !== undefined) {
      throw fileInvalid(`Cột "${placesColumnHeaders[column]}" xuất hiện hai lần ở dòng tiêu đề.`, { row: header.row });
    }
    index[column] = position;
  });
  const missing = REQUIRED_COLUMNS.filter((column) => index[column] === undefined).map(
    (column) => placesColumnHeaders[column],
  );
  if (missing.length > 0) {
    throw fileInvalid(
      `Dòng tiêu đề (dòng ${header.row}) thiếu cột: ${missing.map((name) => `"${name}"`).join(', ')}.`,
      {
        row: header.row,
        missingColumns: missing,
      },
    );
  }
  return index;
}

export function parseVillageKind(text: string): VillageKind | null {
  return villageKindsByFoldedName[foldVietnamese(text)] ?? null;
}

/** A 5-digit commune code; a number or short digit string gets back the zeros Excel dropped. */
export function parseCommuneCode(cell: PlacesCell): string | null {
  const text = typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : '') : String(cell ?? '').trim();
  return /^\d{1,5}$/.test(text) ? text.padStart(5, '0') : null;
}

/**
 * Seats as a whole number, or NaN when the cell is not one. Text may group thousands with "." or
 * a space, the Vietnamese way ("1.200"); a decimal comma is not a whole number.
 */
export function parseCapacity(cell: PlacesCell): number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  const text = cell.trim();
  if (/^\d+$/.test(text) || /^\d{1,3}([. ]\d{3})+$/.test(text)) return Number(text.replace(/[. ]/g, ''));
  return Number.NaN;
}
