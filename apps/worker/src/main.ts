import 'reflect-metadata';
import { loadConfig } from '@hocvuso/config';
import { serve } from '@hocvuso/observability';
import { createWorkerApp } from './worker.app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createWorkerApp();
  await serve(app, {
    name: 'worker',
    host: config.HOST,
    port: config.WORKER_PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
