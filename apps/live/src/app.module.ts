import { Module } from '@nestjs/common';
import { ConfigModule } from '@hocvuso/config';
import { DatabaseModule } from '@hocvuso/database';
import { ObservabilityModule } from '@hocvuso/observability';
import { RedisModule } from '@hocvuso/redis';
import { LiveGateway } from './live.gateway';

@Module({
  imports: [ConfigModule, DatabaseModule, ObservabilityModule.forApp('live'), RedisModule],
  providers: [LiveGateway],
})
export class AppModule {}
