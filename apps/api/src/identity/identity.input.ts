import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Role, ScopeKind } from '@hocvuso/access';

@InputType()
export class LoginInput {
  @Field({ description: 'Username, or phone number in any usual format ("0912 345 678", "+84912345678")' })
  identifier: string;

  @Field()
  password: string;
}

@InputType()
export class CreateAccountInput {
  @Field(() => String, {
    nullable: true,
    description: '3 to 32 characters: a letter first, then a-z 0-9 . _ -; stored lower case',
  })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'Vietnamese mobile number; username or phone is required' })
  phone?: string | null;

  @Field({ description: '1 to 120 characters' })
  displayName: string;

  @Field({ description: 'At least 8 characters, not only digits, not the username or phone' })
  password: string;
}

@InputType()
export class ScopeInput {
  @Field(() => ScopeKind)
  kind: ScopeKind;

  @Field({ description: '"VN" for NATION, a province or commune code, a village or venue id' })
  id: string;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ScopeInput)
  scope: ScopeInput;
}

@ArgsType()
export class GrantsArgs {
  @Field(() => ID)
  accountId: string;

  @Field(() => Int, { defaultValue: 50, description: 'Items per page, 1 to 200' })
  first: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page' })
  after?: string | null;

  @Field({ defaultValue: false, description: 'Also list revoked grants' })
  includeRevoked: boolean;
}
