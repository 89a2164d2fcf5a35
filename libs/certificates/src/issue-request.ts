import type { IssueCertificatePayload } from '@hocvuso/jobs';
import { CertificatesError, CertificatesErrorCode } from './certificates.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const COURSE_TITLE_MAX_LENGTH = 300;
export const ISSUING_UNIT_MAX_LENGTH = 255;

/** A completion as the certificate will state it, checked field by field. */
export interface IssueRequest extends Omit<IssueCertificatePayload, 'completedAt'> {
  completedAt: Date;
}

/**
 * Checks what an `issue-certificate` job carries. The job comes from our own API, but a queue
 * outlives deploys: a payload from an older or broken publisher is refused with the field named,
 * and retrying it would not help.
 */
export function checkIssueRequest(data: unknown): IssueRequest {
  const fail = (reason: string): never => {
    throw new CertificatesError(CertificatesErrorCode.INVALID_ISSUE_REQUEST, { reason });
  };
  if (typeof data !== 'object' || data === null) return fail('payload is not an object');
  const payload = data as Partial<Record<keyof IssueCertificatePayload, unknown>>;
  for (const field of ['enrollmentId', 'residentId', 'courseId', 'courseVersionId'] as const) {
    if (typeof payload[field] !== 'string' || !UUID.test(payload[field])) fail(`${field} must be a UUID`);
  }
  const version = payload.courseVersionNumber;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > 1_000_000) {
    fail('courseVersionNumber must be a positive integer');
  }
  const courseTitle =
    text(payload.courseTitle, COURSE_TITLE_MAX_LENGTH) ?? fail('courseTitle must be 1 to 300 characters');
  const issuingUnitName =
    text(payload.issuingUnitName, ISSUING_UNIT_MAX_LENGTH) ?? fail('issuingUnitName must be 1 to 255 characters');
  const province = payload.issuingProvinceCode;
  if (province !== null && (typeof province !== 'string' || !/^\d{2}$/.test(province))) {
    fail('issuingProvinceCode must be a 2-digit code or null');
  }
  const completedAt =
    typeof payload.completedAt === 'string' && ISO_INSTANT.test(payload.completedAt)
      ? new Date(payload.completedAt)
      : null;
  if (!completedAt || Number.isNaN(completedAt.getTime())) return fail('completedAt must be an ISO 8601 instant');
  return {
    enrollmentId: (payload.enrollmentId as string).toLowerCase(),
    residentId: (payload.residentId as string).toLowerCase(),
    courseId: (payload.courseId as string).toLowerCase(),
    courseVersionId: (payload.courseVersionId as string).toLowerCase(),
    courseVersionNumber: version as number,
    courseTitle,
    issuingProvinceCode: province as string | null,
    issuingUnitName,
    completedAt,
  };
}

function text(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.normalize('NFC').trim();
  return trimmed.length >= 1 && trimmed.length <= maxLength ? trimmed : null;
}
