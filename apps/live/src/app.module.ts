import { Module } from '@nestjs/common';
import { AuditModule } from '@hocvuso/audit';
import { ConfigModule } from '@hocvuso/config';
import { DatabaseModule } from '@hocvuso/database';
import { LiveModule } from '@hocvuso/live';
import { ObservabilityModule } from '@hocvuso/observability';
import { RedisModule } from '@hocvuso/redis';
import { LiveGateway } from './live.gateway';

@Module({
  imports: [AuditModule, ConfigModule, DatabaseModule, LiveModule, ObservabilityModule.forApp('live'), RedisModule],
  providers: [LiveGateway],
})
export class AppModule {}
