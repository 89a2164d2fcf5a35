export enum ResidentsErrorCode {
  /** also the answer for a resident outside the caller's scope: ids cannot be probed */
  RESIDENT_NOT_FOUND = 'RESIDENT_NOT_FOUND',
  CONSENT_NOT_FOUND = 'CONSENT_NOT_FOUND',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  INVALID_CONSENT_EVIDENCE = 'INVALID_CONSENT_EVIDENCE',
  INVALID_FULL_NAME = 'INVALID_FULL_NAME',
  INVALID_BIRTH_YEAR = 'INVALID_BIRTH_YEAR',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_CITIZEN_ID = 'INVALID_CITIZEN_ID',
  CITIZEN_ID_BIRTH_YEAR_MISMATCH = 'CITIZEN_ID_BIRTH_YEAR_MISMATCH',
  /** `details.fields` names which of phone / citizenId is taken, never the value */
  DUPLICATE_RESIDENT = 'DUPLICATE_RESIDENT',
  INVALID_RESIDENT_FILTER = 'INVALID_RESIDENT_FILTER',
  RESIDENTS_FILE_INVALID = 'RESIDENTS_FILE_INVALID',
}

export const residentsErrorMessages: Record<ResidentsErrorCode, string> = {
  RESIDENT_NOT_FOUND: 'Không tìm thấy người dân.',
  CONSENT_NOT_FOUND: 'Không tìm thấy bản ghi đồng ý.',
  CONSENT_REQUIRED: 'Cần ghi nhận sự đồng ý của người dân cho ít nhất một mục đích xử lý dữ liệu.',
  INVALID_CONSENT_EVIDENCE: 'Thông tin chứng cứ đồng ý không được dài quá 255 ký tự.',
  INVALID_FULL_NAME: 'Họ và tên không hợp lệ: cần từ 2 đến 100 ký tự và có chữ cái.',
  INVALID_BIRTH_YEAR: 'Năm sinh không hợp lệ: phải từ 1900 đến năm hiện tại.',
  INVALID_PHONE: 'Số điện thoại không hợp lệ: cần là số di động Việt Nam gồm 10 chữ số.',
  INVALID_CITIZEN_ID: 'Số CCCD không hợp lệ: cần gồm 12 chữ số.',
  CITIZEN_ID_BIRTH_YEAR_MISMATCH: 'Số CCCD không khớp với năm sinh.',
  DUPLICATE_RESIDENT: 'Đã có người dân khác với số điện thoại hoặc số CCCD này.',
  INVALID_RESIDENT_FILTER: 'Cần chọn đúng một trong hai: thôn hoặc xã/phường.',
  RESIDENTS_FILE_INVALID: 'Tệp danh sách người dân không hợp lệ.',
};

/**
 * A residents rule was broken. `details` carries ids, field names, row numbers and counts:
 * never a name, phone number or citizen id, because details reach logs and clients.
 */
export class ResidentsError extends Error {
  constructor(
    readonly code: ResidentsErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${residentsErrorMessages[code]}`);
    this.name = 'ResidentsError';
  }
}
