/** A cell as read: numbers stay numbers (codes, years and phone numbers typed as numbers in Excel). */
export type SpreadsheetCell = string | number | null;

export interface SpreadsheetRow {
  /** 1-based row number as the spreadsheet shows it */
  row: number;
  cells: SpreadsheetCell[];
}

/** How cell text is read; the importers grew slightly different habits, kept here as options. */
export interface CellTextOptions {
  /** trim the text of non-blank cells (default: keep it as typed) */
  trimText?: boolean;
  /** read an Excel hyperlink cell as its text (default) or as blank */
  hyperlinkText?: boolean;
}

/** Blank text is an empty cell. */
export function textCell(text: string, options: CellTextOptions): string | null {
  if (text.trim() === '') return null;
  return options.trimText ? text.trim() : text;
}

export function hasValues(cells: SpreadsheetCell[]): boolean {
  return cells.some((cell) => cell !== null);
}

/** The cell in a column found in the header; a column the file does not have reads as empty. */
export function cellAt(row: SpreadsheetRow, column: number | undefined): SpreadsheetCell {
  return column === undefined ? null : (row.cells[column] ?? null);
}
