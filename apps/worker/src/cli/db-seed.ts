import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@hocvuso/config';
import { loadDemoData } from '../../../../prisma-seeds';

/**
 * `npm run db:seed`: loads the demo data (34 provinces, demo communes, villages and venues; the
 * units from UNITS_FILE when it is set) into the migrated database. Safe to run again: what
 * exists is left alone. Exit 0 on success, 1 on failure.
 */
async function main(): Promise<number> {
  Logger.overrideLogger(['error', 'warn']);
  const config = loadConfig();
  const summary = await loadDemoData(config, {
    onlyIfEmpty: false,
    onProgress: ({ phase, done, total }) => process.stderr.write(`db:seed  ${phase}: ${done}/${total}\n`),
  });
  if (!summary) return 0;
  process.stdout.write(
    `Dữ liệu mẫu đã nạp (mới thêm): ${summary.provinces} tỉnh/thành phố, ${summary.communes} xã/phường/đặc khu, ` +
      `${summary.villages} thôn/tổ dân phố, ${summary.venues} điểm cầu, ${summary.catalog?.created ?? 0} khóa học.\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`db:seed thất bại: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
