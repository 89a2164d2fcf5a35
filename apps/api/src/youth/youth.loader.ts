import type { TeamMemberView, TeamsService, YouthUnitsService, YouthUnitView } from '@hocvuso/youth';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '../graphql/graphql.context';

/** Per-request batching for teams' and youth units' nested fields. */
export interface YouthLoaders {
  members: DataLoader<string, TeamMemberView[]>;
  villageIds: DataLoader<string, string[]>;
  unit: DataLoader<string, YouthUnitView | undefined>;
  branches: DataLoader<string, YouthUnitView[]>;
}

// Keyed by the request's context object: created on first use, gone with the request.
const loadersByContext = new WeakMap<GraphQLContext, YouthLoaders>();

export function youthLoaders(ctx: GraphQLContext, teams: TeamsService, units: YouthUnitsService): YouthLoaders {
  let loaders = loadersByContext.get(ctx);
  if (!loaders) {
    loaders = {
      members: new DataLoader((ids) => teams.membersOfTeams(ids)),
      villageIds: new DataLoader((ids) => teams.villageIdsOfTeams(ids)),
      unit: new DataLoader((ids) => units.unitsByIds(ids)),
      branches: new DataLoader((ids) => units.branchesOfUnits(ids)),
    };
    loadersByContext.set(ctx, loaders);
  }
  return loaders;
}
