import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { createOrmOptions } from './orm.config';

/** MikroORM for a deployable; a request context per HTTP request comes with it. */
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createOrmOptions(config),
      driver: PostgreSqlDriver,
    }),
  ],
})
export class DatabaseModule {}
