import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SupportVisitsService, VisitSyncStatus } from '@hocvuso/youth';
import { toConnection } from '../graphql/connection.model';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import { MySupportVisitsArgs, SupportVisitInputModel, SupportVisitsArgs } from './youth.input';
import { SupportVisitConnection, SupportVisitModel, VisitSyncResultModel } from './youth.model';

@Resolver(() => SupportVisitModel)
export class SupportVisitResolver {
  constructor(private readonly visits: SupportVisitsService) {}

  @Mutation(() => [VisitSyncResultModel], {
    description:
      'Stores visits captured offline, each row on its own: re-sending a batch (even concurrently) stores nothing twice',
  })
  async syncSupportVisits(
    @Args('visits', { type: () => [SupportVisitInputModel] }) visits: SupportVisitInputModel[],
    @Context() ctx: GraphQLContext,
  ): Promise<VisitSyncResultModel[]> {
    const results = await this.visits.sync(ctx.actor, visits, requestId(ctx));
    return results.map((result) => ({
      ...result,
      accepted: result.status === VisitSyncStatus.CREATED || result.status === VisitSyncStatus.UNCHANGED,
    }));
  }

  @Query(() => SupportVisitConnection, {
    description: 'Visits of a village, team or commune, newest first (SUPPORT_VISITS_READ, or the team’s leader)',
  })
  async supportVisits(@Args() args: SupportVisitsArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.visits.listVisits(ctx.actor, args, args));
  }

  @Query(() => SupportVisitConnection, { description: 'The caller’s own visits, newest first' })
  async mySupportVisits(@Args() args: MySupportVisitsArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.visits.myVisits(ctx.actor, args, args));
  }
}
