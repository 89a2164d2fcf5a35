export enum YouthErrorCode {
  /** also the answer for a team outside the caller's scope: ids cannot be probed */
  TEAM_NOT_FOUND = 'TEAM_NOT_FOUND',
  TEAM_NAME_TAKEN = 'TEAM_NAME_TAKEN',
  INVALID_TEAM_NAME = 'INVALID_TEAM_NAME',
  /** a member, leader or volunteer account that does not exist */
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  /** a village given to a team lies in another commune (or does not exist) */
  VILLAGE_NOT_IN_COMMUNE = 'VILLAGE_NOT_IN_COMMUNE',
  INVALID_DATE = 'INVALID_DATE',
  INVALID_PERIOD = 'INVALID_PERIOD',
  INVALID_UNIVERSITY = 'INVALID_UNIVERSITY',
  INVALID_VISIT_FILTER = 'INVALID_VISIT_FILTER',
  SYNC_BATCH_TOO_LARGE = 'SYNC_BATCH_TOO_LARGE',
  INVALID_VISIT_ID = 'INVALID_VISIT_ID',
  /** the visit id was already used for a visit with different content */
  VISIT_ID_CONFLICT = 'VISIT_ID_CONFLICT',
  INVALID_VISIT_TASK = 'INVALID_VISIT_TASK',
  INVALID_VISIT_NOTE = 'INVALID_VISIT_NOTE',
  INVALID_VISIT_PLACE = 'INVALID_VISIT_PLACE',
  INVALID_MINUTES = 'INVALID_MINUTES',
  INVALID_OCCURRED_AT = 'INVALID_OCCURRED_AT',
  /** a village the volunteer's teams, assignments and grants do not cover, or that does not exist */
  VISIT_VILLAGE_NOT_FOUND = 'VISIT_VILLAGE_NOT_FOUND',
  VISIT_VENUE_NOT_FOUND = 'VISIT_VENUE_NOT_FOUND',
  VISIT_RESIDENT_NOT_FOUND = 'VISIT_RESIDENT_NOT_FOUND',
  /** a named resident without an open SUPPORT_VISITS consent */
  SUPPORT_CONSENT_REQUIRED = 'SUPPORT_CONSENT_REQUIRED',
  INVALID_ADULT_POPULATION = 'INVALID_ADULT_POPULATION',
  INVALID_TARGET_PERCENT = 'INVALID_TARGET_PERCENT',
  TARGETS_FILE_INVALID = 'TARGETS_FILE_INVALID',
}

export const youthErrorMessages: Record<YouthErrorCode, string> = {
  TEAM_NOT_FOUND: 'Không tìm thấy đội hình.',
  TEAM_NAME_TAKEN: 'Xã/phường này đã có một đội hình cùng tên.',
  INVALID_TEAM_NAME: 'Tên đội hình không hợp lệ: cần từ 2 đến 120 ký tự và có chữ cái hoặc chữ số.',
  ACCOUNT_NOT_FOUND: 'Không tìm thấy tài khoản.',
  VILLAGE_NOT_IN_COMMUNE: 'Thôn/tổ dân phố không thuộc xã/phường của đội hình.',
  INVALID_DATE: 'Ngày không hợp lệ: cần theo dạng NNNN-TT-NN (ví dụ 2025-07-01).',
  INVALID_PERIOD: 'Thời gian không hợp lệ: ngày kết thúc phải từ ngày bắt đầu trở đi và cả đợt không quá một năm.',
  INVALID_UNIVERSITY: 'Tên trường không hợp lệ: cần từ 2 đến 200 ký tự.',
  INVALID_VISIT_FILTER:
    'Cần chọn đúng một trong: thôn, đội hình hoặc xã/phường; và ngày bắt đầu không sau ngày kết thúc.',
  SYNC_BATCH_TOO_LARGE: 'Mỗi lần đồng bộ gửi tối đa {max} lượt hỗ trợ.',
  INVALID_VISIT_ID: 'Mã lượt hỗ trợ phải là một UUID do ứng dụng tạo.',
  VISIT_ID_CONFLICT: 'Mã lượt hỗ trợ này đã được dùng cho một lượt hỗ trợ khác.',
  INVALID_VISIT_TASK: 'Nội dung hỗ trợ không hợp lệ.',
  INVALID_VISIT_NOTE: 'Ghi chú cần có khi chọn "việc khác" và không dài quá 500 ký tự.',
  INVALID_VISIT_PLACE: 'Cần chọn điểm cầu khi hỗ trợ tại điểm cầu, và chỉ khi đó.',
  INVALID_MINUTES: 'Thời lượng hỗ trợ phải từ 1 đến 480 phút.',
  INVALID_OCCURRED_AT: 'Thời điểm hỗ trợ không hợp lệ: không được ở tương lai hoặc quá một năm trước.',
  VISIT_VILLAGE_NOT_FOUND: 'Không tìm thấy thôn/tổ dân phố trong địa bàn bạn được phân công.',
  VISIT_VENUE_NOT_FOUND: 'Không tìm thấy điểm cầu trong xã/phường của thôn này.',
  VISIT_RESIDENT_NOT_FOUND: 'Không tìm thấy người dân này ở thôn/tổ dân phố đã chọn.',
  SUPPORT_CONSENT_REQUIRED: 'Người dân chưa đồng ý cho ghi nhận việc hỗ trợ: hãy ghi nhận sự đồng ý trước.',
  INVALID_ADULT_POPULATION: 'Số người trưởng thành phải là số nguyên từ 0 đến 10.000.000.',
  INVALID_TARGET_PERCENT: 'Chỉ tiêu phải là số nguyên từ 1 đến 100 (%).',
  TARGETS_FILE_INVALID: 'Tệp chỉ tiêu không hợp lệ.',
};

/**
 * A youth union, team, visit or target rule was broken. `details` carries ids, codes, row
 * numbers and counts only: never a name or phone number.
 */
export class YouthError extends Error {
  constructor(
    readonly code: YouthErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${youthErrorMessages[code]}`);
    this.name = 'YouthError';
  }
}
