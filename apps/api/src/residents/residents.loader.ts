import type { ConsentsService, ConsentView, ResidentsService } from '@hocvuso/residents';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '../graphql/graphql.context';

/** Per-request batching for residents' nested fields. */
export interface ResidentsLoaders {
  consents: DataLoader<string, ConsentView[]>;
  residentCount: DataLoader<string, number | null>;
}

// Keyed by the request's context object: created on first use, gone with the request.
const loadersByContext = new WeakMap<GraphQLContext, ResidentsLoaders>();

export function residentsLoaders(
  ctx: GraphQLContext,
  consents: ConsentsService,
  residents: ResidentsService,
): ResidentsLoaders {
  let loaders = loadersByContext.get(ctx);
  if (!loaders) {
    loaders = {
      consents: new DataLoader((ids) => consents.consentsOfResidents(ids)),
      residentCount: new DataLoader((ids) => residents.residentCounts(ctx.actor, ids)),
    };
    loadersByContext.set(ctx, loaders);
  }
  return loaders;
}
