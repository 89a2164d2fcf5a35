import { villageScope } from '@hocvuso/access';
import type { Scope } from '@hocvuso/access';
import { toDate, toDateOrNull } from '@hocvuso/residents/resident-records';
import { maskFullName } from './masked-name';
import { formatVerificationCode } from './verification-code';

export enum CertificateStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  NOT_FOUND = 'NOT_FOUND',
}

/** A certificate row with its holder's name and the holder's place, as reads and authorization need it. */
export interface CertificateRow {
  id: string;
  code: string;
  resident_id: string;
  enrollment_id: string;
  course_id: string;
  course_version_id: string;
  course_version_number: number;
  course_title: string;
  issuing_province_code: string | null;
  issuing_unit_name: string;
  completed_at: Date | string;
  issued_at: Date | string;
  /** issued_at as PostgreSQL prints it, microseconds kept: the list cursor */
  issued_key: string;
  revoked_at: Date | string | null;
  revoked_reason: string | null;
  revoked_by: string | null;
  full_name: string | null;
  erased_at: Date | string | null;
  village_id: string;
  commune_code: string;
  province_code: string;
}

export const CERTIFICATE_SELECT = `select c.id, c.code, c.resident_id, c.enrollment_id, c.course_id, c.course_version_id,
  c.course_version_number, c.course_title, c.issuing_province_code, c.issuing_unit_name, c.completed_at, c.issued_at,
  c.issued_at::text as issued_key, c.revoked_at, c.revoked_reason, c.revoked_by,
  r.full_name, r.erased_at, r.village_id, v.commune_code, cm.province_code
  from certificate c join resident r on r.id = c.resident_id join village v on v.id = r.village_id
  join commune cm on cm.code = v.commune_code`;

/** What the holder and the officials in scope see of a certificate. */
export interface CertificateView {
  id: string;
  /** grouped: HV7K-2M9Q-XR */
  code: string;
  status: CertificateStatus.VALID | CertificateStatus.REVOKED;
  residentId: string;
  enrollmentId: string;
  courseId: string;
  courseVersionId: string;
  courseVersionNumber: number;
  courseTitle: string;
  issuingProvinceCode: string | null;
  issuingUnitName: string;
  completedAt: Date;
  issuedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  /** the signed text of the certificate's QR code (HVS1.…) */
  qrText: string;
}

/** What anyone holding a code may learn: the name masked, no ids. */
export interface CertificateVerification {
  status: CertificateStatus;
  /** the code asked about, grouped */
  code: string;
  maskedName: string | null;
  courseTitle: string | null;
  courseVersionNumber: number | null;
  issuedAt: Date | null;
  issuingUnitName: string | null;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export function holderScope(row: CertificateRow): Scope {
  return villageScope(row.village_id, row.commune_code, row.province_code);
}

export function statusOf(row: Pick<CertificateRow, 'revoked_at'>): CertificateStatus.VALID | CertificateStatus.REVOKED {
  return row.revoked_at === null ? CertificateStatus.VALID : CertificateStatus.REVOKED;
}

export function holderMaskedName(row: CertificateRow): string {
  return maskFullName(row.erased_at === null ? row.full_name : null);
}

export function toVerification(row: CertificateRow): CertificateVerification {
  return {
    status: statusOf(row),
    code: formatVerificationCode(row.code),
    maskedName: holderMaskedName(row),
    courseTitle: row.course_title,
    courseVersionNumber: row.course_version_number,
    issuedAt: toDate(row.issued_at),
    issuingUnitName: row.issuing_unit_name,
    revokedAt: toDateOrNull(row.revoked_at),
    revokedReason: row.revoked_reason,
  };
}

export function notFoundVerification(code: string): CertificateVerification {
  return {
    status: CertificateStatus.NOT_FOUND,
    code: formatVerificationCode(code),
    maskedName: null,
    courseTitle: null,
    courseVersionNumber: null,
    issuedAt: null,
    issuingUnitName: null,
    revokedAt: null,
    revokedReason: null,
  };
}
