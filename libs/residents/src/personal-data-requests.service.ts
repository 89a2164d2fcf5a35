import { Injectable, Logger } from '@nestjs/common';
import { type Actor, Permission } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { PiiVault } from '@hocvuso/identity';
import { EntityManager } from '@mikro-orm/postgresql';
import { ConsentsService } from './consents.service';
import { PersonalDataSources } from './personal-data-sources';
import {
  authorizeResident,
  findResidentRow,
  requireAccount,
  type ResidentRow,
  toDate,
  toDateOrNull,
} from './resident-records';
import { ResidentsError, ResidentsErrorCode } from './residents.errors';

/** Why a resident's data was erased. A code, not free text: the audit log must hold no personal data. */
export enum ErasureReason {
  /** the resident asked (Law 91/2025/QH15, right to erasure) */
  RESIDENT_REQUEST = 'RESIDENT_REQUEST',
  /** consent was withdrawn and nothing else allows keeping the data */
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  /** the same person was entered twice */
  DUPLICATE_RECORD = 'DUPLICATE_RECORD',
  /** entered by mistake (wrong person, test data) */
  ENTERED_BY_MISTAKE = 'ENTERED_BY_MISTAKE',
}

export interface PersonalDataExport {
  /** everything held about the person, as pretty-printed JSON */
  json: string;
  generatedAt: Date;
}

export interface ErasureResult {
  residentId: string;
  erasedAt: Date;
}

const ERASED_DISPLAY_NAME = 'Đã xóa';

/**
 * The data subject's rights: a copy of everything held about them, and erasure. An official
 * needs RESIDENTS_DATA_REQUESTS in the resident's scope (acting on the person's request); the
 * resident may do both on their own record. Both are audited without personal data.
 */
@Injectable()
export class PersonalDataRequestsService {
  private readonly logger = new Logger(PersonalDataRequestsService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly consents: ConsentsService,
    private readonly em: EntityManager,
    private readonly vault: PiiVault,
    private readonly sources: PersonalDataSources,
  ) {}

  async exportMyData(actor: Actor, requestId?: string | null): Promise<PersonalDataExport> {
    const account = requireAccount(actor);
    if (account.residentId === null) throw new ResidentsError(ResidentsErrorCode.RESIDENT_NOT_FOUND);
    return this.exportResidentData(actor, account.residentId, requestId);
  }

  async exportResidentData(actor: Actor, residentId: string, requestId?: string | null): Promise<PersonalDataExport> {
    const account = requireAccount(actor);
    const row = authorizeResident(
      actor,
      await findResidentRow(this.em, residentId),
      Permission.RESIDENTS_DATA_REQUESTS,
      {
        allowSelf: true,
      },
    );
    const generatedAt = new Date();
    return this.em.transactional(async (em) => {
      const data = await this.collect(em, row, generatedAt);
      await this.audit.record(em, {
        action: AuditAction.RESIDENT_DATA_EXPORTED,
        actorAccountId: account.accountId,
        targetType: 'resident',
        targetId: row.id,
        requestId,
        details: {
          consents: data.consents.length,
          auditLines: data.auditTrail.length,
          account: data.account !== null,
          sections: this.sources.all().map((source) => source.section),
        },
      });
      return { json: JSON.stringify(data, null, 2), generatedAt };
    });
  }

  /**
   * Blanks every personal field and keeps the row (id, village) so counts stay right; withdraws
   * open consents and clears their evidence; disables a linked account and clears its phone, name
   * and username. Idempotent: erasing an erased resident returns the first erasure.
   */
  async eraseResident(
    actor: Actor,
    residentId: string,
    reason: ErasureReason,
    requestId?: string | null,
  ): Promise<ErasureResult> {
    const account = requireAccount(actor);
    const row = authorizeResident(
      actor,
      await findResidentRow(this.em, residentId),
      Permission.RESIDENTS_DATA_REQUESTS,
      {
        allowSelf: true,
        includeErased: true,
      },
    );
    if (row.erased_at !== null) return { residentId: row.id, erasedAt: toDate(row.erased_at) };
    const result = await this.em.transactional(async (em) => {
      const [erased] = await em.execute<{ erased_at: string }[]>(
        `update resident set full_name = null, birth_year = null, gender = null, phone_cipher = null, phone_hash = null,
                citizen_id_cipher = null, citizen_id_hash = null, erased_at = now(), updated_at = now()
          where id = ? and erased_at is null returning erased_at`,
        [row.id],
      );
      if (!erased) {
        const [current] = await em.execute<{ erased_at: string }[]>(`select erased_at from resident where id = ?`, [
          row.id,
        ]);
        return { residentId: row.id, erasedAt: toDate(current.erased_at) };
      }
      const withdrawn = await em.execute<{ id: string }[]>(
        `update consent set withdrawn_at = coalesce(withdrawn_at, now()), withdrawn_by = coalesce(withdrawn_by, ?), evidence = null
          where resident_id = ? returning id`,
        [account.accountId, row.id],
      );
      const accounts = await em.execute<{ id: string }[]>(
        `update account set status = 'DISABLED', phone_cipher = null, phone_hash = null, display_name = ?,
                username = 'erased-' || replace(id::text, '-', ''), updated_at = now()
          where resident_id = ? returning id`,
        [ERASED_DISPLAY_NAME, row.id],
      );
      for (const source of this.sources.all()) await source.erase(em, row.id);
      if (accounts.length > 0) {
        await em.execute(
          `update refresh_token set revoked_at = now() where account_id = ? and revoked_at is null`,
          [accounts[0].id],
          'run',
        );
      }
      await this.audit.record(em, {
        action: AuditAction.RESIDENT_ERASED,
        actorAccountId: account.accountId,
        targetType: 'resident',
        targetId: row.id,
        requestId,
        details: {
          reason,
          consents: withdrawn.length,
          accountId: accounts[0]?.id ?? null,
          self: account.residentId === row.id,
        },
      });
      return { residentId: row.id, erasedAt: toDate(erased.erased_at) };
    });
    this.logger.log({ residentId: row.id, reason }, 'resident erased');
    return result;
  }

  private async collect(em: EntityManager, row: ResidentRow, generatedAt: Date) {
    const [village] = await em.execute<{ name: string; commune_name: string; province_name: string }[]>(
      `select v.name, c.full_name as commune_name, p.full_name as province_name
         from village v join commune c on c.code = v.commune_code join province p on p.code = c.province_code where v.id = ?`,
      [row.village_id],
    );
    const [consents] = await this.consents.consentsOfResidents([row.id]);
    const [linked] = await em.execute<
      {
        id: string;
        username: string | null;
        display_name: string;
        status: string;
        phone_cipher: string | null;
        created_at: string;
        last_login_at: string | null;
      }[]
    >(
      `select id, username, display_name, status, phone_cipher, created_at, last_login_at from account where resident_id = ?`,
      [row.id],
    );
    const grants = linked
      ? await em.execute<
          { role: string; scope_kind: string; scope_id: string; created_at: string; revoked_at: string | null }[]
        >(
          `select role, scope_kind, scope_id, created_at, revoked_at from role_grant where account_id = ? order by created_at`,
          [linked.id],
        )
      : [];
    const auditTrail = await em.execute<{ occurred_at: string; action: string; actor_account_id: string | null }[]>(
      `select occurred_at, action, actor_account_id from audit_log
        where (target_type = 'resident' and target_id = ?) or (?::uuid is not null and (actor_account_id = ?::uuid or (target_type = 'account' and target_id = ?)))
        order by occurred_at, id`,
      [row.id, linked?.id ?? null, linked?.id ?? null, linked?.id ?? null],
    );
    const sections: Record<string, unknown> = {};
    for (const source of this.sources.all()) sections[source.section] = await source.collect(em, row.id);
    return {
      generatedAt: generatedAt.toISOString(),
      resident: {
        id: row.id,
        fullName: row.full_name,
        birthYear: row.birth_year,
        gender: row.gender,
        phone: row.phone_cipher ? this.vault.decrypt(row.phone_cipher) : null,
        citizenId: row.citizen_id_cipher ? this.vault.decrypt(row.citizen_id_cipher) : null,
        village: {
          id: row.village_id,
          name: village?.name ?? null,
          commune: village?.commune_name ?? null,
          province: village?.province_name ?? null,
        },
        recordedBy: row.created_by,
        createdAt: toDate(row.created_at),
      },
      consents: consents.map((consent) => ({
        purpose: consent.purpose,
        method: consent.method,
        evidence: consent.evidence,
        recordedAt: consent.recordedAt,
        recordedBy: consent.recordedBy,
        withdrawnAt: consent.withdrawnAt,
        withdrawnBy: consent.withdrawnBy,
      })),
      account: linked
        ? {
            id: linked.id,
            username: linked.username,
            displayName: linked.display_name,
            phone: linked.phone_cipher ? this.vault.decrypt(linked.phone_cipher) : null,
            status: linked.status,
            createdAt: toDate(linked.created_at),
            lastLoginAt: toDateOrNull(linked.last_login_at),
            roles: grants.map((grant) => ({
              role: grant.role,
              scopeKind: grant.scope_kind,
              scopeId: grant.scope_id,
              grantedAt: toDate(grant.created_at),
              revokedAt: toDateOrNull(grant.revoked_at),
            })),
          }
        : null,
      auditTrail: auditTrail.map((line) => ({
        occurredAt: toDate(line.occurred_at),
        action: line.action,
        actorAccountId: line.actor_account_id,
      })),
      ...sections,
    };
  }
}
