import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type CheckInResult, LiveSessionsService, type LiveSessionView, type LiveTicket } from '@hocvuso/live';
import { toConnection } from '../graphql/connection.model';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import {
  CheckInResidentInput,
  CreateLiveSessionInput,
  JoinLiveSessionInput,
  LiveSessionsArgs,
  RescheduleLiveSessionInput,
  UpdateVenueHeadcountInput,
} from './live.input';
import {
  LiveCheckInModel,
  LiveSessionConnection,
  LiveSessionModel,
  LiveTicketModel,
  VenueHeadcountModel,
} from './live.model';

@Resolver(() => LiveSessionModel)
export class LiveSessionResolver {
  constructor(private readonly sessions: LiveSessionsService) {}

  @Query(() => LiveSessionModel, { description: 'A session the caller trains or may manage' })
  liveSession(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext): Promise<LiveSessionView> {
    return this.sessions.getSession(ctx.actor, id);
  }

  @Query(() => LiveSessionConnection, { description: 'Sessions the caller trains or may manage, by scheduled start' })
  async liveSessions(@Args() args: LiveSessionsArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.sessions.listSessions(ctx.actor, args));
  }

  @Mutation(() => LiveSessionModel, {
    description:
      'Schedules a session; needs LIVE_SESSIONS_MANAGE on every target unit. Opens and closes on time by itself.',
  })
  createLiveSession(
    @Args('input') input: CreateLiveSessionInput,
    @Context() ctx: GraphQLContext,
  ): Promise<LiveSessionView> {
    return this.sessions.createSession(ctx.actor, input, requestId(ctx));
  }

  @Mutation(() => LiveSessionModel)
  rescheduleLiveSession(
    @Args('input') input: RescheduleLiveSessionInput,
    @Context() ctx: GraphQLContext,
  ): Promise<LiveSessionView> {
    return this.sessions.rescheduleSession(ctx.actor, input, requestId(ctx));
  }

  @Mutation(() => LiveSessionModel, { description: 'SCHEDULED → LIVE by hand' })
  startLiveSession(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphQLContext,
  ): Promise<LiveSessionView> {
    return this.sessions.startSession(ctx.actor, id, requestId(ctx));
  }

  @Mutation(() => LiveSessionModel, { description: 'LIVE → ENDED by hand' })
  endLiveSession(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext): Promise<LiveSessionView> {
    return this.sessions.endSession(ctx.actor, id, requestId(ctx));
  }

  @Mutation(() => LiveSessionModel, { description: 'SCHEDULED → CANCELLED' })
  cancelLiveSession(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphQLContext,
  ): Promise<LiveSessionView> {
    return this.sessions.cancelSession(ctx.actor, id, requestId(ctx));
  }

  @Mutation(() => LiveTicketModel, {
    description: 'A short-lived ticket to the live gateway: as a resident, a guest (no login), a venue or a trainer',
  })
  joinLiveSession(@Args('input') input: JoinLiveSessionInput, @Context() ctx: GraphQLContext): Promise<LiveTicket> {
    return this.sessions.joinSession(ctx.actor, input);
  }

  @Mutation(() => VenueHeadcountModel, { description: 'A venue facilitator reports how many people are in the room' })
  updateVenueHeadcount(@Args('input') input: UpdateVenueHeadcountInput, @Context() ctx: GraphQLContext) {
    return this.sessions.updateVenueHeadcount(ctx.actor, input);
  }

  @Mutation(() => LiveCheckInModel, {
    description: 'A venue facilitator checks in a resident present, by name and birth year or by phone',
  })
  checkInResident(@Args('input') input: CheckInResidentInput, @Context() ctx: GraphQLContext): Promise<CheckInResult> {
    return this.sessions.checkInResident(ctx.actor, input, requestId(ctx));
  }
}
