import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { decodeTargetsFile, ReachTargetsService } from '@hocvuso/youth';
import { toConnection } from '../graphql/connection.model';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import { ImportReachTargetsInput, SetReachTargetInput, TeamsArgs } from './youth.input';
import { ReachTargetConnection, ReachTargetModel, ReachTargetsImportResultModel } from './youth.model';

@Resolver(() => ReachTargetModel)
export class ReachTargetResolver {
  constructor(private readonly targets: ReachTargetsService) {}

  @Query(() => ReachTargetConnection, {
    description: 'Targets of a commune: its own first, then villages by name (TARGETS_READ)',
  })
  async reachTargets(@Args() args: TeamsArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.targets.listTargets(ctx.actor, args.communeCode, args));
  }

  @Mutation(() => ReachTargetModel, { description: 'Sets a commune’s or village’s target for a due day; idempotent' })
  setReachTarget(@Args('input') input: SetReachTargetInput, @Context() ctx: GraphQLContext) {
    return this.targets.setTarget(ctx.actor, input, requestId(ctx));
  }

  @Mutation(() => ReachTargetsImportResultModel, {
    description: 'Targets from .xlsx or .csv; all or nothing, bad rows listed by row number',
  })
  importReachTargets(@Args('input') input: ImportReachTargetsInput, @Context() ctx: GraphQLContext) {
    const content = decodeTargetsFile(input.contentBase64);
    return this.targets.importFile(ctx.actor, { ...input, content }, requestId(ctx));
  }
}
