import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Village } from '@hocvuso/geography';
import {
  type TeamMemberView,
  TeamsService,
  type TeamView,
  VolunteersService,
  YouthUnitsService,
  type YouthUnitView,
} from '@hocvuso/youth';
import { VillageModel } from '../geography/geography.model';
import { toConnection } from '../graphql/connection.model';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import {
  AssignVolunteerInput,
  CreateTeamInput,
  MyPageArgs,
  TeamMembershipInput,
  TeamsArgs,
  VolunteerAssignmentsArgs,
} from './youth.input';
import { youthLoaders } from './youth.loader';
import {
  TeamConnection,
  TeamMemberModel,
  TeamModel,
  VolunteerAssignmentConnection,
  VolunteerAssignmentModel,
  YouthUnitModel,
} from './youth.model';

@Resolver(() => TeamModel)
export class TeamResolver {
  constructor(
    private readonly teamsService: TeamsService,
    private readonly units: YouthUnitsService,
    private readonly volunteers: VolunteersService,
  ) {}

  @Query(() => TeamModel, { description: 'A team the caller manages, reads in scope, leads or belongs to' })
  team(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext): Promise<TeamView> {
    return this.teamsService.getTeam(ctx.actor, id);
  }

  @Query(() => TeamConnection, { description: 'Teams of a commune in name order, limited to what the caller may see' })
  async teams(@Args() args: TeamsArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.teamsService.listTeams(ctx.actor, args.communeCode, args));
  }

  @Query(() => TeamConnection, { description: 'Teams the caller leads or is an active member of' })
  async myTeams(@Args() args: MyPageArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.teamsService.myTeams(ctx.actor, args));
  }

  @Query(() => VolunteerAssignmentConnection, { description: 'Volunteer students assigned to a commune (TEAMS_READ)' })
  async volunteerAssignments(@Args() args: VolunteerAssignmentsArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.volunteers.listAssignments(ctx.actor, args, args));
  }

  @Mutation(() => TeamModel, { description: 'A new team under the commune union (TEAMS_MANAGE on the commune)' })
  createTeam(@Args('input') input: CreateTeamInput, @Context() ctx: GraphQLContext): Promise<TeamView> {
    return this.teamsService.createTeam(ctx.actor, input, requestId(ctx));
  }

  @Mutation(() => TeamModel, { description: 'Names (or with null clears) the team leader (TEAMS_MANAGE)' })
  setTeamLeader(
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('accountId', { type: () => ID, nullable: true }) accountId: string | null,
    @Context() ctx: GraphQLContext,
  ): Promise<TeamView> {
    return this.teamsService.setTeamLeader(ctx.actor, teamId, accountId ?? null, requestId(ctx));
  }

  @Mutation(() => TeamMemberModel, { description: 'Adds a member; an active member is returned as is' })
  addTeamMember(@Args('input') input: TeamMembershipInput, @Context() ctx: GraphQLContext): Promise<TeamMemberView> {
    return this.teamsService.addMember(ctx.actor, input, requestId(ctx));
  }

  @Mutation(() => TeamMemberModel, { description: 'Ends a membership on a day; the history is kept' })
  removeTeamMember(@Args('input') input: TeamMembershipInput, @Context() ctx: GraphQLContext): Promise<TeamMemberView> {
    return this.teamsService.removeMember(ctx.actor, input, requestId(ctx));
  }

  @Mutation(() => TeamModel, { description: 'Replaces the villages the team covers (all in its commune)' })
  setTeamVillages(
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('villageIds', { type: () => [ID] }) villageIds: string[],
    @Context() ctx: GraphQLContext,
  ): Promise<TeamView> {
    return this.teamsService.setVillages(ctx.actor, teamId, villageIds, requestId(ctx));
  }

  @Mutation(() => VolunteerAssignmentModel, {
    description: 'Assigns a volunteer student to a commune for a period; same student, commune and start: updated',
  })
  assignVolunteer(@Args('input') input: AssignVolunteerInput, @Context() ctx: GraphQLContext) {
    return this.volunteers.assign(ctx.actor, input, requestId(ctx));
  }

  @ResolveField(() => [TeamMemberModel], { description: 'Active members (batched)' })
  members(@Parent() team: TeamView, @Context() ctx: GraphQLContext): Promise<TeamMemberView[]> {
    return youthLoaders(ctx, this.teamsService, this.units).members.load(team.id);
  }

  @ResolveField(() => [VillageModel], { description: 'Villages the team covers, by name (batched)' })
  async villages(@Parent() team: TeamView, @Context() ctx: GraphQLContext): Promise<Village[]> {
    const ids = await youthLoaders(ctx, this.teamsService, this.units).villageIds.load(team.id);
    const villages = await ctx.loaders.geography.village.loadMany(ids);
    return villages.filter((village): village is Village => village !== undefined && !(village instanceof Error));
  }

  @ResolveField(() => YouthUnitModel, { description: 'The commune union the team belongs to (batched)' })
  async youthUnit(@Parent() team: TeamView, @Context() ctx: GraphQLContext): Promise<YouthUnitView> {
    return (await youthLoaders(ctx, this.teamsService, this.units).unit.load(team.youthUnitId))!;
  }
}
