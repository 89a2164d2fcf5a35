export enum SpreadsheetErrorCode {
  UNSUPPORTED_FORMAT = 'UNSUPPORTED_FORMAT',
  BAD_BASE64 = 'BAD_BASE64',
  TOO_LARGE = 'TOO_LARGE',
  UNREADABLE_XLSX = 'UNREADABLE_XLSX',
  NO_SHEET = 'NO_SHEET',
  NOT_UTF8 = 'NOT_UTF8',
  BINARY_CSV = 'BINARY_CSV',
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
}

/**
 * Vietnamese text for each code. The limits are not in these texts: each importer words its own
 * limits ("Tệp lớn hơn 5 MB.") because it knows how they read to its users.
 */
export const spreadsheetErrorMessages: Record<SpreadsheetErrorCode, string> = {
  UNSUPPORTED_FORMAT: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).',
  BAD_BASE64: 'Nội dung tệp không đúng mã hóa base64.',
  TOO_LARGE: 'Tệp quá lớn.',
  UNREADABLE_XLSX: 'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải tệp Excel.',
  NO_SHEET: 'Tệp Excel không có trang tính nào.',
  NOT_UTF8: 'Tệp CSV phải được lưu theo mã UTF-8 (trong Excel: "CSV UTF-8").',
  BINARY_CSV: 'Tệp CSV chứa dữ liệu nhị phân: không phải tệp văn bản.',
  TOO_MANY_ROWS: 'Tệp có quá nhiều dòng.',
};

/**
 * A file could not be read as a spreadsheet; `details` carries the limit that was passed
 * (`maxBytes`, `maxRows`) or the file name. Importers translate it into their own domain error.
 */
export class SpreadsheetError extends Error {
  constructor(
    readonly code: SpreadsheetErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${spreadsheetErrorMessages[code]}`);
    this.name = 'SpreadsheetError';
  }
}

/**
 * Runs `work` (sync or async) and rethrows a SpreadsheetError as the importer's own error, so
 * the API keeps answering with the importer's code and wording.
 */
export function translateSpreadsheetErrors<T>(work: () => T, translate: (error: SpreadsheetError) => Error): T {
  const rethrow = (error: unknown): never => {
    throw error instanceof SpreadsheetError ? translate(error) : error;
  };
  try {
    const result = work();
    return (result instanceof Promise ? result.catch(rethrow) : result) as T;
  } catch (error) {
    return rethrow(error);
  }
}
