export enum ReachExportErrorCode {
  /** an unknown export, or one the caller neither requested nor may read the unit of */
  EXPORT_NOT_FOUND = 'EXPORT_NOT_FOUND',
  /** a client-supplied export id already names a different request */
  EXPORT_ID_CONFLICT = 'EXPORT_ID_CONFLICT',
  INVALID_EXPORT_REQUEST = 'INVALID_EXPORT_REQUEST',
  /** a download link whose signature does not match (tampered, or not ours) */
  EXPORT_LINK_INVALID = 'EXPORT_LINK_INVALID',
  /** a genuine download link past its expiry */
  EXPORT_LINK_EXPIRED = 'EXPORT_LINK_EXPIRED',
  /** a genuine link to an export whose file is no longer kept */
  EXPORT_GONE = 'EXPORT_GONE',
}

export const reachExportErrorMessages: Record<ReachExportErrorCode, string> = {
  EXPORT_NOT_FOUND: 'Không tìm thấy bản xuất báo cáo.',
  EXPORT_ID_CONFLICT: 'Mã định danh này đã được dùng cho một yêu cầu xuất báo cáo khác.',
  INVALID_EXPORT_REQUEST: 'Yêu cầu xuất báo cáo không hợp lệ: mã định danh phải là UUID và định dạng là XLSX hoặc CSV.',
  EXPORT_LINK_INVALID: 'Đường dẫn tải báo cáo không hợp lệ.',
  EXPORT_LINK_EXPIRED: 'Đường dẫn tải báo cáo đã hết hạn. Vui lòng lấy đường dẫn mới.',
  EXPORT_GONE: 'Bản xuất báo cáo không còn được lưu. Vui lòng yêu cầu xuất lại.',
};

/** A reach export request or download was refused. `details` carries codes and ids only. */
export class ReachExportError extends Error {
  constructor(
    readonly code: ReachExportErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${reachExportErrorMessages[code]}`);
    this.name = 'ReachExportError';
  }
}
