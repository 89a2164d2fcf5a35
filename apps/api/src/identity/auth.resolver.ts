import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { AuthService } from '@hocvuso/identity';
import { clientIp, type GraphQLContext, requestId } from '../graphql/graphql.context';
import { LoginInput } from './identity.input';
import { toAuthPayload } from './identity.mapper';
import { AuthPayloadModel } from './identity.model';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadModel, {
    description: 'Log in by username or phone number; failed attempts are rate limited',
  })
  async login(@Args('input') input: LoginInput, @Context() ctx: GraphQLContext): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.auth.login(input, { ip: clientIp(ctx), requestId: requestId(ctx) }));
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Trade a refresh token (once) for new tokens; a reused token ends the login',
  })
  async refreshSession(
    @Args('refreshToken') refreshToken: string,
    @Context() ctx: GraphQLContext,
  ): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.auth.refreshSession(refreshToken, { requestId: requestId(ctx) }));
  }

  @Mutation(() => Boolean, { description: 'End this login: its refresh and access tokens stop working at once' })
  async logout(@Context() ctx: GraphQLContext): Promise<boolean> {
    await this.auth.logout(ctx.actor, { requestId: requestId(ctx) });
    return true;
  }
}
