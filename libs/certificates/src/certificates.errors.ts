export enum CertificatesErrorCode {
  /** also the answer for a certificate outside the caller's scope: codes cannot be probed */
  CERTIFICATE_NOT_FOUND = 'CERTIFICATE_NOT_FOUND',
  INVALID_CERTIFICATE_CODE = 'INVALID_CERTIFICATE_CODE',
  /** too many verifications from this address in a minute; details.retryAfterSeconds */
  VERIFICATION_RATE_LIMITED = 'VERIFICATION_RATE_LIMITED',
  INVALID_REVOCATION_REASON = 'INVALID_REVOCATION_REASON',
  /** an issue-certificate job whose payload is malformed; `details.reason` says which field */
  INVALID_ISSUE_REQUEST = 'INVALID_ISSUE_REQUEST',
  /** the completion names a resident who does not exist or whose data was erased */
  RESIDENT_NOT_ELIGIBLE = 'RESIDENT_NOT_ELIGIBLE',
}

export const certificatesErrorMessages: Record<CertificatesErrorCode, string> = {
  CERTIFICATE_NOT_FOUND: 'Không tìm thấy chứng nhận.',
  INVALID_CERTIFICATE_CODE: 'Mã xác minh không hợp lệ: cần gồm 10 ký tự chữ và số, ví dụ HV7K-2M9Q-XR.',
  VERIFICATION_RATE_LIMITED: 'Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau {retryAfterSeconds} giây.',
  INVALID_REVOCATION_REASON: 'Lý do thu hồi cần từ 5 đến 500 ký tự.',
  INVALID_ISSUE_REQUEST: 'Yêu cầu cấp chứng nhận không hợp lệ.',
  RESIDENT_NOT_ELIGIBLE: 'Không cấp được chứng nhận: người học không tồn tại hoặc dữ liệu đã bị xóa.',
};

/**
 * A certificates rule was broken. `details` carries ids, codes and field names: never a name,
 * because details reach logs, job failure reasons and clients.
 */
export class CertificatesError extends Error {
  constructor(
    readonly code: CertificatesErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${certificatesErrorMessages[code]}`);
    this.name = 'CertificatesError';
  }
}
