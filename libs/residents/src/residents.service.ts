import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type Actor, can, Permission, type Scope, scopeContains, ScopeKind, scopesWith } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { decodeCursor, MAX_PAGE_SIZE, type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { foldVietnamese, GeographyError, GeographyErrorCode, searchTokens } from '@hocvuso/geography';
import { normalizeCitizenId, normalizePhone, PiiVault } from '@hocvuso/identity';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { Gender } from './entities';
import {
  type AccountActor,
  authorizeResident,
  findResidentRow,
  insertConsents,
  isSelf,
  isUuid,
  placeholders,
  requireAccount,
  RESIDENT_COLUMNS,
  RESIDENT_FROM,
  type ResidentRow,
  type ResidentView,
  toResidentView,
  villageScope,
} from './resident-records';
import { checkResidentFields, type ConsentInput, type ResidentFields, valid, validConsent } from './resident-rules';
import { ResidentsError, ResidentsErrorCode } from './residents.errors';

export interface CreateResidentInput {
  villageId: string;
  fullName: string;
  birthYear: number;
  gender?: Gender | null;
  phone?: string | null;
  citizenId?: string | null;
  consent: ConsentInput;
}

/** Exactly one of villageId / communeCode. */
export interface ResidentFilter {
  villageId?: string | null;
  communeCode?: string | null;
  search?: string | null;
}

/** The unmasked contact details; reading them is audited. */
export interface ResidentContact {
  residentId: string;
  phone: string | null;
  citizenId: string | null;
}

interface VillageRow {
  id: string;
  commune_code: string;
  province_code: string;
}

/**
 * Residents and their personal data (Law 91/2025/QH15). Phone and citizen id are stored
 * encrypted with a keyed hash beside each; reads return them masked, and only `contact` (an
 * audited, separately permitted read) returns them in clear.
 */
@Injectable()
export class ResidentsService {
  private readonly logger = new Logger(ResidentsService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
    private readonly vault: PiiVault,
  ) {}

  /**
   * Resident, consent rows and audit line in one transaction. Retry-safe: the identical request
   * again returns the resident it created (matched by phone / citizen id hash, or by village,
   * name and birth year when neither is given).
   */
  async createResident(actor: Actor, input: CreateResidentInput, requestId?: string | null): Promise<ResidentView> {
    const account = requireAccount(actor);
    const fields = valid(checkResidentFields(input, new Date()));
    const consent = validConsent(input.consent);
    await this.writableVillage(account, input.villageId);
    const phoneHash = fields.phone ? this.vault.hash('phone', fields.phone) : null;
    const citizenIdHash = fields.citizenId ? this.vault.hash('citizenId', fields.citizenId) : null;

    const existing = await this.sameResident(input.villageId, fields, phoneHash, citizenIdHash);
    if (existing) return toResidentView(existing, this.vault);
    const id = randomUUID();
    try {
      await this.em.transactional(async (em) => {
        await em.execute(
          `insert into resident (id, village_id, full_name, birth_year, gender, phone_cipher, phone_hash, citizen_id_cipher, citizen_id_hash, created_by)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            input.villageId,
            fields.fullName,
            fields.birthYear,
            fields.gender,
            fields.phone ? this.vault.encrypt(fields.phone) : null,
            phoneHash,
            fields.citizenId ? this.vault.encrypt(fields.citizenId) : null,
            citizenIdHash,
            account.accountId,
          ],
          'run',
        );
        const consentIds = await insertConsents(em, [id], consent, account.accountId);
        await this.audit.record(em, {
          action: AuditAction.RESIDENT_CREATED,
          actorAccountId: account.accountId,
          targetType: 'resident',
          targetId: id,
          requestId,
          details: { villageId: input.villageId, consentIds, purposes: consent.purposes, method: consent.method },
        });
      });
    } catch (error) {
      // The unique hash indexes lost a race to a concurrent create: answer as that request did.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const winner = await this.sameResident(input.villageId, fields, phoneHash, citizenIdHash);
      if (winner) return toResidentView(winner, this.vault);
      throw new ResidentsError(ResidentsErrorCode.DUPLICATE_RESIDENT, {
        fields: [...(phoneHash ? ['phone'] : []), ...(citizenIdHash ? ['citizenId'] : [])],
      });
    }
    this.logger.log({ residentId: id, villageId: input.villageId }, 'resident created');
    return toResidentView((await findResidentRow(this.em, id))!, this.vault);
  }

  async getResident(actor: Actor, id: string): Promise<ResidentView> {
    const row = authorizeResident(actor, await findResidentRow(this.em, id), Permission.RESIDENTS_READ, {
      allowSelf: true,
    });
    return toResidentView(row, this.vault);
  }

  /** Phone and citizen id in clear. Needs RESIDENTS_READ_UNMASKED (or being that resident); always audited. */
  async contact(actor: Actor, id: string, requestId?: string | null): Promise<ResidentContact> {
    const row = authorizeResident(actor, await findResidentRow(this.em, id), Permission.RESIDENTS_READ_UNMASKED, {
      allowSelf: true,
    });
    const contact: ResidentContact = {
      residentId: row.id,
      phone: row.phone_cipher ? this.vault.decrypt(row.phone_cipher) : null,
      citizenId: row.citizen_id_cipher ? this.vault.decrypt(row.citizen_id_cipher) : null,
    };
    await this.audit.record(this.em, {
      action: AuditAction.RESIDENT_UNMASKED_READ,
      actorAccountId: requireAccount(actor).accountId,
      targetType: 'resident',
      targetId: row.id,
      requestId,
      details: {
        fields: (['phone', 'citizenId'] as const).filter((field) => contact[field] !== null),
        self: isSelf(actor, row.id),
      },
    });
    return contact;
  }

  /** Exact lookup by phone number through its hash; null when nobody the caller may see has it. */
  async findByPhone(actor: Actor, phone: string): Promise<ResidentView | null> {
    const normalized = normalizePhone(phone);
    if (normalized === null) throw new ResidentsError(ResidentsErrorCode.INVALID_PHONE, { field: 'phone' });
    return this.findByHash(actor, 'phone_hash', this.vault.hash('phone', normalized));
  }

  async findByCitizenId(actor: Actor, citizenId: string): Promise<ResidentView | null> {
    const normalized = normalizeCitizenId(citizenId);
    if (normalized === null) throw new ResidentsError(ResidentsErrorCode.INVALID_CITIZEN_ID, { field: 'citizenId' });
    return this.findByHash(actor, 'citizen_id_hash', this.vault.hash('citizenId', normalized));
  }

  /**
   * Residents of a village or a commune in name order, limited to the caller's scopes. A village
   * or commune the caller cannot read answers VILLAGE_NOT_FOUND / COMMUNE_NOT_FOUND, as a missing
   * one does. Erased residents are left out (they still count in `residentCounts`).
   */
  async listResidents(actor: Actor, filter: ResidentFilter, page: PageArgs): Promise<Page<ResidentView>> {
    const account = requireAccount(actor);
    const after = cursorKey(page);
    if ((filter.villageId == null) === (filter.communeCode == null)) {
      throw new ResidentsError(ResidentsErrorCode.INVALID_RESIDENT_FILTER);
    }
    const conditions = ['r.erased_at is null'];
    const params: unknown[] = [];
    if (filter.villageId != null) {
      const village = await this.villageRow(filter.villageId);
      if (
        !village ||
        !can(account, Permission.RESIDENTS_READ, villageScope(village.id, village.commune_code, village.province_code))
      ) {
        throw new GeographyError(GeographyErrorCode.VILLAGE_NOT_FOUND, { id: filter.villageId });
      }
      conditions.push('r.village_id = ?');
      params.push(village.id);
    } else {
      const villageIds = await this.readableVillagesOfCommune(account, filter.communeCode!);
      if (villageIds === 'all') {
        conditions.push('v.commune_code = ?');
        params.push(filter.communeCode);
      } else {
        conditions.push(`r.village_id in (${placeholders(villageIds.length)})`);
        params.push(...villageIds);
      }
    }
    for (const token of searchTokens(filter.search ?? '')) {
      conditions.push('r.search_text like ?');
      params.push(`%${token}%`);
    }
    const where = conditions.join(' and ');
    const keyset = after ? ' and (r.search_text, r.id) > (?, ?::uuid)' : '';
    const [rows, [{ n }]] = await Promise.all([
      this.em.execute<(ResidentRow & { search_text: string })[]>(
        `select ${RESIDENT_COLUMNS}, r.search_text from ${RESIDENT_FROM} where ${where}${keyset} order by r.search_text, r.id limit ?`,
        [...params, ...(after ?? []), page.first + 1],
      ),
      this.em.execute<{ n: number }[]>(`select count(*)::int as n from ${RESIDENT_FROM} where ${where}`, params),
    ]);
    const pageOfRows = toPage(rows, page.first, n, (row) => [row.search_text, row.id]);
    return { ...pageOfRows, items: pageOfRows.items.map((row) => toResidentView(row, this.vault)) };
  }

  /**
   * Residents per village, erased ones included: erasure removes the person, not the count.
   * Null for a village the caller may not read residents of (or that does not exist).
   */
  async residentCounts(actor: Actor, villageIds: readonly string[]): Promise<(number | null)[]> {
    const ids = villageIds.filter(isUuid);
    if (actor.kind !== 'account' || ids.length === 0) return villageIds.map(() => null);
    const rows = await this.em.execute<(VillageRow & { n: number })[]>(
      `select v.id, v.commune_code, c.province_code, count(r.id)::int as n
         from village v join commune c on c.code = v.commune_code left join resident r on r.village_id = v.id
        where v.id in (${placeholders(ids.length)}) group by v.id, v.commune_code, c.province_code`,
      ids,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return villageIds.map((id) => {
      const row = byId.get(id);
      if (!row || !can(actor, Permission.RESIDENTS_READ, villageScope(row.id, row.commune_code, row.province_code)))
        return null;
      return row.n;
    });
  }

  private async findByHash(
    actor: Actor,
    column: 'phone_hash' | 'citizen_id_hash',
    hash: string,
  ): Promise<ResidentView | null> {
    requireAccount(actor);
    const [row] = await this.em.execute<ResidentRow[]>(
      `select ${RESIDENT_COLUMNS} from ${RESIDENT_FROM} where r.${column} = ? and r.erased_at is null`,
      [hash],
    );
    if (!row) return null;
    try {
      return toResidentView(authorizeResident(actor, row, Permission.RESIDENTS_READ, { allowSelf: true }), this.vault);
    } catch (error) {
      if (error instanceof ResidentsError) return null;
      throw error;
    }
  }

  private async villageRow(id: string): Promise<VillageRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.em.execute<VillageRow[]>(
      `select v.id, v.commune_code, c.province_code from village v join commune c on c.code = v.commune_code where v.id = ?`,
      [id],
    );
    return row ?? null;
  }

  /** The village a resident is created in; one the caller may not write in does not exist for them. */
  private async writableVillage(actor: AccountActor, villageId: string): Promise<VillageRow> {
    const village = await this.villageRow(villageId);
    if (
      !village ||
      !can(actor, Permission.RESIDENTS_WRITE, villageScope(village.id, village.commune_code, village.province_code))
    ) {
      throw new GeographyError(GeographyErrorCode.VILLAGE_NOT_FOUND, { id: villageId });
    }
    return village;
  }

  /** 'all' when a grant covers the whole commune, else the villages of it the caller's village grants cover. */
  private async readableVillagesOfCommune(actor: AccountActor, communeCode: string): Promise<'all' | string[]> {
    const [commune] = await this.em.execute<{ province_code: string }[]>(
      `select province_code from commune where code = ?`,
      [String(communeCode)],
    );
    const notFound = new GeographyError(GeographyErrorCode.COMMUNE_NOT_FOUND, { code: communeCode });
    if (!commune) throw notFound;
    const communeScope: Scope = {
      kind: ScopeKind.COMMUNE,
      id: communeCode,
      provinceCode: commune.province_code,
      communeCode,
      villageId: null,
    };
    const scopes = scopesWith(actor, Permission.RESIDENTS_READ);
    if (scopes.some((scope) => scopeContains(scope, communeScope))) return 'all';
    const villageIds = scopes
      .filter((scope) => scope.kind === ScopeKind.VILLAGE && scope.communeCode === communeCode)
      .map((scope) => scope.id);
    if (villageIds.length === 0) throw notFound;
    return villageIds;
  }

  /**
   * The resident this create request is a retry of, or null when there is none. A resident that
   * holds the same phone or citizen id but differs otherwise is a DUPLICATE_RESIDENT naming the
   * clashing fields (never their values).
   */
  private async sameResident(
    villageId: string,
    fields: ResidentFields,
    phoneHash: string | null,
    citizenIdHash: string | null,
  ): Promise<ResidentRow | null> {
    if (phoneHash === null && citizenIdHash === null) {
      const rows = await this.em.execute<ResidentRow[]>(
        `select ${RESIDENT_COLUMNS} from ${RESIDENT_FROM}
          where r.village_id = ? and r.birth_year = ? and r.search_text = ? and r.erased_at is null
            and r.phone_hash is null and r.citizen_id_hash is null order by r.created_at limit 1`,
        [villageId, fields.birthYear, foldVietnamese(fields.fullName)],
      );
      return rows[0] ?? null;
    }
    const rows = await this.em.execute<ResidentRow[]>(
      `select ${RESIDENT_COLUMNS} from ${RESIDENT_FROM} where r.phone_hash = ? or r.citizen_id_hash = ?`,
      [phoneHash ?? '', citizenIdHash ?? ''],
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    const identical =
      rows.length === 1 &&
      row.village_id === villageId &&
      row.full_name === fields.fullName &&
      row.birth_year === fields.birthYear &&
      row.phone_hash === phoneHash &&
      row.citizen_id_hash === citizenIdHash;
    if (identical) return row;
    const clashing: string[] = [];
    if (phoneHash !== null && rows.some((r) => r.phone_hash === phoneHash)) clashing.push('phone');
    if (citizenIdHash !== null && rows.some((r) => r.citizen_id_hash === citizenIdHash)) clashing.push('citizenId');
    throw new ResidentsError(ResidentsErrorCode.DUPLICATE_RESIDENT, { fields: clashing });
  }
}

function cursorKey(page: PageArgs): string[] | null {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
    throw new GeographyError(GeographyErrorCode.INVALID_PAGE_SIZE, { first: page.first });
  }
  if (page.after == null) return null;
  const key = decodeCursor(page.after, 2);
  if (!key || !isUuid(key[1])) throw new GeographyError(GeographyErrorCode.INVALID_CURSOR);
  return key;
}
