import { randomUUID } from 'node:crypto';
import {
  AccessError,
  AccessErrorCode,
  type Actor,
  can,
  Permission,
  requireAccount,
  type Scope,
  villageScope,
} from '@hocvuso/access';
import { maskCitizenId, maskPhone, type PiiVault } from '@hocvuso/identity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Gender } from './entities';
import type { ValidConsent } from './resident-rules';
import { ResidentsError, ResidentsErrorCode } from './residents.errors';

export { type AccountActor, requireAccount, villageScope } from '@hocvuso/access';

/** A resident row with the ancestry of its village, as every read and authorization needs it. */
export interface ResidentRow {
  id: string;
  village_id: string;
  commune_code: string;
  province_code: string;
  full_name: string | null;
  birth_year: number | null;
  gender: Gender | null;
  phone_cipher: string | null;
  phone_hash: string | null;
  citizen_id_cipher: string | null;
  citizen_id_hash: string | null;
  created_by: string | null;
  created_at: Date | string;
  erased_at: Date | string | null;
}

/** What callers see of a resident: phone and citizen id masked ("090****123"). */
export interface ResidentView {
  id: string;
  villageId: string;
  communeCode: string;
  provinceCode: string;
  fullName: string;
  birthYear: number;
  gender: Gender | null;
  phoneMasked: string | null;
  citizenIdMasked: string | null;
  createdAt: Date;
}

export const RESIDENT_COLUMNS = `r.id, r.village_id, v.commune_code, c.province_code, r.full_name, r.birth_year, r.gender,
  r.phone_cipher, r.phone_hash, r.citizen_id_cipher, r.citizen_id_hash, r.created_by, r.created_at, r.erased_at`;
export const RESIDENT_FROM = `resident r join village v on v.id = r.village_id join commune c on c.code = v.commune_code`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Raw queries return timestamps as PostgreSQL text ("2026-11-22 06:12:31.2+00"). */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

export function toDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

export async function findResidentRow(em: EntityManager, id: string): Promise<ResidentRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await em.execute<ResidentRow[]>(`select ${RESIDENT_COLUMNS} from ${RESIDENT_FROM} where r.id = ?`, [
    id,
  ]);
  return row ?? null;
}

export function residentScope(row: Pick<ResidentRow, 'village_id' | 'commune_code' | 'province_code'>): Scope {
  return villageScope(row.village_id, row.commune_code, row.province_code);
}

export function isSelf(actor: Actor, residentId: string): boolean {
  return actor.kind === 'account' && actor.residentId !== null && actor.residentId === residentId;
}

export interface AuthorizeOptions {
  /** the resident may do this on their own record */
  allowSelf?: boolean;
  /** erasure is idempotent, so it still finds an erased row */
  includeErased?: boolean;
}

/**
 * The one gate in front of every operation on a resident. Someone who cannot even see the
 * resident gets RESIDENT_NOT_FOUND, exactly as for an id that does not exist; someone who can see
 * it but lacks `permission` (a volunteer asking for a citizen id in clear) gets FORBIDDEN.
 */
export function authorizeResident(
  actor: Actor,
  row: ResidentRow | null,
  permission: Permission,
  options: AuthorizeOptions = {},
): ResidentRow {
  requireAccount(actor);
  if (!row || (row.erased_at !== null && !options.includeErased)) {
    throw new ResidentsError(ResidentsErrorCode.RESIDENT_NOT_FOUND);
  }
  if (options.allowSelf && isSelf(actor, row.id)) return row;
  const scope = residentScope(row);
  if (can(actor, permission, scope)) return row;
  if (permission !== Permission.RESIDENTS_READ && can(actor, Permission.RESIDENTS_READ, scope)) {
    throw new AccessError(AccessErrorCode.FORBIDDEN);
  }
  throw new ResidentsError(ResidentsErrorCode.RESIDENT_NOT_FOUND);
}

export function toResidentView(row: ResidentRow, vault: PiiVault): ResidentView {
  return {
    id: row.id,
    villageId: row.village_id,
    communeCode: row.commune_code,
    provinceCode: row.province_code,
    fullName: row.full_name ?? '',
    birthYear: row.birth_year ?? 0,
    gender: row.gender,
    phoneMasked: row.phone_cipher ? maskPhone(vault.decrypt(row.phone_cipher)) : null,
    citizenIdMasked: row.citizen_id_cipher ? maskCitizenId(vault.decrypt(row.citizen_id_cipher)) : null,
    createdAt: toDate(row.created_at),
  };
}

/** One consent row per purpose for each resident, recorded now by `recordedBy`; returns the ids. */
export async function insertConsents(
  em: EntityManager,
  residentIds: readonly string[],
  consent: ValidConsent,
  recordedBy: string,
): Promise<string[]> {
  const rows = residentIds.flatMap((residentId) =>
    consent.purposes.map((purpose) => ({ id: randomUUID(), residentId, purpose })),
  );
  // Six parameters a row: 5,000 rows stay well under PostgreSQL's 65,535 per statement.
  for (let start = 0; start < rows.length; start += 5_000) {
    const chunk = rows.slice(start, start + 5_000);
    await em.execute(
      `insert into consent (id, resident_id, purpose, method, evidence, recorded_at, recorded_by)
       values ${chunk.map(() => '(?, ?, ?, ?, ?, now(), ?)').join(', ')}`,
      chunk.flatMap((row) => [row.id, row.residentId, row.purpose, consent.method, consent.evidence, recordedBy]),
      'run',
    );
  }
  return rows.map((row) => row.id);
}
