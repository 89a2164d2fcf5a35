import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from '@hocvuso/audit';
import { APP_CONFIG, type AppConfig, ConfigModule } from '@hocvuso/config';
import { DatabaseModule } from '@hocvuso/database';
import { GeographyModule, GeographyService } from '@hocvuso/geography';
import { ActorService, IdentityModule } from '@hocvuso/identity';
import { ObservabilityModule } from '@hocvuso/observability';
import { RedisModule } from '@hocvuso/redis';
import { ResidentsModule } from '@hocvuso/residents';
import { CommuneResolver, ProvinceResolver, VenueResolver, VillageResolver } from './geography/geography.resolver';
import { PlacesImportResolver } from './geography/places-import.resolver';
import { DomainErrorFilter } from './graphql/domain-error.filter';
import { graphqlContextFactory } from './graphql/graphql-context.factory';
import { formatGraphQLError } from './graphql/graphql-errors';
import { queryLimitsPlugin } from './graphql/query-limits.plugin';
import { AccountsResolver } from './identity/accounts.resolver';
import { AuthResolver } from './identity/auth.resolver';
import { GrantsResolver } from './identity/grants.resolver';
import { ResidentResolver, VillageResidentCountResolver } from './residents/residents.resolver';

@Module({
  imports: [
    AuditModule,
    ConfigModule,
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
    ObservabilityModule.forApp('api'),
    RedisModule,
    ResidentsModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    AccountsResolver,
    AuthResolver,
    CommuneResolver,
    GrantsResolver,
    PlacesImportResolver,
    ProvinceResolver,
    ResidentResolver,
    VenueResolver,
    VillageResidentCountResolver,
    VillageResolver,
  ],
})
export class AppModule {}
