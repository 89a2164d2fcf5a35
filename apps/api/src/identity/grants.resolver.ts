import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GrantsService, type GrantView } from '@hocvuso/identity';
import { toConnection } from '../graphql/connection.model';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import { GrantRoleInput, GrantsArgs } from './identity.input';
import { GrantConnection, GrantModel } from './identity.model';

@Resolver(() => GrantModel)
export class GrantsResolver {
  constructor(private readonly grantsService: GrantsService) {}

  @Query(() => GrantConnection, {
    description: 'Grants of an account that lie inside your scopes (all of them for your own)',
  })
  async grants(@Args() args: GrantsArgs, @Context() ctx: GraphQLContext) {
    return toConnection(await this.grantsService.listGrants(ctx.actor, args.accountId, args));
  }

  @Mutation(() => GrantModel, { description: 'Idempotent: granting an active grant again returns it' })
  grantRole(@Args('input') input: GrantRoleInput, @Context() ctx: GraphQLContext): Promise<GrantView> {
    return this.grantsService.grantRole(ctx.actor, input, { requestId: requestId(ctx) });
  }

  @Mutation(() => GrantModel, { description: 'Idempotent: revoking a revoked grant returns it' })
  revokeGrant(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext): Promise<GrantView> {
    return this.grantsService.revokeGrant(ctx.actor, id, { requestId: requestId(ctx) });
  }
}
