import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';

/** The live gateway application, configured but not listening. */
export async function createLiveApp(): Promise<NestExpressApplication> {
  return NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
}
