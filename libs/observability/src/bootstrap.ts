import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

interface ServeOptions {
  name: string;
  host: string;
  port: number;
  shutdownTimeoutMs: number;
}

/**
 * Listens, then on SIGTERM/SIGINT stops taking new work and lets Nest drain what is in flight
 * (HTTP requests, jobs, sockets: every module's shutdown hook) before exiting. A drain that
 * outlives the timeout exits non-zero rather than hanging a deploy.
 */
export async function serve(app: INestApplication, options: ServeOptions): Promise<string> {
  const logger = app.get(Logger);
  app.useLogger(logger);
  await app.listen(options.port, options.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  logger.log(`${options.name} listening on ${url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${options.name} received ${signal}, draining`);
    const force = setTimeout(() => {
      logger.error(`${options.name} did not drain within ${options.shutdownTimeoutMs} ms, exiting`);
      process.exit(1);
    }, options.shutdownTimeoutMs);
    force.unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: Error) => {
        logger.error(`${options.name} shutdown failed: ${error.message}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return url;
}
