import { Injectable } from '@nestjs/common';
import { type Actor, Permission } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { EntityManager } from '@mikro-orm/postgresql';
import { ConsentMethod, ConsentPurpose } from './entities';
import {
  authorizeResident,
  findResidentRow,
  isUuid,
  placeholders,
  requireAccount,
  toDate,
  toDateOrNull,
} from './resident-records';
import { checkConsentEvidence, valid } from './resident-rules';
import { ResidentsError, ResidentsErrorCode } from './residents.errors';

export interface ConsentView {
  id: string;
  residentId: string;
  purpose: ConsentPurpose;
  method: ConsentMethod;
  evidence: string | null;
  recordedAt: Date;
  recordedBy: string | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
}

export interface RecordConsentInput {
  residentId: string;
  purpose: ConsentPurpose;
  method: ConsentMethod;
  evidence?: string | null;
}

interface ConsentRow {
  id: string;
  resident_id: string;
  purpose: ConsentPurpose;
  method: ConsentMethod;
  evidence: string | null;
  recorded_at: Date | string;
  recorded_by: string | null;
  withdrawn_at: Date | string | null;
  withdrawn_by: string | null;
}

const CONSENT_COLUMNS = `id, resident_id, purpose, method, evidence, recorded_at, recorded_by, withdrawn_at, withdrawn_by`;

export function toConsentView(row: ConsentRow): ConsentView {
  return {
    id: row.id,
    residentId: row.resident_id,
    purpose: row.purpose,
    method: row.method,
    evidence: row.evidence,
    recordedAt: toDate(row.recorded_at),
    recordedBy: row.recorded_by,
    withdrawnAt: toDateOrNull(row.withdrawn_at),
    withdrawnBy: row.withdrawn_by,
  };
}

/**
 * Consent as the law asks for it: per purpose, with method, time and who recorded it, and a
 * withdrawal that is kept and audited. Officials with RESIDENTS_WRITE in the resident's scope act
 * on a resident's behalf; a resident acts on their own record.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
  ) {}

  /** Consents of residents the caller has already been allowed to see (for nested fields). */
  async consentsOfResidents(residentIds: readonly string[]): Promise<ConsentView[][]> {
    const ids = residentIds.filter(isUuid);
    if (ids.length === 0) return residentIds.map(() => []);
    const rows = await this.em.execute<ConsentRow[]>(
      `select ${CONSENT_COLUMNS} from consent where resident_id in (${placeholders(ids.length)}) order by recorded_at, id`,
      ids,
    );
    return residentIds.map((id) => rows.filter((row) => row.resident_id === id).map(toConsentView));
  }

  /** Idempotent: an open consent for the same purpose is returned as it is. */
  async recordConsent(actor: Actor, input: RecordConsentInput, requestId?: string | null): Promise<ConsentView> {
    const account = requireAccount(actor);
    const evidence = valid(checkConsentEvidence(input.evidence));
    const resident = authorizeResident(
      actor,
      await findResidentRow(this.em, input.residentId),
      Permission.RESIDENTS_WRITE,
      {
        allowSelf: true,
      },
    );
    return this.em.transactional(async (em) => {
      const [inserted] = await em.execute<ConsentRow[]>(
        `insert into consent (id, resident_id, purpose, method, evidence, recorded_at, recorded_by)
         values (gen_random_uuid(), ?, ?, ?, ?, now(), ?)
         on conflict (resident_id, purpose) where withdrawn_at is null do nothing returning ${CONSENT_COLUMNS}`,
        [resident.id, input.purpose, input.method, evidence, account.accountId],
      );
      if (!inserted) return toConsentView((await this.openConsent(em, resident.id, input.purpose))!);
      await this.audit.record(em, {
        action: AuditAction.CONSENT_RECORDED,
        actorAccountId: account.accountId,
        targetType: 'resident',
        targetId: resident.id,
        requestId,
        details: { consentId: inserted.id, purpose: inserted.purpose, method: inserted.method },
      });
      return toConsentView(inserted);
    });
  }

  /** Idempotent: withdrawing a withdrawn consent returns it unchanged and logs nothing new. */
  async withdrawConsent(actor: Actor, consentId: string, requestId?: string | null): Promise<ConsentView> {
    requireAccount(actor);
    const [consent] = isUuid(consentId)
      ? await this.em.execute<ConsentRow[]>(`select ${CONSENT_COLUMNS} from consent where id = ?`, [consentId])
      : [];
    try {
      authorizeResident(
        actor,
        consent ? await findResidentRow(this.em, consent.resident_id) : null,
        Permission.RESIDENTS_WRITE,
        {
          allowSelf: true,
        },
      );
    } catch (error) {
      // A consent is found through its resident: one the caller cannot see does not exist for them.
      if (error instanceof ResidentsError)
        throw new ResidentsError(ResidentsErrorCode.CONSENT_NOT_FOUND, { id: consentId });
      throw error;
    }
    return this.withdraw(actor, consent, requestId);
  }

  /** Withdraws the open consent of a resident for one purpose (or returns the last withdrawn one). */
  async withdrawConsentForPurpose(
    actor: Actor,
    residentId: string,
    purpose: ConsentPurpose,
    requestId?: string | null,
  ): Promise<ConsentView> {
    const resident = authorizeResident(actor, await findResidentRow(this.em, residentId), Permission.RESIDENTS_WRITE, {
      allowSelf: true,
    });
    const [consent] = await this.em.execute<ConsentRow[]>(
      `select ${CONSENT_COLUMNS} from consent where resident_id = ? and purpose = ?
        order by withdrawn_at is null desc, withdrawn_at desc limit 1`,
      [resident.id, purpose],
    );
    if (!consent) throw new ResidentsError(ResidentsErrorCode.CONSENT_NOT_FOUND, { residentId: resident.id, purpose });
    return this.withdraw(actor, consent, requestId);
  }

  private async withdraw(actor: Actor, consent: ConsentRow, requestId?: string | null): Promise<ConsentView> {
    const account = requireAccount(actor);
    if (consent.withdrawn_at !== null) return toConsentView(consent);
    return this.em.transactional(async (em) => {
      const [withdrawn] = await em.execute<ConsentRow[]>(
        `update consent set withdrawn_at = now(), withdrawn_by = ? where id = ? and withdrawn_at is null returning ${CONSENT_COLUMNS}`,
        [account.accountId, consent.id],
      );
      if (!withdrawn) {
        // A concurrent withdrawal won; it wrote the audit line.
        const [current] = await em.execute<ConsentRow[]>(`select ${CONSENT_COLUMNS} from consent where id = ?`, [
          consent.id,
        ]);
        return toConsentView(current);
      }
      await this.audit.record(em, {
        action: AuditAction.CONSENT_WITHDRAWN,
        actorAccountId: account.accountId,
        targetType: 'resident',
        targetId: consent.resident_id,
        requestId,
        details: { consentId: consent.id, purpose: consent.purpose },
      });
      return toConsentView(withdrawn);
    });
  }

  private async openConsent(
    em: EntityManager,
    residentId: string,
    purpose: ConsentPurpose,
  ): Promise<ConsentRow | undefined> {
    const [row] = await em.execute<ConsentRow[]>(
      `select ${CONSENT_COLUMNS} from consent where resident_id = ? and purpose = ? and withdrawn_at is null`,
      [residentId, purpose],
    );
    return row;
  }
}
