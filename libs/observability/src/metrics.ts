import { collectDefaultMetrics, Registry } from 'prom-client';

/** One Prometheus registry per process, labelled with the deployable's name. */
export function createMetricsRegistry(app: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry, prefix: 'hocvuso_' });
  return registry;
}
