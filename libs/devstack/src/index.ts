export { type AppProcess, spawnApp, stopProcess, waitUntilReady } from './child-process';
export { formatChildLine, redact } from './console';
export { DevstackRunner } from './devstack-runner';
export { type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded-postgres';
export { freePort, portIsOpen } from './ports';
export { ensureRedis, redisAnswers, RedisUnavailableError } from './redis-server';
export type { StartedService } from './started-service';
