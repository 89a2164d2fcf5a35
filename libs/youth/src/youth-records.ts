import { communeScope, type Scope, villageScope } from '@hocvuso/access';
import { decodeCursor, MAX_PAGE_SIZE, type PageArgs } from '@hocvuso/database/pagination';
import { GeographyError, GeographyErrorCode } from '@hocvuso/geography';
import type { EntityManager } from '@mikro-orm/postgresql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** Raw queries return timestamps as Date or as PostgreSQL text ("2026-11-22 06:12:31.2+00"). */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

export interface CommuneRow {
  code: string;
  province_code: string;
  full_name: string;
}

export interface VillageRow {
  id: string;
  name: string;
  commune_code: string;
  province_code: string;
}

export async function findCommune(em: EntityManager, code: unknown): Promise<CommuneRow | null> {
  if (typeof code !== 'string' || !/^\d{5}$/.test(code)) return null;
  const [row] = await em.execute<CommuneRow[]>(`select code, province_code, full_name from commune where code = ?`, [
    code,
  ]);
  return row ?? null;
}

export async function findVillages(em: EntityManager, ids: readonly string[]): Promise<Map<string, VillageRow>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return new Map();
  const rows = await em.execute<VillageRow[]>(
    `select v.id, v.name, v.commune_code, c.province_code from village v join commune c on c.code = v.commune_code
      where v.id in (${placeholders(valid.length)})`,
    valid,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

export const scopeOfCommune = (commune: CommuneRow): Scope => communeScope(commune.code, commune.province_code);
export const scopeOfVillage = (village: VillageRow): Scope =>
  villageScope(village.id, village.commune_code, village.province_code);

export function communeNotFound(code: unknown): GeographyError {
  return new GeographyError(GeographyErrorCode.COMMUNE_NOT_FOUND, { code: typeof code === 'string' ? code : null });
}

/**
 * The keyset inside `page.after` (`arity` parts), or null for the first page. The last part is
 * always a row id. Page size and cursor errors are geography's, as everywhere else in the API.
 */
export function pageKey(page: PageArgs, arity: number): string[] | null {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
    throw new GeographyError(GeographyErrorCode.INVALID_PAGE_SIZE, { first: page.first });
  }
  if (page.after == null) return null;
  const key = decodeCursor(page.after, arity);
  if (!key || !isUuid(key[arity - 1])) throw new GeographyError(GeographyErrorCode.INVALID_CURSOR);
  return key;
}
