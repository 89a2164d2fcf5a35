export enum GeographyErrorCode {
  PROVINCE_NOT_FOUND = 'PROVINCE_NOT_FOUND',
  COMMUNE_NOT_FOUND = 'COMMUNE_NOT_FOUND',
  VILLAGE_NOT_FOUND = 'VILLAGE_NOT_FOUND',
  VENUE_NOT_FOUND = 'VENUE_NOT_FOUND',
  VILLAGE_NAME_TAKEN = 'VILLAGE_NAME_TAKEN',
  VENUE_NAME_TAKEN = 'VENUE_NAME_TAKEN',
  INVALID_NAME = 'INVALID_NAME',
  INVALID_CAPACITY = 'INVALID_CAPACITY',
  INVALID_CURSOR = 'INVALID_CURSOR',
  INVALID_PAGE_SIZE = 'INVALID_PAGE_SIZE',
  UNITS_FILE_INVALID = 'UNITS_FILE_INVALID',
  PLACES_FILE_INVALID = 'PLACES_FILE_INVALID',
}

/** Vietnamese text shown to users for each code. */
export const geographyErrorMessages: Record<GeographyErrorCode, string> = {
  PROVINCE_NOT_FOUND: 'Không tìm thấy tỉnh/thành phố.',
  COMMUNE_NOT_FOUND: 'Không tìm thấy xã/phường/đặc khu.',
  VILLAGE_NOT_FOUND: 'Không tìm thấy thôn/tổ dân phố.',
  VENUE_NOT_FOUND: 'Không tìm thấy điểm cầu/nhà văn hóa.',
  VILLAGE_NAME_TAKEN: 'Xã/phường này đã có một thôn/tổ dân phố cùng tên.',
  VENUE_NAME_TAKEN: 'Thôn/tổ dân phố này đã có một điểm cầu cùng tên.',
  INVALID_NAME: 'Tên không hợp lệ: cần từ 1 đến 120 ký tự và có ít nhất một chữ hoặc số.',
  INVALID_CAPACITY: 'Sức chứa phải là số nguyên từ 0 đến 100.000.',
  INVALID_CURSOR: 'Con trỏ phân trang không hợp lệ.',
  INVALID_PAGE_SIZE: 'Số mục mỗi trang phải từ 1 đến 200.',
  UNITS_FILE_INVALID: 'Tệp danh mục đơn vị hành chính không hợp lệ.',
  PLACES_FILE_INVALID: 'Tệp danh sách thôn và điểm cầu không hợp lệ.',
};

/** A geography rule was broken; `details` carries ids and positions for logs and clients. */
export class GeographyError extends Error {
  constructor(
    readonly code: GeographyErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${geographyErrorMessages[code]}`);
    this.name = 'GeographyError';
  }
}
