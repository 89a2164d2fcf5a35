export { countHit, type WindowCount } from './fixed-window';
export { createRedisClient, REDIS, RedisModule } from './redis.module';
