import { Workbook } from 'exceljs';
import { REACH_TIME_ZONE } from '../reach-calendar';
import type { ReachFigures, ReachPeriod } from '../reach-figures';
import type { ReachBreakdownRow } from '../reach-statistics.service';
import { type ReachUnit, ReachUnitKind } from '../reach-units';

export enum ReachExportFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
}

export const REPORT_TITLE = 'BÁO CÁO KẾT QUẢ BÌNH DÂN HỌC VỤ SỐ';

/** The columns of the report sent up the hierarchy, in order. */
export const REPORT_COLUMNS = [
  'Đơn vị',
  'Mã',
  'Số lớp học',
  'Lượt người tham gia',
  'Số người',
  'Lượt hoàn thành khóa học',
  'Số người đạt chuẩn (lũy kế)',
  'Dân số trưởng thành',
  '% đạt chỉ tiêu',
] as const;

export type ReportCell = string | number | null;

export interface ReachExportDocument {
  /** title lines above the table: title, unit, period, as-of */
  title: string[];
  header: readonly string[];
  /** one row per child unit, then the total row of the unit itself */
  rows: ReportCell[][];
  notes: string[];
}

const KIND_LABEL: Record<ReachUnitKind, string> = {
  PROVINCE: 'tỉnh/thành phố',
  COMMUNE: 'xã/phường/đặc khu',
  VILLAGE: 'thôn/tổ dân phố',
  TEAM: 'đội hình',
};

/** Provinces and communes are named by their official code; villages and teams by their id. */
const codeOf = (unit: ReachUnit): string => unit.key;

const vnDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

function vnTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: REACH_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
}

function figureCells(figures: ReachFigures): ReportCell[] {
  return [
    figures.classesHeld,
    figures.personTimes,
    figures.uniquePeople,
    figures.completions,
    figures.residentsConfirmedToDate,
    figures.adultPopulation,
    figures.targetProgress,
  ];
}

/**
 * The report as rows: what both formats print. Figures come straight from the reach statistics
 * (the same numbers as the dashboard); `% đạt chỉ tiêu` is the share (0.025 = 2.5 %), blank
 * without a target.
 */
export function reachExportDocument(input: {
  unit: ReachUnit;
  period: ReachPeriod;
  figures: ReachFigures;
  asOf: Date | null;
  breakdown: ReachBreakdownRow[];
}): ReachExportDocument {
  const { unit, period } = input;
  const byCode = unit.kind === ReachUnitKind.PROVINCE || unit.kind === ReachUnitKind.COMMUNE;
  const notes = [
    'Lượt người: mỗi lần tham gia lớp học trực tuyến (điểm cầu tính theo số người có mặt) và mỗi lượt hỗ trợ; số người: mỗi người dân chỉ tính một lần, không cộng dồn giữa các đơn vị.',
    'Số người đạt chuẩn: người dân đã hoàn thành chương trình cơ bản tính đến ngày cuối kỳ; % đạt chỉ tiêu so với số người cần đạt theo chỉ tiêu.',
  ];
  if (input.breakdown.some((row) => row.unit.kind === ReachUnitKind.TEAM) && unit.kind === ReachUnitKind.COMMUNE) {
    notes.push('Số liệu của đội hình tính theo các thôn đội hình phụ trách (trùng với các dòng thôn).');
  }
  return {
    title: [
      REPORT_TITLE,
      `Đơn vị: ${unit.name} (${KIND_LABEL[unit.kind]}${byCode ? `, mã ${unit.key}` : ''})`,
      `Từ ngày ${vnDay(period.from)} đến ngày ${vnDay(period.to)}`,
      input.asOf ? `Số liệu tính đến ${vnTime(input.asOf)}` : 'Số liệu tính đến: chưa tổng hợp lần nào',
    ],
    header: REPORT_COLUMNS,
    rows: [
      ...input.breakdown.map((row) => [row.unit.name, codeOf(row.unit), ...figureCells(row.figures)]),
      ['Tổng cộng', codeOf(unit), ...figureCells(input.figures)],
    ],
    notes,
  };
}

/** `bao-cao-<code or id>-<from>-<to>.<ext>`: ASCII, so every browser keeps it. */
export function reachExportFileName(unitKey: string, period: ReachPeriod, format: ReachExportFormat): string {
  return `bao-cao-${unitKey}-${period.from}-${period.to}.${format === ReachExportFormat.XLSX ? 'xlsx' : 'csv'}`;
}

export const REACH_EXPORT_CONTENT_TYPES: Record<ReachExportFormat, string> = {
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  CSV: 'text/csv; charset=utf-8',
};

const PERCENT_COLUMN = REPORT_COLUMNS.length - 1;

export async function renderXlsx(doc: ReachExportDocument): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'hocvuso';
  const sheet = workbook.addWorksheet('Báo cáo');
  const width = doc.header.length;
  for (const [index, line] of doc.title.entries()) {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = index === 0 ? { bold: true, size: 14 } : { italic: index === doc.title.length - 1 };
    row.getCell(1).alignment = { horizontal: 'center' };
  }
  sheet.addRow([]);
  const header = sheet.addRow([...doc.header]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const [index, cells] of doc.rows.entries()) {
    const row = sheet.addRow(cells);
    if (index === doc.rows.length - 1) row.font = { bold: true };
    for (let column = 3; column <= width; column++) {
      row.getCell(column).numFmt = column - 1 === PERCENT_COLUMN ? '0.0%' : '#,##0';
    }
  }
  sheet.addRow([]);
  for (const note of doc.notes) sheet.addRow([note]).getCell(1).font = { italic: true };
  sheet.columns.forEach((column, index) => (column.width = index === 0 ? 32 : index === 1 ? 14 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A spreadsheet would run a text starting with =, +, - or @ as a formula; a leading ' keeps it text. */
const csvText = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function csvField(cell: ReportCell, column: number | null): string {
  if (cell === null) return '';
  const text =
    typeof cell === 'number'
      ? column === PERCENT_COLUMN
        ? `${(cell * 100).toFixed(1)}%`
        : String(cell)
      : csvText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM, so Excel reads the Vietnamese letters; comma-separated, CRLF lines. */
export function renderCsv(doc: ReachExportDocument): Buffer {
  const line = (cells: readonly ReportCell[], table: boolean) =>
    cells.map((cell, column) => csvField(cell, table ? column : null)).join(',');
  const lines = [
    ...doc.title.map((title) => line([title], false)),
    '',
    line(doc.header, false),
    ...doc.rows.map((row) => line(row, true)),
    '',
    ...doc.notes.map((note) => line([note], false)),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
