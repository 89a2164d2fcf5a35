import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { TeamsService, YouthUnitsService, type YouthUnitView } from '@hocvuso/youth';
import type { GraphQLContext } from '../graphql/graphql.context';
import { youthLoaders } from './youth.loader';
import { YouthUnitModel } from './youth.model';

@Resolver(() => YouthUnitModel)
export class YouthUnitResolver {
  constructor(
    private readonly teams: TeamsService,
    private readonly units: YouthUnitsService,
  ) {}

  @Query(() => YouthUnitModel, { nullable: true, description: 'The commune’s youth union, if set up (TEAMS_READ)' })
  communeYouthUnion(@Args('communeCode') communeCode: string, @Context() ctx: GraphQLContext) {
    return this.units.communeUnion(ctx.actor, communeCode);
  }

  @Mutation(() => YouthUnitModel, {
    description: 'The commune’s youth union, created with the provincial union when missing; idempotent',
  })
  ensureCommuneYouthUnion(@Args('communeCode') communeCode: string, @Context() ctx: GraphQLContext) {
    return this.units.ensureCommuneUnion(ctx.actor, communeCode);
  }

  @Mutation(() => YouthUnitModel, { description: 'The village’s branch (chi đoàn), created when missing; idempotent' })
  ensureYouthBranch(@Args('villageId', { type: () => ID }) villageId: string, @Context() ctx: GraphQLContext) {
    return this.units.ensureBranch(ctx.actor, villageId);
  }

  @ResolveField(() => YouthUnitModel, { nullable: true, description: 'The unit above (batched)' })
  async parent(@Parent() unit: YouthUnitView, @Context() ctx: GraphQLContext): Promise<YouthUnitView | null> {
    if (!unit.parentId) return null;
    return (await youthLoaders(ctx, this.teams, this.units).unit.load(unit.parentId)) ?? null;
  }

  @ResolveField(() => [YouthUnitModel], { description: 'Village branches of a commune union (batched)' })
  branches(@Parent() unit: YouthUnitView, @Context() ctx: GraphQLContext): Promise<YouthUnitView[]> {
    return youthLoaders(ctx, this.teams, this.units).branches.load(unit.id);
  }
}
