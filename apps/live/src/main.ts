import 'reflect-metadata';
import { loadConfig } from '@hocvuso/config';
import { serve } from '@hocvuso/observability';
import { createLiveApp } from './live.app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createLiveApp(config);
  await serve(app, {
    name: 'live',
    host: config.HOST,
    port: config.LIVE_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
