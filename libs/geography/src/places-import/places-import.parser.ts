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
import {
  columnsByFoldedLabel,
  findHeader,
  type SpreadsheetCell,
  type SpreadsheetFormat,
  SpreadsheetImporter,
  type SpreadsheetRow,
} from '@hocvuso/spreadsheets';
import { VillageKind } from '../entities/village.entity';
import { GeographyError, GeographyErrorCode } from '../geography.errors';
import { foldVietnamese } from '../text/fold';

export const PLACES_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const PLACES_IMPORT_MAX_ROWS = 20_000;

export type PlacesFileFormat = SpreadsheetFormat;

/** A cell as read: numbers stay numbers (codes and capacities typed as numbers in Excel). */
export type PlacesCell = SpreadsheetCell;

export type PlacesSheetRow = SpreadsheetRow;

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

// The header is the first non-empty row.
const placesFile = new SpreadsheetImporter(
  { maxBytes: PLACES_IMPORT_MAX_BYTES, maxDataRows: PLACES_IMPORT_MAX_ROWS, headerRows: 1 },
  fileInvalid,
);

export function placesFileFormat(fileName: string): PlacesFileFormat {
  return placesFile.format(fileName);
}

/** Base64 as sent by a browser, optionally as a data URL; size is checked before decoding. */
export function decodeBase64File(contentBase64: string): Buffer {
  return placesFile.decode(contentBase64);
}

/** The non-empty rows of the file, header included (header + at most 20,000 data rows). */
export function readPlacesSheet(content: Buffer, format: PlacesFileFormat): Promise<PlacesSheetRow[]> {
  return placesFile.read(content, format, { csvSeparator: 'header-outside-quotes' });
}

const placesColumnOf = columnsByFoldedLabel(placesColumnHeaders, {}, foldVietnamese);

/** Where each known column is in the header row; a missing required column makes the file unreadable. */
export function matchPlacesHeader(header: PlacesSheetRow): PlacesColumnIndex {
  const { columns, missing, repeated } = findHeader([header], {
    columnOf: placesColumnOf,
    required: REQUIRED_COLUMNS,
    searchRows: 1,
    repeatedOrder: 'first-repeated',
  });
  if (repeated) {
    throw fileInvalid(`Cột "${placesColumnHeaders[repeated]}" xuất hiện hai lần ở dòng tiêu đề.`, { row: header.row });
  }
  if (missing.length > 0) {
    const names = missing.map((column) => placesColumnHeaders[column]);
    throw fileInvalid(`Dòng tiêu đề (dòng ${header.row}) thiếu cột: ${names.map((name) => `"${name}"`).join(', ')}.`, {
      row: header.row,
      missingColumns: names,
    });
  }
  return columns;
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
