import type { ActorService } from '@hocvuso/identity';
import type { GeographyService } from '@hocvuso/geography';
import type { Request } from 'express';
import { createGeographyLoaders } from '../geography/geography.loader';
import type { GraphQLContext } from './graphql.context';
import { isDomainError, toGraphQLError } from './graphql-errors';

function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
  return match ? match[1] : '';
}

/**
 * Builds each request's context. A request without a token is anonymous; one with a bad,
 * expired or revoked token is refused with 401 before anything runs.
 */
export function graphqlContextFactory(actors: ActorService, geography: GeographyService) {
  return async ({ req }: { req: Request }): Promise<GraphQLContext> => {
    try {
      const actor = await actors.actorFromAccessToken(bearerToken(req));
      return { req, actor, loaders: { geography: createGeographyLoaders(geography) } };
    } catch (error) {
      if (isDomainError(error)) throw toGraphQLError(error);
      throw error;
    }
  };
}
