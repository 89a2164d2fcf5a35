export enum StatisticsErrorCode {
  /** an unknown unit, or one outside the caller's scope: units cannot be probed */
  UNIT_NOT_FOUND = 'UNIT_NOT_FOUND',
  /** a unit given by neither or both of code and id, or by the wrong one for its kind */
  INVALID_UNIT = 'INVALID_UNIT',
  INVALID_PERIOD = 'INVALID_PERIOD',
  /** statistics asked for one course that does not exist */
  COURSE_NOT_FOUND = 'COURSE_NOT_FOUND',
}

export const statisticsErrorMessages: Record<StatisticsErrorCode, string> = {
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị cần thống kê.',
  INVALID_UNIT:
    'Đơn vị không hợp lệ: tỉnh/thành phố và xã/phường chọn theo mã, thôn/tổ dân phố và đội hình chọn theo mã định danh (id).',
  INVALID_PERIOD:
    'Khoảng thời gian không hợp lệ: ngày theo dạng NNNN-TT-NN, ngày bắt đầu không sau ngày kết thúc và không quá {maxDays} ngày.',
  COURSE_NOT_FOUND: 'Không tìm thấy khóa học cần thống kê.',
};

/** A reach statistics request was refused. `details` carries codes and ids only. */
export class StatisticsError extends Error {
  constructor(
    readonly code: StatisticsErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${statisticsErrorMessages[code]}`);
    this.name = 'StatisticsError';
  }
}
