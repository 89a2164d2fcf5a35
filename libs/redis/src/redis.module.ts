import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { Redis } from 'ioredis';

export const REDIS = Symbol('REDIS');

/** Builds an ioredis client that keeps retrying (Redis may come back) and never queues forever. */
export function createRedisClient(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    // BullMQ requires null here for its blocking connections; commands issued while Redis is
    // down fail fast through the offline queue limit below instead of piling up.
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  });
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisCloser.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch((error: Error) => this.logger.warn(`redis quit failed: ${error.message}`));
  }
}

/** One shared Redis connection per process for commands (queues open their own). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedisClient(config.REDIS_URL, 'hocvuso'),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
