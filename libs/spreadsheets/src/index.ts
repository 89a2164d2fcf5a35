export { type CsvSeparator, type CsvSeparatorDetection, decodeCsvText, detectCsvSeparator, parseCsv } from './csv';
export {
  type ColumnOf,
  columnPositions,
  columnsByFoldedLabel,
  findHeader,
  type HeaderMatch,
  type HeaderSpec,
} from './header';
export { readSpreadsheet, type SpreadsheetReadOptions } from './read-spreadsheet';
export {
  cellAt,
  type CellTextOptions,
  hasValues,
  type SpreadsheetCell,
  type SpreadsheetRow,
  textCell,
} from './spreadsheet-row';
export { decodeBase64Spreadsheet, type SpreadsheetFormat, spreadsheetFormat } from './spreadsheet-upload';
export {
  SpreadsheetError,
  SpreadsheetErrorCode,
  spreadsheetErrorMessages,
  translateSpreadsheetErrors,
} from './spreadsheet.errors';
export { normaliseXlsxCell, readXlsxRows } from './xlsx';
export {
  importProblemText,
  type ImportLimits,
  type ImportReadOptions,
  SpreadsheetImporter,
} from './spreadsheet-importer';
