import 'reflect-metadata';
import { loadConfig } from '@hocvuso/config';
import { ensureDatabase, migrateDown, migrateUp } from '@hocvuso/database';

/**
 * `npm run db:migrate` (up: creates the database when missing, applies every pending migration)
 * and `npm run db:migrate:down` (reverts the last one). Migrations run as this step of their own,
 * never when a deployable boots. Exit 0 on success, 1 on failure, 2 on bad usage.
 */
async function main(args: string[]): Promise<number> {
  const [direction = 'up'] = args;
  if (args.length > 1 || (direction !== 'up' && direction !== 'down')) {
    process.stderr.write('Cách dùng: db-migrate.js [up|down]\n');
    return 2;
  }
  const config = loadConfig();
  if (direction === 'up') {
    await ensureDatabase(config);
    const applied = await migrateUp(config);
    const lines =
      applied.length === 0
        ? ['Không có migration nào cần chạy (cơ sở dữ liệu đã mới nhất).']
        : applied.map((name) => `  đã áp dụng ${name}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (applied.length > 0) process.stdout.write(`Đã áp dụng ${applied.length} migration.\n`);
    return 0;
  }
  const reverted = await migrateDown(config, 1);
  process.stdout.write(
    reverted.length === 0 ? 'Không có migration nào để hoàn tác.\n' : `  đã hoàn tác ${reverted.join(', ')}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`db-migrate thất bại: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
