import 'tsconfig-paths/register';
import { parseConfig } from '../../libs/config/src/config.schema';
import { dropDatabase } from '../../libs/database/src/migrate';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE === '1') return;
  await dropDatabase(parseConfig(process.env));
}
