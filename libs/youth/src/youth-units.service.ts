import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Actor, can, Permission, requireAccount } from '@hocvuso/access';
import { GeographyError, GeographyErrorCode } from '@hocvuso/geography';
import { EntityManager } from '@mikro-orm/postgresql';
import { YouthUnitLevel } from './entities';
import {
  type CommuneRow,
  communeNotFound,
  findCommune,
  findVillages,
  isUuid,
  placeholders,
  scopeOfCommune,
  scopeOfVillage,
  toDate,
} from './youth-records';

export interface YouthUnitView {
  id: string;
  level: YouthUnitLevel;
  parentId: string | null;
  name: string;
  provinceCode: string;
  communeCode: string | null;
  villageId: string | null;
  createdAt: Date;
}

interface YouthUnitRow {
  id: string;
  level: YouthUnitLevel;
  parent_id: string | null;
  name: string;
  province_code: string;
  commune_code: string | null;
  village_id: string | null;
  created_at: Date | string;
}

const UNIT_COLUMNS = `id, level, parent_id, name, province_code, commune_code, village_id, created_at`;

function toView(row: YouthUnitRow): YouthUnitView {
  return {
    id: row.id,
    level: row.level,
    parentId: row.parent_id,
    name: row.name,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    villageId: row.village_id,
    createdAt: toDate(row.created_at),
  };
}

/** "Xã Đông Tảo" → "xã Đông Tảo", as unit names read in Vietnamese ("Đoàn xã Đông Tảo"). */
const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/**
 * The commune's union, created (with the provincial union above it) when missing. Safe to call
 * concurrently: the partial unique indexes keep one union per province and per commune.
 */
export async function ensureCommuneUnion(
  em: EntityManager,
  commune: CommuneRow,
  accountId: string | null,
): Promise<YouthUnitView> {
  const [province] = await em.execute<{ name: string; kind: string }[]>(
    `select name, kind from province where code = ?`,
    [commune.province_code],
  );
  const provinceUnionName = `${province.kind === 'CITY' ? 'Thành đoàn' : 'Tỉnh đoàn'} ${province.name}`;
  await em.execute(
    `insert into youth_unit (id, level, parent_id, province_code, name, created_by) values (?, 'PROVINCE', null, ?, ?, ?)
     on conflict (province_code) where level = 'PROVINCE' do nothing`,
    [randomUUID(), commune.province_code, provinceUnionName, accountId],
  );
  await em.execute(
    `insert into youth_unit (id, level, parent_id, province_code, commune_code, name, created_by)
     select ?, 'COMMUNE', p.id, p.province_code, ?, ?, ? from youth_unit p where p.level = 'PROVINCE' and p.province_code = ?
     on conflict (commune_code) where level = 'COMMUNE' do nothing`,
    [randomUUID(), commune.code, `Đoàn ${lowerFirst(commune.full_name)}`, accountId, commune.province_code],
  );
  const [row] = await em.execute<YouthUnitRow[]>(
    `select ${UNIT_COLUMNS} from youth_unit where level = 'COMMUNE' and commune_code = ?`,
    [commune.code],
  );
  return toView(row);
}

/** The youth union tree: provincial union → commune union → village branch (chi đoàn). */
@Injectable()
export class YouthUnitsService {
  constructor(private readonly em: EntityManager) {}

  /** Idempotent: the commune's union as it is, or created now. Needs TEAMS_MANAGE on the commune. */
  async ensureCommuneUnion(actor: Actor, communeCode: string): Promise<YouthUnitView> {
    const account = requireAccount(actor);
    const commune = await findCommune(this.em, communeCode);
    if (!commune || !can(account, Permission.TEAMS_MANAGE, scopeOfCommune(commune))) throw communeNotFound(communeCode);
    return ensureCommuneUnion(this.em, commune, account.accountId);
  }

  /** Idempotent: the village's branch (chi đoàn), creating the unions above it when missing. */
  async ensureBranch(actor: Actor, villageId: string): Promise<YouthUnitView> {
    const account = requireAccount(actor);
    const village = (await findVillages(this.em, [villageId])).get(villageId);
    if (!village || !can(account, Permission.TEAMS_MANAGE, scopeOfVillage(village))) {
      throw new GeographyError(GeographyErrorCode.VILLAGE_NOT_FOUND, { id: villageId });
    }
    const commune = (await findCommune(this.em, village.commune_code))!;
    const union = await ensureCommuneUnion(this.em, commune, account.accountId);
    await this.em.execute(
      `insert into youth_unit (id, level, parent_id, province_code, commune_code, village_id, name, created_by)
       values (?, 'BRANCH', ?, ?, ?, ?, ?, ?) on conflict (village_id) where level = 'BRANCH' do nothing`,
      [
        randomUUID(),
        union.id,
        village.province_code,
        village.commune_code,
        village.id,
        `Chi đoàn ${village.name}`,
        account.accountId,
      ],
    );
    const [row] = await this.em.execute<YouthUnitRow[]>(
      `select ${UNIT_COLUMNS} from youth_unit where level = 'BRANCH' and village_id = ?`,
      [village.id],
    );
    return toView(row);
  }

  /** The commune's union, or null when none was set up yet. Needs TEAMS_READ on the commune. */
  async communeUnion(actor: Actor, communeCode: string): Promise<YouthUnitView | null> {
    const account = requireAccount(actor);
    const commune = await findCommune(this.em, communeCode);
    if (!commune || !can(account, Permission.TEAMS_READ, scopeOfCommune(commune))) throw communeNotFound(communeCode);
    const [row] = await this.em.execute<YouthUnitRow[]>(
      `select ${UNIT_COLUMNS} from youth_unit where level = 'COMMUNE' and commune_code = ?`,
      [commune.code],
    );
    return row ? toView(row) : null;
  }

  /** Units by id, for nested fields of units the caller already reached (parent, branches). */
  async unitsByIds(ids: readonly string[]): Promise<(YouthUnitView | undefined)[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (wanted.length === 0) return ids.map(() => undefined);
    const rows = await this.em.execute<YouthUnitRow[]>(
      `select ${UNIT_COLUMNS} from youth_unit where id in (${placeholders(wanted.length)})`,
      wanted,
    );
    const byId = new Map(rows.map((row) => [row.id, toView(row)]));
    return ids.map((id) => byId.get(id));
  }

  /** Branches of the given commune unions, in village-name order (batched nested field). */
  async branchesOfUnits(unitIds: readonly string[]): Promise<YouthUnitView[][]> {
    const wanted = [...new Set(unitIds.filter(isUuid))];
    if (wanted.length === 0) return unitIds.map(() => []);
    const rows = await this.em.execute<YouthUnitRow[]>(
      `select ${UNIT_COLUMNS} from youth_unit
        where parent_id in (${placeholders(wanted.length)}) and level = 'BRANCH' order by name, id`,
      wanted,
    );
    return unitIds.map((id) => rows.filter((row) => row.parent_id === id).map(toView));
  }
}
