import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions } from '@hocvuso/database';
import {
  GeographyError,
  GeographyErrorCode,
  type UnitCounts,
  UnitsImportService,
  type UnitsImportSummary,
} from '@hocvuso/geography';
import type { JobProgress } from '@hocvuso/jobs';
import { MikroORM } from '@mikro-orm/postgresql';

/**
 * `npm run units:import -- <file>`: imports an official unit list (../shared/data/vn-units format).
 * Progress goes to stderr, the summary to stdout. Exit 0 on success, 1 when the file is rejected
 * (nothing is written then) or the import fails, 2 on bad usage.
 */
const number = new Intl.NumberFormat('vi-VN');
const n = (value: number): string => number.format(value);

const phases: Record<string, string> = {
  validated: 'đã kiểm tra tệp (số đơn vị)',
  provinces: 'tỉnh/thành phố',
  communes: 'xã/phường/đặc khu',
};

function printProgress({ phase, done, total }: JobProgress): void {
  process.stderr.write(`units:import  ${phases[phase] ?? phase}: ${n(done)}/${n(total)}\n`);
}

const counts = (c: UnitCounts): string =>
  `tạo mới ${n(c.created)}, cập nhật ${n(c.updated)}, không đổi ${n(c.unchanged)}`;

function printSummary(s: UnitsImportSummary, seconds: number): void {
  const lines = [
    `Đã nhập danh mục đơn vị hành chính (${seconds.toFixed(2)} s):`,
    `  Tỉnh/thành phố: ${n(s.totalProvinces)} (${counts(s.provinces)})`,
    `    ${n(s.provincesByKind.CITY)} thành phố, ${n(s.provincesByKind.PROVINCE)} tỉnh`,
    `  Xã/phường/đặc khu: ${n(s.totalCommunes)} (${counts(s.communes)})`,
    `    ${n(s.communesByKind.XA)} xã, ${n(s.communesByKind.PHUONG)} phường, ${n(s.communesByKind.DAC_KHU)} đặc khu`,
    `  Có trong cơ sở dữ liệu nhưng không có trong tệp (giữ nguyên): ${n(s.provincesNotInFile)} tỉnh/thành phố, ${n(s.communesNotInFile)} xã/phường/đặc khu`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    process.stderr.write('Cách dùng: npm run units:import -- <tệp danh mục .json>\n');
    return 2;
  }
  // The summary is the output; the service's info log would only repeat it.
  Logger.overrideLogger(['error', 'warn']);
  const config = loadConfig();
  const orm = await MikroORM.init(createOrmOptions(config));
  try {
    const started = performance.now();
    const summary = await new UnitsImportService(orm.em.fork()).importFile(args[0], printProgress);
    printSummary(summary, (performance.now() - started) / 1000);
    return 0;
  } finally {
    await orm.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof GeographyError && error.code === GeographyErrorCode.UNITS_FILE_INVALID) {
      const { position, reason } = error.details as { position: string; reason: string };
      process.stderr.write(
        `Tệp không hợp lệ, không ghi gì vào cơ sở dữ liệu.\n  Vị trí: ${position}\n  Lý do: ${reason}\n`,
      );
    } else {
      process.stderr.write(`Nhập danh mục thất bại: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
