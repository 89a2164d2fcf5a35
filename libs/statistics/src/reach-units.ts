import {
  type Actor,
  can,
  communeScope,
  Permission,
  provinceScope,
  type Scope,
  ScopeKind,
  villageScope,
} from '@hocvuso/access';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StatisticsError, StatisticsErrorCode } from './statistics.errors';

export enum ReachUnitKind {
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
  TEAM = 'TEAM',
}

/** How a caller names a unit: provinces and communes by official code, villages and teams by id. */
export interface ReachUnitRef {
  kind: ReachUnitKind;
  code?: string | null;
  id?: string | null;
}

export interface ReachUnit {
  kind: ReachUnitKind;
  /** the province or commune code, the village or team id */
  key: string;
  name: string;
  provinceCode: string;
  communeCode: string | null;
  scope: Scope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const byCode = (kind: ReachUnitKind): boolean => kind === ReachUnitKind.PROVINCE || kind === ReachUnitKind.COMMUNE;

/** The unit's key as given, or INVALID_UNIT when the wrong one (or both, or none) was given. */
export function unitKey(ref: ReachUnitRef): string {
  const wanted = byCode(ref.kind) ? ref.code : ref.id;
  const other = byCode(ref.kind) ? ref.id : ref.code;
  if (typeof wanted !== 'string' || (other !== null && other !== undefined)) {
    throw new StatisticsError(StatisticsErrorCode.INVALID_UNIT, { kind: ref.kind });
  }
  return wanted;
}

interface UnitRow {
  key: string;
  name: string;
  province_code: string;
  commune_code: string | null;
}

const unitQueries: Record<ReachUnitKind, { valid: RegExp; text: string }> = {
  PROVINCE: {
    valid: /^\d{2}$/,
    text: `select code as key, full_name as name, code as province_code, null as commune_code from province where code = ?`,
  },
  COMMUNE: {
    valid: /^\d{5}$/,
    text: `select code as key, full_name as name, province_code, code as commune_code from commune where code = ?`,
  },
  VILLAGE: {
    valid: UUID,
    text: `select v.id::text as key, v.name, c.province_code, v.commune_code
             from village v join commune c on c.code = v.commune_code where v.id = ?`,
  },
  TEAM: {
    valid: UUID,
    text: `select id::text as key, name, province_code, commune_code from team where id = ?`,
  },
};

function scopeOf(kind: ReachUnitKind, row: UnitRow): Scope {
  switch (kind) {
    case ReachUnitKind.PROVINCE:
      return provinceScope(row.province_code);
    case ReachUnitKind.COMMUNE:
      return communeScope(row.key, row.province_code);
    case ReachUnitKind.VILLAGE:
      return villageScope(row.key, row.commune_code!, row.province_code);
    case ReachUnitKind.TEAM:
      return {
        kind: ScopeKind.TEAM,
        id: row.key,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
        villageId: null,
      };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown unit kind ${String(unknown)}`);
    }
  }
}

/**
 * The unit the actor may read statistics of; UNIT_NOT_FOUND for an unknown unit and for one
 * outside every STATISTICS_READ grant alike.
 */
export async function readableUnit(em: EntityManager, actor: Actor, ref: ReachUnitRef): Promise<ReachUnit> {
  const key = unitKey(ref);
  const query = unitQueries[ref.kind];
  const notFound = new StatisticsError(StatisticsErrorCode.UNIT_NOT_FOUND, { kind: ref.kind, key });
  if (!query.valid.test(key)) throw notFound;
  const [row] = await em.execute<UnitRow[]>(query.text, [key]);
  if (!row) throw notFound;
  const scope = scopeOf(ref.kind, row);
  if (!can(actor, Permission.STATISTICS_READ, scope)) throw notFound;
  return {
    kind: ref.kind,
    key: row.key,
    name: row.name,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    scope,
  };
}

/** The units one level down, for a breakdown: what is listed even when all its figures are zero. */
export function childQuery(unit: ReachUnit, level: ReachUnitKind): { text: string; params: unknown[] } {
  switch (level) {
    case ReachUnitKind.COMMUNE:
      return {
        text: `select code as key, full_name as name, province_code, code as commune_code from commune where province_code = ? order by code`,
        params: [unit.key],
      };
    case ReachUnitKind.VILLAGE:
      return unit.kind === ReachUnitKind.TEAM
        ? {
            text: `select v.id::text as key, v.name, c.province_code, v.commune_code from team_village tv
                     join village v on v.id = tv.village_id join commune c on c.code = v.commune_code
                    where tv.team_id = ? order by v.name, v.id`,
            params: [unit.key],
          }
        : {
            text: `select v.id::text as key, v.name, c.province_code, v.commune_code from village v
                     join commune c on c.code = v.commune_code where v.commune_code = ? order by v.name, v.id`,
            params: [unit.key],
          };
    case ReachUnitKind.TEAM:
      return {
        text: `select id::text as key, name, province_code, commune_code from team
                where ${unit.kind === ReachUnitKind.PROVINCE ? 'province_code' : 'commune_code'} = ? order by name, id`,
        params: [unit.key],
      };
    default:
      throw new Error(`no breakdown into ${level}`);
  }
}

/** Breakdowns one level down: province → communes; commune → villages and teams; team → its villages. */
export function breakdownLevels(kind: ReachUnitKind): ReachUnitKind[] {
  switch (kind) {
    case ReachUnitKind.PROVINCE:
      return [ReachUnitKind.COMMUNE];
    case ReachUnitKind.COMMUNE:
      return [ReachUnitKind.VILLAGE, ReachUnitKind.TEAM];
    case ReachUnitKind.TEAM:
      return [ReachUnitKind.VILLAGE];
    case ReachUnitKind.VILLAGE:
      return [];
    default: {
      const unknown: never = kind;
      throw new Error(`unknown unit kind ${String(unknown)}`);
    }
  }
}

export async function childUnits(em: EntityManager, unit: ReachUnit, level: ReachUnitKind): Promise<ReachUnit[]> {
  const query = childQuery(unit, level);
  const rows = await em.execute<UnitRow[]>(query.text, query.params);
  return rows.map((row) => ({
    kind: level,
    key: row.key,
    name: row.name,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    scope: scopeOf(level, row),
  }));
}
