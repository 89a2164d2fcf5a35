import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccountsService } from '@hocvuso/identity';
import { type GraphQLContext, requestId } from '../graphql/graphql.context';
import { CreateAccountInput } from './identity.input';
import { toAccountModel } from './identity.mapper';
import { AccountModel } from './identity.model';

@Resolver(() => AccountModel)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => AccountModel, { description: 'The caller’s account and grants' })
  async me(@Context() ctx: GraphQLContext): Promise<AccountModel> {
    return toAccountModel(await this.accounts.me(ctx.actor));
  }

  @Query(() => AccountModel, { description: 'An account holding a grant inside your scopes' })
  async account(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext): Promise<AccountModel> {
    return toAccountModel(await this.accounts.getAccount(ctx.actor, id));
  }

  @Mutation(() => AccountModel, {
    description: 'For grant managers; a second create of the same username or phone gives ACCOUNT_EXISTS',
  })
  async createAccount(@Args('input') input: CreateAccountInput, @Context() ctx: GraphQLContext): Promise<AccountModel> {
    return toAccountModel(await this.accounts.createAccount(ctx.actor, input, { requestId: requestId(ctx) }));
  }
}
