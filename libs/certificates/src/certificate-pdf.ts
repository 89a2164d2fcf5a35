import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { create as createQr } from 'qrcode';

/** Be Vietnam Pro (SIL OFL), from its npm package: drawn for Vietnamese, every mark included. */
const FONT_FILES = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  italic: '@expo-google-fonts/be-vietnam-pro/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
};
let fonts: Record<keyof typeof FONT_FILES, Buffer> | undefined;

/** Read once, on the first certificate: a few hundred kilobytes kept for the process's life. */
function fontData(): Record<keyof typeof FONT_FILES, Buffer> {
  fonts ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
    italic: readFileSync(require.resolve(FONT_FILES.italic)),
  };
  return fonts;
}

export interface CertificatePdfContent {
  fullName: string;
  courseTitle: string;
  courseVersionNumber: number;
  completedAt: Date;
  issuedAt: Date;
  issuingUnitName: string;
  /** grouped: HV7K-2M9Q-XR */
  code: string;
  /** the signed HVS1 text the QR code carries */
  qrText: string;
}

const INK = '#1f2a44';
const ACCENT = '#b3261e';
const vietnamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Day, month and year in Vietnam, whatever the server's time zone. */
function vietnamDateParts(date: Date): { day: string; month: string; year: string } {
  const [year, month, day] = vietnamDay.format(date).split('-');
  return { day, month, year };
}

/** "ngày 22 tháng 11 năm 2026", as an official document dates itself. */
export function longVietnameseDate(date: Date): string {
  const { day, month, year } = vietnamDateParts(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** 22/11/2026 */
export function shortVietnameseDate(date: Date): string {
  const { day, month, year } = vietnamDateParts(date);
  return `${day}/${month}/${year}`;
}

/**
 * One A4 landscape page: the national heading, the holder, the course, the issuing unit and
 * date, and the verification code beside a QR code of the signed payload. Every text block has
 * a fixed box (long titles are cut with an ellipsis), so the certificate never spills onto a
 * second page.
 */
export async function renderCertificatePdf(content: CertificatePdfContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: `Giấy chứng nhận ${content.code}`, Creator: 'hocvuso', Producer: 'hocvuso' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, data] of Object.entries(fontData())) doc.registerFont(name, data);
  drawFrame(doc);
  drawBody(doc, content);
  drawFooter(doc, content);
  doc.end();
  return finished;
}

type Doc = InstanceType<typeof PDFDocument>;

function drawFrame(doc: Doc): void {
  const { width, height } = doc.page;
  doc
    .lineWidth(3)
    .strokeColor(ACCENT)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor(INK)
    .rect(32, 32, width - 64, height - 64)
    .stroke();
}

function centered(doc: Doc, font: string, size: number, text: string, y: number, height: number, color = INK): void {
  const x = 70;
  doc
    .font(font)
    .fontSize(size)
    .fillColor(color)
    .text(text, x, y, { width: doc.page.width - 2 * x, height, align: 'center', ellipsis: true });
}

function drawBody(doc: Doc, content: CertificatePdfContent): void {
  centered(doc, 'bold', 12, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 52, 16);
  centered(doc, 'bold', 11, 'Độc lập - Tự do - Hạnh phúc', 68, 16);
  centered(doc, 'regular', 11, 'Phong trào “Bình dân học vụ số”', 96, 16);
  centered(doc, 'bold', 34, 'GIẤY CHỨNG NHẬN', 118, 44, ACCENT);
  centered(doc, 'regular', 14, 'Chứng nhận Ông/Bà', 174, 20);
  centered(doc, 'bold', 26, content.fullName, 196, 36);
  centered(doc, 'regular', 14, 'đã hoàn thành khóa học', 240, 20);
  centered(doc, 'bold', 18, content.courseTitle, 264, 50);
  centered(
    doc,
    'italic',
    12,
    `Phiên bản ${content.courseVersionNumber} · Hoàn thành ngày ${shortVietnameseDate(content.completedAt)}`,
    320,
    18,
  );
}

function drawFooter(doc: Doc, content: CertificatePdfContent): void {
  const { width, height } = doc.page;
  const qrSize = 150;
  const qrX = 80;
  const qrY = height - 70 - qrSize;
  drawQr(doc, content.qrText, qrX, qrY, qrSize);
  const captionX = qrX + qrSize + 14;
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(INK)
    .text('Mã xác minh', captionX, qrY + 40, { width: 200, lineBreak: false });
  doc
    .font('bold')
    .fontSize(16)
    .text(content.code, captionX, qrY + 56, { width: 200, lineBreak: false });
  doc
    .font('italic')
    .fontSize(9)
    .text('Quét mã QR hoặc nhập mã xác minh để kiểm tra giấy chứng nhận.', captionX, qrY + 80, {
      width: 190,
      height: 36,
      ellipsis: true,
    });

  const signX = width - 80 - 280;
  const signY = height - 70 - 120;
  const block = { width: 280, align: 'center' as const, ellipsis: true };
  doc
    .font('italic')
    .fontSize(12)
    .fillColor(INK)
    .text(`${content.issuingUnitName}, ${longVietnameseDate(content.issuedAt)}`, signX, signY, {
      ...block,
      height: 36,
    });
  doc
    .font('bold')
    .fontSize(13)
    .text('ĐƠN VỊ CẤP', signX, signY + 40, { ...block, height: 18 });
  doc
    .font('bold')
    .fontSize(14)
    .text(content.issuingUnitName.toUpperCase(), signX, signY + 62, { ...block, height: 40 });
}

/**
 * The QR code as vector squares rather than a bitmap: sharp at any print size, and far cheaper
 * than encoding and re-decoding a PNG. Error correction M survives a crease or a smudge.
 */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
}
