import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@hocvuso/config';
import { AppModule } from './app.module';
import { LiveIoAdapter } from './live-io.adapter';

/** The live gateway application, configured but not listening. */
export async function createLiveApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useWebSocketAdapter(new LiveIoAdapter(app, config));
  return app;
}
