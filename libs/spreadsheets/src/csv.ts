import { SpreadsheetError, SpreadsheetErrorCode } from './spreadsheet.errors';

export type CsvSeparator = ',' | ';';

/**
 * How the separator is guessed. Both look at the first line and pick ";" when it has more
 * semicolons than commas (Excel in Vietnamese locale saves ";"), else ",":
 * - `header-outside-quotes` ignores what is inside quotes, and a line break inside quotes;
 * - `first-line` counts every character of the text before the first "\n".
 */
export type CsvSeparatorDetection = 'header-outside-quotes' | 'first-line';

/** UTF-8 text, BOM removed; other encodings and binary content are refused. */
export function decodeCsvText(content: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new SpreadsheetError(SpreadsheetErrorCode.NOT_UTF8);
  }
  if (text.includes('\u0000')) throw new SpreadsheetError(SpreadsheetErrorCode.BINARY_CSV);
  return text;
}

export function detectCsvSeparator(text: string, detection: CsvSeparatorDetection): CsvSeparator {
  return detection === 'header-outside-quotes' ? separatorOutsideQuotes(text) : separatorOfFirstLine(text);
}

function separatorOutsideQuotes(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function separatorOfFirstLine(text: string): CsvSeparator {
  const firstLine = text.split(/\r?\n/, 1)[0];
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * RFC 4180 records: quoted fields may hold separators, quotes as "" and line breaks. Written here
 * rather than using exceljs's CSV reader, which turns "01001" into the number 1001 and dates into
 * Date objects, and cannot guess the separator.
 */
export function parseCsv(text: string, separator: CsvSeparator): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === separator) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
