import { VillageKind } from '../entities/village.entity';
import { checkCapacity, checkPlaceName } from '../place-rules';
import {
  parseCapacity,
  parseCommuneCode,
  parseVillageKind,
  type PlacesCell,
  PlacesColumn,
  placesColumnHeaders,
  type PlacesColumnIndex,
  type PlacesSheetRow,
  villageKindNames,
} from './places-import.parser';

export enum PlacesImportRowErrorCode {
  MISSING_VALUE = 'MISSING_VALUE',
  INVALID_COMMUNE_CODE = 'INVALID_COMMUNE_CODE',
  COMMUNE_NOT_FOUND = 'COMMUNE_NOT_FOUND',
  INVALID_NAME = 'INVALID_NAME',
  INVALID_KIND = 'INVALID_KIND',
  INVALID_CAPACITY = 'INVALID_CAPACITY',
  /** the village exists in the commune with another kind */
  VILLAGE_KIND_MISMATCH = 'VILLAGE_KIND_MISMATCH',
  /** the venue exists in the village with another capacity */
  VENUE_CAPACITY_MISMATCH = 'VENUE_CAPACITY_MISMATCH',
  /** an earlier row of the file gives the same village another kind */
  DUPLICATE_VILLAGE_CONFLICT = 'DUPLICATE_VILLAGE_CONFLICT',
  /** an earlier row of the file gives the same venue another capacity */
  DUPLICATE_VENUE_CONFLICT = 'DUPLICATE_VENUE_CONFLICT',
}

export interface PlacesImportRowError {
  row: number;
  /** header of the offending column, as in the template; null when the row as a whole is wrong */
  column: string | null;
  code: PlacesImportRowErrorCode;
  message: string;
}

export interface PlannedVillage {
  key: string;
  communeCode: string;
  name: string;
  searchText: string;
  kind: VillageKind;
  /** every row naming this village, first one first */
  rows: number[];
}

export interface PlannedVenue {
  key: string;
  village: PlannedVillage;
  name: string;
  searchText: string;
  capacity: number | null;
  rows: number[];
}

/** What the file asks for, deduplicated, with every problem found without the database. */
export interface PlacesPlan {
  rowsRead: number;
  /** each row with a well-formed commune code, for the existence check */
  communeCodeRows: { row: number; communeCode: string }[];
  villages: Map<string, PlannedVillage>;
  venues: Map<string, PlannedVenue>;
  errors: PlacesImportRowError[];
}

export const describeCapacity = (capacity: number | null): string =>
  capacity === null ? 'không ghi sức chứa' : `sức chứa ${capacity.toLocaleString('vi-VN')}`;

export function rowError(
  row: number,
  column: PlacesColumn | null,
  code: PlacesImportRowErrorCode,
  message: string,
): PlacesImportRowError {
  return { row, column: column && placesColumnHeaders[column], code, message };
}

const nameRule = 'cần từ 1 đến 120 ký tự và có ít nhất một chữ hoặc số';

/** Checks each data row on its own, then rows against each other (same village or venue twice). */
export function planPlacesImport(dataRows: PlacesSheetRow[], columns: PlacesColumnIndex): PlacesPlan {
  const plan: PlacesPlan = {
    rowsRead: dataRows.length,
    communeCodeRows: [],
    villages: new Map(),
    venues: new Map(),
    errors: [],
  };
  for (const sheetRow of dataRows) planRow(plan, sheetRow, columns);
  return plan;
}

function planRow(plan: PlacesPlan, { row, cells }: PlacesSheetRow, columns: PlacesColumnIndex): void {
  const cell = (column: PlacesColumn): PlacesCell => {
    const position = columns[column];
    return position === undefined ? null : (cells[position] ?? null);
  };
  const fail = (column: PlacesColumn | null, code: PlacesImportRowErrorCode, message: string) =>
    plan.errors.push(rowError(row, column, code, message));
  const required = (column: PlacesColumn): string | null => {
    const value = cell(column);
    if (value === null) fail(column, PlacesImportRowErrorCode.MISSING_VALUE, `Thiếu "${placesColumnHeaders[column]}".`);
    return value === null ? null : String(value);
  };

  let communeCode: string | null = null;
  const rawCode = cell(PlacesColumn.COMMUNE_CODE);
  if (rawCode === null) {
    required(PlacesColumn.COMMUNE_CODE);
  } else {
    communeCode = parseCommuneCode(rawCode);
    if (communeCode === null) {
      fail(
        PlacesColumn.COMMUNE_CODE,
        PlacesImportRowErrorCode.INVALID_COMMUNE_CODE,
        `Mã xã "${rawCode}" không hợp lệ: cần 5 chữ số.`,
      );
    } else {
      plan.communeCodeRows.push({ row, communeCode });
    }
  }

  let villageName: { name: string; searchText: string } | null = null;
  const rawVillageName = required(PlacesColumn.VILLAGE_NAME);
  if (rawVillageName !== null) {
    const checked = checkPlaceName(rawVillageName);
    if (checked.ok) villageName = checked.value;
    else fail(PlacesColumn.VILLAGE_NAME, PlacesImportRowErrorCode.INVALID_NAME, `Tên thôn không hợp lệ: ${nameRule}.`);
  }

  let kind: VillageKind | null = null;
  const rawKind = required(PlacesColumn.VILLAGE_KIND);
  if (rawKind !== null) {
    kind = parseVillageKind(rawKind);
    if (kind === null) {
      fail(
        PlacesColumn.VILLAGE_KIND,
        PlacesImportRowErrorCode.INVALID_KIND,
        `Loại "${rawKind.trim()}" không hợp lệ: ghi thôn, tổ dân phố, ấp hoặc bản.`,
      );
    }
  }

  let venueName: { name: string; searchText: string } | null = null;
  const rawVenueName = cell(PlacesColumn.VENUE_NAME);
  if (rawVenueName !== null) {
    const checked = checkPlaceName(String(rawVenueName));
    if (checked.ok) venueName = checked.value;
    else
      fail(PlacesColumn.VENUE_NAME, PlacesImportRowErrorCode.INVALID_NAME, `Tên điểm cầu không hợp lệ: ${nameRule}.`);
  }

  let capacity: number | null = null;
  let capacityOk = true;
  const rawCapacity = cell(PlacesColumn.VENUE_CAPACITY);
  if (rawCapacity !== null) {
    const checked = checkCapacity(parseCapacity(rawCapacity));
    capacityOk = checked.ok;
    if (checked.ok) capacity = checked.value;
    else
      fail(
        PlacesColumn.VENUE_CAPACITY,
        PlacesImportRowErrorCode.INVALID_CAPACITY,
        `Sức chứa "${rawCapacity}" không hợp lệ: cần số nguyên từ 0 đến 100.000.`,
      );
    if (rawVenueName === null) {
      fail(
        PlacesColumn.VENUE_NAME,
        PlacesImportRowErrorCode.MISSING_VALUE,
        'Có "Sức chứa" nhưng thiếu "Tên điểm cầu".',
      );
    }
  }

  if (communeCode === null || villageName === null || kind === null) return;
  const village = planVillage(plan, row, communeCode, villageName, kind);
  if (village === null || venueName === null || !capacityOk) return;
  planVenue(plan, row, village, venueName, capacity);
}

function planVillage(
  plan: PlacesPlan,
  row: number,
  communeCode: string,
  { name, searchText }: { name: string; searchText: string },
  kind: VillageKind,
): PlannedVillage | null {
  const key = `${communeCode}\u0000${searchText}`;
  const earlier = plan.villages.get(key);
  if (!earlier) {
    const village = { key, communeCode, name, searchText, kind, rows: [row] };
    plan.villages.set(key, village);
    return village;
  }
  if (earlier.kind !== kind) {
    plan.errors.push(
      rowError(
        row,
        PlacesColumn.VILLAGE_KIND,
        PlacesImportRowErrorCode.DUPLICATE_VILLAGE_CONFLICT,
        `"${earlier.name}" đã ghi ở dòng ${earlier.rows[0]} với loại ${villageKindNames[earlier.kind]}, dòng này ghi ${villageKindNames[kind]}.`,
      ),
    );
    return null;
  }
  earlier.rows.push(row);
  return earlier;
}

function planVenue(
  plan: PlacesPlan,
  row: number,
  village: PlannedVillage,
  { name, searchText }: { name: string; searchText: string },
  capacity: number | null,
): void {
  const key = `${village.key}\u0000${searchText}`;
  const earlier = plan.venues.get(key);
  if (!earlier) {
    plan.venues.set(key, { key, village, name, searchText, capacity, rows: [row] });
    return;
  }
  if (earlier.capacity !== capacity) {
    plan.errors.push(
      rowError(
        row,
        PlacesColumn.VENUE_CAPACITY,
        PlacesImportRowErrorCode.DUPLICATE_VENUE_CONFLICT,
        `"${earlier.name}" đã ghi ở dòng ${earlier.rows[0]} với ${describeCapacity(earlier.capacity)}, dòng này ${describeCapacity(capacity)}.`,
      ),
    );
    return;
  }
  earlier.rows.push(row);
}
