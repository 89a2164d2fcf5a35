import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '@hocvuso/audit';
import { CertificatesModule } from '@hocvuso/certificates';
import { APP_CONFIG, type AppConfig, ConfigModule } from '@hocvuso/config';
import { DatabaseModule } from '@hocvuso/database';
import { GeographyModule } from '@hocvuso/geography';
import { QueueName } from '@hocvuso/jobs';
import { LiveModule } from '@hocvuso/live';
import { LiveAttendanceModule } from '@hocvuso/live/attendance';
import { ObservabilityModule } from '@hocvuso/observability';
import { RedisModule } from '@hocvuso/redis';
import { StatisticsModule } from '@hocvuso/statistics';
import { CertificatesProcessor } from './certificates/certificates.processor';
import { GeographyProcessor } from './geography/geography.processor';
import { LiveProcessor } from './live/live.processor';
import { LiveAttendanceProcessor } from './live/live-attendance.processor';
import { StatisticsProcessor } from './statistics/statistics.processor';

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Options, not a client: BullMQ then opens and closes its own connections on shutdown.
        connection: { url: config.REDIS_URL, connectionName: 'worker', maxRetriesPerRequest: null },
        prefix: config.REDIS_KEY_PREFIX,
      }),
    }),
    BullModule.registerQueue({ name: QueueName.geography }),
    BullModule.registerQueue({ name: QueueName.certificates }),
    BullModule.registerQueue({ name: QueueName.live }),
    BullModule.registerQueue({ name: QueueName.liveAttendance }),
    BullModule.registerQueue({ name: QueueName.statistics }),
    AuditModule,
    CertificatesModule,
    ConfigModule,
    DatabaseModule,
    GeographyModule,
    LiveModule,
    LiveAttendanceModule,
    ObservabilityModule.forApp('worker'),
    RedisModule,
    StatisticsModule,
  ],
  providers: [CertificatesProcessor, GeographyProcessor, LiveProcessor, LiveAttendanceProcessor, StatisticsProcessor],
})
export class AppModule {}
