import { randomUUID } from 'node:crypto';
import { CertificatesError, CertificatesErrorCode } from './certificates.errors';
import { checkIssueRequest } from './issue-request';

const valid = () => ({
  enrollmentId: randomUUID(),
  residentId: randomUUID(),
  courseId: randomUUID(),
  courseVersionId: randomUUID(),
  courseVersionNumber: 2,
  courseTitle: '  Nhận diện lừa đảo trực tuyến ',
  issuingProvinceCode: '33',
  issuingUnitName: 'Tỉnh Hưng Yên',
  completedAt: '2026-11-20T08:30:00.000Z',
});

function reasonOf(data: unknown): string {
  try {
    checkIssueRequest(data);
  } catch (error) {
    expect(error).toBeInstanceOf(CertificatesError);
    expect((error as CertificatesError).code).toBe(CertificatesErrorCode.INVALID_ISSUE_REQUEST);
    return String((error as CertificatesError).details.reason);
  }
  throw new Error('accepted');
}

describe('the payload of an issue-certificate job', () => {
  it('is accepted when well formed, with text trimmed and the date parsed', () => {
    const data = valid();
    const request = checkIssueRequest(data);
    expect(request.courseTitle).toBe('Nhận diện lừa đảo trực tuyến');
    expect(request.completedAt.toISOString()).toBe('2026-11-20T08:30:00.000Z');
    expect(checkIssueRequest({ ...data, issuingProvinceCode: null }).issuingProvinceCode).toBeNull();
  });

  it('is refused with the field named when anything is off', () => {
    expect(reasonOf(null)).toBe('payload is not an object');
    expect(reasonOf({ ...valid(), residentId: 'abc' })).toBe('residentId must be a UUID');
    expect(reasonOf({ ...valid(), courseVersionId: undefined })).toBe('courseVersionId must be a UUID');
    expect(reasonOf({ ...valid(), courseVersionNumber: 0 })).toBe('courseVersionNumber must be a positive integer');
    expect(reasonOf({ ...valid(), courseVersionNumber: '2' })).toBe('courseVersionNumber must be a positive integer');
    expect(reasonOf({ ...valid(), courseTitle: '   ' })).toBe('courseTitle must be 1 to 300 characters');
    expect(reasonOf({ ...valid(), courseTitle: 'x'.repeat(301) })).toBe('courseTitle must be 1 to 300 characters');
    expect(reasonOf({ ...valid(), issuingUnitName: 7 })).toBe('issuingUnitName must be 1 to 255 characters');
    expect(reasonOf({ ...valid(), issuingProvinceCode: '331' })).toBe(
      'issuingProvinceCode must be a 2-digit code or null',
    );
    expect(reasonOf({ ...valid(), completedAt: '20/11/2026' })).toBe('completedAt must be an ISO 8601 instant');
    expect(reasonOf({ ...valid(), completedAt: '2026-13-45T99:00:00Z' })).toBe(
      'completedAt must be an ISO 8601 instant',
    );
  });
});
