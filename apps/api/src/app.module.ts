import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from '@hocvuso/audit';
import { CertificatesModule } from '@hocvuso/certificates';
import { APP_CONFIG, type AppConfig, ConfigModule } from '@hocvuso/config';
import { CoursesModule } from '@hocvuso/courses';
import { DatabaseModule } from '@hocvuso/database';
import { GeographyModule, GeographyService } from '@hocvuso/geography';
import { ActorService, IdentityModule } from '@hocvuso/identity';
import { LiveModule } from '@hocvuso/live';
import { ObservabilityModule } from '@hocvuso/observability';
import { RedisModule } from '@hocvuso/redis';
import { ResidentsModule } from '@hocvuso/residents';
import { StatisticsModule } from '@hocvuso/statistics';
import { CommuneResolver, ProvinceResolver, VenueResolver, VillageResolver } from './geography/geography.resolver';
import { PlacesImportResolver } from './geography/places-import.resolver';
import { CertificatesResolver } from './certificates/certificates.resolver';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { graphqlContextFactory } from './graphql/graphql-context.factory';
import { formatGraphQLError } from './graphql/graphql-errors';
import { queryLimitsPlugin } from './graphql/query-limits.plugin';
import { AccountsResolver } from './identity/accounts.resolver';
import { AuthResolver } from './identity/auth.resolver';
import { GrantsResolver } from './identity/grants.resolver';
import { ResidentResolver, VillageResidentCountResolver } from './residents/residents.resolver';
import {
  CourseResolver,
  CourseVersionResolver,
  EnrollmentResolver,
  LessonResolver,
  QuizResolver,
} from './courses/courses.resolver';
import { YouthModule } from '@hocvuso/youth';
import { ReachTargetResolver } from './youth/reach-targets.resolver';
import { SupportVisitResolver } from './youth/support-visits.resolver';
import { TeamResolver } from './youth/teams.resolver';
import { YouthUnitResolver } from './youth/youth-units.resolver';
import { LiveSessionResolver } from './live/live.resolver';
import { ReachExportController } from './statistics/reach-export.controller';
import { ReachExportResolver } from './statistics/reach-export.resolver';
import { ReachStatisticsResolver } from './statistics/statistics.resolver';

@Module({
  imports: [
    AuditModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Options, not a client: BullMQ then opens and closes its own connections on shutdown.
        connection: { url: config.REDIS_URL, connectionName: 'api', maxRetriesPerRequest: null },
        prefix: config.REDIS_KEY_PREFIX,
      }),
    }),
    CertificatesModule,
    ConfigModule,
    CoursesModule,
    DatabaseModule,
    GeographyModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [GeographyModule, IdentityModule],
      inject: [APP_CONFIG, ActorService, GeographyService],
      useFactory: (config: AppConfig, actors: ActorService, geography: GeographyService): ApolloDriverConfig => ({
        autoSchemaFile: true,
        sortSchema: true,
        path: '/graphql',
        introspection: config.NODE_ENV !== 'production',
        playground: false,
        csrfPrevention: true,
        formatError: formatGraphQLError,
        plugins: [
          queryLimitsPlugin({ maxDepth: config.GRAPHQL_MAX_DEPTH, maxComplexity: config.GRAPHQL_MAX_COMPLEXITY }),
        ],
        context: graphqlContextFactory(actors, geography),
      }),
    }),
    IdentityModule,
    LiveModule,
    ObservabilityModule.forApp('api'),
    RedisModule,
    ResidentsModule,
    YouthModule,
    StatisticsModule,
  ],
  controllers: [ReachExportController],
  providers: [
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    AccountsResolver,
    AuthResolver,
    CertificatesResolver,
    CommuneResolver,
    CourseResolver,
    CourseVersionResolver,
    EnrollmentResolver,
    GrantsResolver,
    LiveSessionResolver,
    LessonResolver,
    PlacesImportResolver,
    ProvinceResolver,
    QuizResolver,
    ResidentResolver,
    VenueResolver,
    VillageResidentCountResolver,
    VillageResolver,
    ReachTargetResolver,
    SupportVisitResolver,
    TeamResolver,
    YouthUnitResolver,
    ReachExportResolver,
    ReachStatisticsResolver,
  ],
})
export class AppModule {}
