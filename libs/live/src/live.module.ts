import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { IdentityModule } from '@hocvuso/identity';
import { REDIS } from '@hocvuso/redis';
import type { Redis } from 'ioredis';
import { LivePersonalData } from './live-personal-data';
import { LiveScheduler } from './live-scheduler';
import { LiveSessionsService } from './live-sessions.service';
import { LiveState } from './live-state';
import { ParticipantTokenSigner } from './participant-token';

/**
 * Live sessions for the API, the worker and the gateway. AuditModule and RedisModule are
 * global; PiiVault (phone lookups at check-in) comes from IdentityModule.
 */
@Module({
  imports: [IdentityModule],
  providers: [
    LivePersonalData,
    LiveScheduler,
    LiveSessionsService,
    {
      provide: LiveState,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => new LiveState(redis, config.REDIS_KEY_PREFIX),
    },
    {
      provide: ParticipantTokenSigner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new ParticipantTokenSigner(config.LIVE_TOKEN_SECRET, config.LIVE_TOKEN_TTL_SECONDS),
    },
  ],
  exports: [LiveScheduler, LiveSessionsService, LiveState, ParticipantTokenSigner],
})
export class LiveModule {}
