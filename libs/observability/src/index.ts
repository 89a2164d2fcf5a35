export { serve } from './bootstrap';
export { HealthController } from './health.controller';
export { LoggingModule, requestId } from './logging.module';
export { createMetricsRegistry } from './metrics';
export { ObservabilityModule } from './observability.module';
