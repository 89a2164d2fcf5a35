import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { type Actor, can, Permission, requireAccount } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { decodeCursor, MAX_PAGE_SIZE, type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { GeographyError, GeographyErrorCode } from '@hocvuso/geography';
import { findResidentRow, isSelf, isUuid, toDate, toDateOrNull } from '@hocvuso/residents/resident-records';
import { countHit, REDIS } from '@hocvuso/redis';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import { renderCertificatePdf } from './certificate-pdf';
import {
  CERTIFICATE_SELECT,
  type CertificateRow,
  type CertificateVerification,
  type CertificateView,
  holderMaskedName,
  holderScope,
  notFoundVerification,
  statusOf,
  toVerification,
} from './certificate-records';
import { CertificateSigner } from './certificate-signer';
import { CertificatesError, CertificatesErrorCode } from './certificates.errors';
import type { IssueRequest } from './issue-request';
import { formatVerificationCode, generateVerificationCode, normalizeVerificationCode } from './verification-code';

export const REVOCATION_REASON_MIN_LENGTH = 5;
export const REVOCATION_REASON_MAX_LENGTH = 500;

export interface IssueResult {
  certificate: CertificateView;
  /** false when this completion already had its certificate (a repeated job) */
  created: boolean;
}

export interface CertificatePdf {
  fileName: string;
  content: Buffer;
}

const issueDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Certificates: issued by the worker when a course is completed, verified by anyone from the
 * code, downloaded as PDF by the holder and the officials who can see the holder, revoked by
 * officials in scope. Authorization happens here and only here.
 */
@Injectable()
export class CertificatesService {
  private readonly logger = new Logger(CertificatesService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
    private readonly signer: CertificateSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  get publicKeyPem(): string {
    return this.signer.publicKeyPem;
  }

  /**
   * Issues the certificate of a completion, once: a repeated or duplicated job finds the
   * certificate the first one created (the unique resident + course version index decides).
   */
  async issue(request: IssueRequest): Promise<IssueResult> {
    const resident = await findResidentRow(this.em, request.residentId);
    if (!resident || resident.erased_at !== null) {
      throw new CertificatesError(CertificatesErrorCode.RESIDENT_NOT_ELIGIBLE, { residentId: request.residentId });
    }
    // A fresh code colliding with an existing one (50 random bits) also makes the insert do
    // nothing; drawing again settles it.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const created = await this.insertCertificate(request);
      const row = await this.rowOf(request.residentId, request.courseVersionId);
      if (row) {
        if (created) this.logger.log({ certificateId: row.id, residentId: row.resident_id }, 'certificate issued');
        return { certificate: this.toView(row), created };
      }
    }
    throw new Error(`no free verification code after 3 draws for enrollment ${request.enrollmentId}`);
  }

  /**
   * Public: what a code stands for. Dashes, spaces and case do not matter. Each client address
   * gets CERTIFICATE_VERIFY_PER_MINUTE lookups a minute (shared by every API replica through
   * Redis), so codes cannot be swept; a malformed code counts too.
   */
  async verify(codeInput: string, client: { ip: string }): Promise<CertificateVerification> {
    const [window] = await countHit(
      this.redis,
      [`${this.config.REDIS_KEY_PREFIX}:certificate-verifications:ip:${client.ip}`],
      60,
    );
    if (window.count > this.config.CERTIFICATE_VERIFY_PER_MINUTE) {
      throw new CertificatesError(CertificatesErrorCode.VERIFICATION_RATE_LIMITED, {
        retryAfterSeconds: Math.max(1, Math.ceil(window.remainingMs / 1000)),
      });
    }
    const code = parseCode(codeInput);
    const row = await this.rowByCode(code);
    return row ? toVerification(row) : notFoundVerification(code);
  }

  /** The signed-in resident's own certificates, newest first; empty for an account that is not a resident. */
  async listMine(actor: Actor, page: PageArgs): Promise<Page<CertificateView>> {
    const account = requireAccount(actor);
    const after = cursorKey(page);
    if (account.residentId === null) return { items: [], totalCount: 0, hasNextPage: false, endCursor: null };
    const keyset = after ? ' and (c.issued_at, c.id) < (?::timestamptz, ?::uuid)' : '';
    const [rows, [{ n }]] = await Promise.all([
      this.em.execute<CertificateRow[]>(
        `${CERTIFICATE_SELECT} where c.resident_id = ?${keyset} order by c.issued_at desc, c.id desc limit ?`,
        [account.residentId, ...(after ?? []), page.first + 1],
      ),
      this.em.execute<{ n: number }[]>(`select count(*)::int as n from certificate where resident_id = ?`, [
        account.residentId,
      ]),
    ]);
    const rowsPage = toPage(rows, page.first, n, (row) => [row.issued_key, row.id]);
    return { ...rowsPage, items: rowsPage.items.map((row) => this.toView(row)) };
  }

  /**
   * Revokes a certificate, keeping it (verification then says REVOKED with the reason). Needs
   * CERTIFICATES_REVOKE on the holder's village; anyone else gets CERTIFICATE_NOT_FOUND, as for
   * a code that does not exist. Revoking a revoked certificate returns it unchanged.
   */
  async revoke(
    actor: Actor,
    codeInput: string,
    reasonInput: string,
    requestId?: string | null,
  ): Promise<CertificateView> {
    const account = requireAccount(actor);
    const code = parseCode(codeInput);
    const reason = checkRevocationReason(reasonInput);
    const row = await this.rowByCode(code);
    if (!row || !can(account, Permission.CERTIFICATES_REVOKE, holderScope(row))) {
      throw new CertificatesError(CertificatesErrorCode.CERTIFICATE_NOT_FOUND, { code });
    }
    if (row.revoked_at !== null) return this.toView(row);
    await this.em.transactional(async (em) => {
      const updated = await em.execute<{ id: string }[]>(
        `update certificate set revoked_at = now(), revoked_reason = ?, revoked_by = ? where id = ? and revoked_at is null returning id`,
        [reason, account.accountId, row.id],
      );
      if (updated.length === 0) return; // a concurrent revocation won; it was audited there
      await this.audit.record(em, {
        action: AuditAction.CERTIFICATE_REVOKED,
        actorAccountId: account.accountId,
        targetType: 'certificate',
        targetId: row.id,
        requestId,
        // The reason is free text and may name people: it stays on the certificate, not in the log.
        details: { residentId: row.resident_id, courseVersionId: row.course_version_id },
      });
    });
    this.logger.log({ certificateId: row.id }, 'certificate revoked');
    return this.toView((await this.rowByCode(code))!);
  }

  /**
   * The printable certificate: for its holder, and for whoever may read the holder's record
   * (RESIDENTS_READ on the village). A holder whose data was erased has no name left to print.
   */
  async pdf(actor: Actor, codeInput: string): Promise<CertificatePdf> {
    const account = requireAccount(actor);
    const code = parseCode(codeInput);
    const row = await this.rowByCode(code);
    const allowed =
      row !== null &&
      row.erased_at === null &&
      (isSelf(account, row.resident_id) || can(account, Permission.RESIDENTS_READ, holderScope(row)));
    if (!allowed) throw new CertificatesError(CertificatesErrorCode.CERTIFICATE_NOT_FOUND, { code });
    const view = this.toView(row);
    const content = await renderCertificatePdf({
      fullName: row.full_name ?? '',
      courseTitle: view.courseTitle,
      courseVersionNumber: view.courseVersionNumber,
      completedAt: view.completedAt,
      issuedAt: view.issuedAt,
      issuingUnitName: view.issuingUnitName,
      code: view.code,
      qrText: view.qrText,
    });
    return { fileName: `giay-chung-nhan-${view.code}.pdf`, content };
  }

  /** Inserts the certificate unless this completion has one; true when this call created it. */
  private insertCertificate(request: IssueRequest): Promise<boolean> {
    return this.em.transactional(async (em) => {
      const id = randomUUID();
      const inserted = await em.execute<{ id: string }[]>(
        `insert into certificate (id, code, resident_id, enrollment_id, course_id, course_version_id, course_version_number,
           course_title, issuing_province_code, issuing_unit_name, completed_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id`,
        [
          id,
          generateVerificationCode(),
          request.residentId,
          request.enrollmentId,
          request.courseId,
          request.courseVersionId,
          request.courseVersionNumber,
          request.courseTitle,
          request.issuingProvinceCode,
          request.issuingUnitName,
          request.completedAt,
        ],
      );
      if (inserted.length === 0) return false;
      await this.audit.record(em, {
        action: AuditAction.CERTIFICATE_ISSUED,
        targetType: 'certificate',
        targetId: id,
        details: {
          residentId: request.residentId,
          enrollmentId: request.enrollmentId,
          courseId: request.courseId,
          courseVersionId: request.courseVersionId,
        },
      });
      return true;
    });
  }

  private async rowOf(residentId: string, courseVersionId: string): Promise<CertificateRow | null> {
    const [row] = await this.em.execute<CertificateRow[]>(
      `${CERTIFICATE_SELECT} where c.resident_id = ? and c.course_version_id = ?`,
      [residentId, courseVersionId],
    );
    return row ?? null;
  }

  private async rowByCode(code: string): Promise<CertificateRow | null> {
    const [row] = await this.em.execute<CertificateRow[]>(`${CERTIFICATE_SELECT} where c.code = ?`, [code]);
    return row ?? null;
  }

  private toView(row: CertificateRow): CertificateView {
    const issuedAt = toDate(row.issued_at);
    const code = formatVerificationCode(row.code);
    return {
      id: row.id,
      code,
      status: statusOf(row),
      residentId: row.resident_id,
      enrollmentId: row.enrollment_id,
      courseId: row.course_id,
      courseVersionId: row.course_version_id,
      courseVersionNumber: row.course_version_number,
      courseTitle: row.course_title,
      issuingProvinceCode: row.issuing_province_code,
      issuingUnitName: row.issuing_unit_name,
      completedAt: toDate(row.completed_at),
      issuedAt,
      revokedAt: toDateOrNull(row.revoked_at),
      revokedReason: row.revoked_reason,
      qrText: this.signer.sign({
        code,
        maskedName: holderMaskedName(row),
        courseTitle: row.course_title,
        courseVersionNumber: row.course_version_number,
        issuedOn: issueDay.format(issuedAt),
        issuingUnitName: row.issuing_unit_name,
      }),
    };
  }
}

function parseCode(input: string): string {
  const code = normalizeVerificationCode(input);
  if (code === null) throw new CertificatesError(CertificatesErrorCode.INVALID_CERTIFICATE_CODE);
  return code;
}

export function checkRevocationReason(input: string): string {
  const reason = typeof input === 'string' ? input.normalize('NFC').trim() : '';
  const length = [...reason].length;
  if (length < REVOCATION_REASON_MIN_LENGTH || length > REVOCATION_REASON_MAX_LENGTH) {
    throw new CertificatesError(CertificatesErrorCode.INVALID_REVOCATION_REASON, { length });
  }
  return reason;
}

/** A timestamptz as PostgreSQL prints it: `2026-11-22 08:17:06.300123+00`. */
const POSTGRES_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function cursorKey(page: PageArgs): string[] | null {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
    throw new GeographyError(GeographyErrorCode.INVALID_PAGE_SIZE, { first: page.first });
  }
  if (page.after == null) return null;
  const key = decodeCursor(page.after, 2);
  if (!key || !isUuid(key[1]) || !POSTGRES_TIMESTAMP.test(key[0])) {
    throw new GeographyError(GeographyErrorCode.INVALID_CURSOR);
  }
  return key;
}
