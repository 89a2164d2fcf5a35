import 'reflect-metadata';
import { loadConfig } from '@hocvuso/config';
import { serve } from '@hocvuso/observability';
import { createApiApp } from './api.app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await serve(app, {
    name: 'api',
    host: config.HOST,
    port: config.API_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
