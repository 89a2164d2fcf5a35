export enum LiveErrorCode {
  /** also the answer for a session outside the caller's scope: ids cannot be probed */
  LIVE_SESSION_NOT_FOUND = 'LIVE_SESSION_NOT_FOUND',
  INVALID_TITLE = 'INVALID_TITLE',
  INVALID_SCHEDULE = 'INVALID_SCHEDULE',
  INVALID_STREAM_URL = 'INVALID_STREAM_URL',
  INVALID_TARGETS = 'INVALID_TARGETS',
  INVALID_TRAINERS = 'INVALID_TRAINERS',
  INVALID_GUEST_NAME = 'INVALID_GUEST_NAME',
  INVALID_HEADCOUNT = 'INVALID_HEADCOUNT',
  INVALID_JOIN_REQUEST = 'INVALID_JOIN_REQUEST',
  INVALID_CHECK_IN = 'INVALID_CHECK_IN',
  /** the transition is not allowed from the session's current status */
  LIVE_SESSION_WRONG_STATUS = 'LIVE_SESSION_WRONG_STATUS',
  /** the session has ended or was cancelled: nobody joins any more */
  LIVE_SESSION_CLOSED = 'LIVE_SESSION_CLOSED',
  /** joining as a resident needs an account linked to a resident */
  NOT_A_RESIDENT = 'NOT_A_RESIDENT',
  /** joining as a trainer needs to be one of the session's trainers */
  NOT_A_TRAINER = 'NOT_A_TRAINER',
  /** the venue does not exist, is outside the caller's grants, or outside the session's target units */
  VENUE_NOT_AVAILABLE = 'VENUE_NOT_AVAILABLE',
  CHECK_IN_RESIDENT_NOT_FOUND = 'CHECK_IN_RESIDENT_NOT_FOUND',
  /** several residents of the commune match the name and birth year: use the phone number */
  CHECK_IN_AMBIGUOUS = 'CHECK_IN_AMBIGUOUS',
  /** the id a client gave to a new session is not a UUID */
  INVALID_LIVE_SESSION_ID = 'INVALID_LIVE_SESSION_ID',
  /** the id a client gave to a new session already names a different session (or another creator's) */
  LIVE_SESSION_ID_CONFLICT = 'LIVE_SESSION_ID_CONFLICT',
}

export const liveErrorMessages: Record<LiveErrorCode, string> = {
  LIVE_SESSION_NOT_FOUND: 'Không tìm thấy buổi học trực tuyến.',
  INVALID_TITLE: 'Tên buổi học không hợp lệ: cần từ 3 đến 200 ký tự.',
  INVALID_SCHEDULE: 'Thời gian không hợp lệ: giờ kết thúc phải sau giờ bắt đầu, và buổi học dài tối đa 12 giờ.',
  INVALID_STREAM_URL: 'Địa chỉ phát trực tiếp phải là một URL http:// hoặc https://.',
  INVALID_TARGETS: 'Cần chọn ít nhất một tỉnh hoặc xã/phường hợp lệ làm đối tượng của buổi học.',
  INVALID_TRAINERS: 'Danh sách giảng viên không hợp lệ: cần từ 1 đến 20 tài khoản đang hoạt động.',
  INVALID_GUEST_NAME: 'Tên hiển thị không hợp lệ: cần từ 2 đến 60 ký tự và có chữ cái.',
  INVALID_HEADCOUNT: 'Số người tại điểm cầu phải là số nguyên từ 0 đến 100.000.',
  INVALID_JOIN_REQUEST: 'Thông tin tham gia không đầy đủ cho cách tham gia đã chọn.',
  INVALID_CHECK_IN: 'Cần nhập họ tên và năm sinh, hoặc số điện thoại của người dân.',
  LIVE_SESSION_WRONG_STATUS: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của buổi học.',
  LIVE_SESSION_CLOSED: 'Buổi học đã kết thúc hoặc đã bị hủy.',
  NOT_A_RESIDENT: 'Tài khoản này chưa được liên kết với hồ sơ người dân.',
  NOT_A_TRAINER: 'Bạn không phải giảng viên của buổi học này.',
  VENUE_NOT_AVAILABLE: 'Điểm cầu không tồn tại, không thuộc quyền của bạn hoặc không thuộc phạm vi của buổi học.',
  CHECK_IN_RESIDENT_NOT_FOUND: 'Không tìm thấy người dân phù hợp trong xã/phường của điểm cầu.',
  CHECK_IN_AMBIGUOUS: 'Có nhiều người dân trùng họ tên và năm sinh; hãy điểm danh bằng số điện thoại.',
  INVALID_LIVE_SESSION_ID: 'Mã định danh của buổi học phải là một UUID.',
  LIVE_SESSION_ID_CONFLICT:
    'Mã định danh này đã được dùng cho một buổi học khác với nội dung khác; hãy tạo mã mới cho buổi học mới.',
};

/** A live-session rule was broken; `details` carries ids, codes and counts, never a name or phone. */
export class LiveError extends Error {
  constructor(
    readonly code: LiveErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${liveErrorMessages[code]}`);
    this.name = 'LiveError';
  }
}
