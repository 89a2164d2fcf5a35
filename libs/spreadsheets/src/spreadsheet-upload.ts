import { SpreadsheetError, SpreadsheetErrorCode } from './spreadsheet.errors';

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** The format from the file name's extension, case aside; anything but .xlsx and .csv is refused. */
export function spreadsheetFormat(fileName: string): SpreadsheetFormat {
  const extension = /\.([^.]+)$/.exec(String(fileName).trim())?.[1]?.toLowerCase();
  if (extension === 'xlsx' || extension === 'csv') return extension;
  throw new SpreadsheetError(SpreadsheetErrorCode.UNSUPPORTED_FORMAT, { fileName });
}

/**
 * The bytes of a file sent as base64 by a browser (a data: URL is accepted). The decoded size is
 * checked before decoding, so an oversized upload costs no memory.
 */
export function decodeBase64Spreadsheet(contentBase64: string, maxBytes: number): Buffer {
  const text = String(contentBase64)
    .replace(/^data:[^,]*;base64,/, '')
    .replace(/\s+/g, '');
  // Up to two padding characters make the estimate overshoot by at most two bytes.
  if (Math.floor((text.length * 3) / 4) > maxBytes + 2) {
    throw new SpreadsheetError(SpreadsheetErrorCode.TOO_LARGE, { maxBytes });
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) {
    throw new SpreadsheetError(SpreadsheetErrorCode.BAD_BASE64);
  }
  return Buffer.from(text, 'base64');
}
