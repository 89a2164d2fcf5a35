import { type DynamicModule, Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import { HealthController } from './health.controller';
import { LoggingModule } from './logging.module';
import { createMetricsRegistry } from './metrics';

/** Logging, health and metrics for one deployable. */
@Module({})
export class ObservabilityModule {
  static forApp(app: 'api' | 'live' | 'worker'): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: [LoggingModule],
      controllers: [HealthController],
      providers: [{ provide: Registry, useFactory: () => createMetricsRegistry(app) }],
      exports: [Registry],
    };
  }
}
