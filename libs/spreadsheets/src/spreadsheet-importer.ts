import { readSpreadsheet, type SpreadsheetReadOptions } from './read-spreadsheet';
import { findHeader, type HeaderSpec } from './header';
import type { SpreadsheetRow } from './spreadsheet-row';
import { decodeBase64Spreadsheet, type SpreadsheetFormat, spreadsheetFormat } from './spreadsheet-upload';
import {
  SpreadsheetError,
  SpreadsheetErrorCode,
  spreadsheetErrorMessages,
  translateSpreadsheetErrors,
} from './spreadsheet.errors';

/** What one importer accepts. */
export interface ImportLimits {
  maxBytes: number;
  /** data rows, below the header */
  maxDataRows: number;
  /** rows that may stand above the data (the header, title rows): read, but not counted as data */
  headerRows: number;
}

export type ImportReadOptions = Omit<SpreadsheetReadOptions, 'maxBytes' | 'maxRows'>;

/** A sheet whose header may stand below title rows: where its columns are and what they are called. */
export interface TableSpec<C extends string> extends Omit<HeaderSpec<C>, 'searchRows'> {
  /** each column's template header, quoted when one is missing or repeated */
  headers: Record<C, string>;
  read?: ImportReadOptions;
}

export interface Table<C extends string> {
  header: SpreadsheetRow;
  columns: Partial<Record<C, number>>;
  /** the non-empty rows below the header */
  rows: SpreadsheetRow[];
}

const vietnameseNumber = new Intl.NumberFormat('vi-VN');

/** The text users read when a file cannot be taken, with the importer's own limits in it. */
export function importProblemText(code: SpreadsheetErrorCode, limits: ImportLimits): string {
  switch (code) {
    case SpreadsheetErrorCode.TOO_LARGE:
      return `Tệp lớn hơn ${vietnameseNumber.format(limits.maxBytes / (1024 * 1024))} MB.`;
    case SpreadsheetErrorCode.TOO_MANY_ROWS:
      return `Tệp có hơn ${vietnameseNumber.format(limits.maxDataRows)} dòng dữ liệu: hãy chia thành nhiều tệp.`;
    default:
      return spreadsheetErrorMessages[code];
  }
}

/**
 * One importer's side of an upload: the format from the file name, the bytes from base64, the
 * non-empty rows. Every failure is raised as the importer's own error, `toError(reason, details)`,
 * so the API keeps answering with the importer's code, in its words, with its limits.
 */
export class SpreadsheetImporter<E extends Error> {
  constructor(
    readonly limits: ImportLimits,
    private readonly toError: (reason: string, details: Record<string, unknown>) => E,
  ) {}

  format(fileName: string): SpreadsheetFormat {
    return this.translate(() => spreadsheetFormat(fileName));
  }

  /** Base64 as a browser sends it (a data: URL is accepted); the size is checked before decoding. */
  decode(contentBase64: string): Buffer {
    return this.translate(() => decodeBase64Spreadsheet(contentBase64, this.limits.maxBytes));
  }

  /** Every non-empty row, header and title rows included. */
  read(content: Buffer, format: SpreadsheetFormat, options: ImportReadOptions = {}): Promise<SpreadsheetRow[]> {
    const { maxBytes, maxDataRows, headerRows } = this.limits;
    return this.translate(() =>
      readSpreadsheet(content, format, { ...options, maxBytes, maxRows: maxDataRows + headerRows }),
    );
  }

  /**
   * The header (found among the first `limits.headerRows` rows) and the data rows below it. An
   * empty file, a missing or repeated column, too many data rows or none at all are refused.
   */
  async readTable<C extends string>(content: Buffer, format: SpreadsheetFormat, spec: TableSpec<C>): Promise<Table<C>> {
    const all = await this.read(content, format, spec.read);
    if (all.length === 0) throw this.toError('Tệp trống.', {});
    const { header, at, columns, missing, repeated } = findHeader(all, { ...spec, searchRows: this.limits.headerRows });
    if (missing.length > 0) {
      const names = missing.map((column) => spec.headers[column]);
      throw this.toError(`Không tìm thấy dòng tiêu đề có đủ các cột: ${names.map((name) => `"${name}"`).join(', ')}.`, {
        missingColumns: names,
      });
    }
    if (repeated) {
      throw this.toError(`Cột "${spec.headers[repeated]}" xuất hiện hai lần ở dòng tiêu đề.`, { row: header.row });
    }
    const rows = all.slice(at + 1);
    if (rows.length > this.limits.maxDataRows) {
      throw this.problem(new SpreadsheetError(SpreadsheetErrorCode.TOO_MANY_ROWS));
    }
    if (rows.length === 0) throw this.toError('Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.', {});
    return { header, columns, rows };
  }

  private translate<T>(work: () => T): T {
    return translateSpreadsheetErrors(work, (error) => this.problem(error));
  }

  private problem(error: SpreadsheetError): E {
    const reason = importProblemText(error.code, this.limits);
    switch (error.code) {
      case SpreadsheetErrorCode.TOO_LARGE:
        return this.toError(reason, { maxBytes: this.limits.maxBytes });
      case SpreadsheetErrorCode.TOO_MANY_ROWS:
        return this.toError(reason, { maxRows: this.limits.maxDataRows });
      case SpreadsheetErrorCode.UNSUPPORTED_FORMAT:
        return this.toError(reason, { fileName: error.details.fileName });
      default:
        return this.toError(reason, {});
    }
  }
}
