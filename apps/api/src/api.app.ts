import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@hocvuso/config';
import { AppModule } from './app.module';

/** The API application, configured but not listening: `main.ts` serves it, tests drive it. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  app.useBodyParser('json', { limit: config.REQUEST_BODY_LIMIT });
  // Behind the load balancer, the client's address is in X-Forwarded-For (per-IP login limits).
  app.set('trust proxy', config.TRUST_PROXY);
  return app;
}
