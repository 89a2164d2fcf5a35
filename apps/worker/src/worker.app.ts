import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';

/** The worker: BullMQ processors, plus an HTTP port for health and metrics only. */
export async function createWorkerApp(): Promise<NestExpressApplication> {
  return NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
}
