import { GeographyErrorCode } from './geography.errors';
import { cleanName, foldVietnamese } from './text/fold';

export const MAX_PLACE_NAME_LENGTH = 120;
export const MAX_VENUE_CAPACITY = 100_000;

export type Checked<T> = { ok: true; value: T } | { ok: false; code: GeographyErrorCode };

/** A village or venue name as stored (NFC, single spaces) with its folded search text. */
export function checkPlaceName(raw: string): Checked<{ name: string; searchText: string }> {
  const name = cleanName(raw);
  const searchText = foldVietnamese(name);
  if (name.length === 0 || name.length > MAX_PLACE_NAME_LENGTH || searchText.length === 0) {
    return { ok: false, code: GeographyErrorCode.INVALID_NAME };
  }
  return { ok: true, value: { name, searchText } };
}

export function checkCapacity(capacity: number | null | undefined): Checked<number | null> {
  if (capacity == null) return { ok: true, value: null };
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_VENUE_CAPACITY) {
    return { ok: false, code: GeographyErrorCode.INVALID_CAPACITY };
  }
  return { ok: true, value: capacity };
}
