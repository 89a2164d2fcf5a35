import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role, ScopeKind } from '@hocvuso/access';
import { AccountStatus } from '@hocvuso/identity';
import { Connection } from '../graphql/connection.model';

registerEnumType(Role, { name: 'Role', description: 'What an account may do inside the scope of a grant' });
registerEnumType(ScopeKind, {
  name: 'ScopeKind',
  description: 'NATION (id "VN"), PROVINCE and COMMUNE (codes), VILLAGE, VENUE and TEAM (ids)',
});
registerEnumType(AccountStatus, { name: 'AccountStatus' });

@ObjectType('Scope', { description: 'Where a grant applies, with its ancestry' })
export class ScopeModel {
  @Field(() => ScopeKind)
  kind: ScopeKind;

  @Field({ description: '"VN", a province or commune code, or a village or venue id' })
  id: string;

  @Field(() => String, { nullable: true })
  provinceCode: string | null;

  @Field(() => String, { nullable: true })
  communeCode: string | null;

  @Field(() => ID, { nullable: true })
  villageId: string | null;
}

@ObjectType('Grant', { description: 'A role held on a scope' })
export class GrantModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  accountId: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ScopeModel)
  scope: ScopeModel;

  @Field(() => ID, { nullable: true, description: 'Who granted it (null: the create-admin command)' })
  grantedBy: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('Account')
export class AccountModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  username: string | null;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Masked: "090****123"' })
  phone: string | null;

  @Field(() => AccountStatus)
  status: AccountStatus;

  @Field(() => Date, { nullable: true })
  lastLoginAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => [Role], { description: 'Distinct roles of the active grants shown' })
  roles: Role[];

  @Field(() => [GrantModel], {
    description: 'Active grants: all of them on `me`, those inside your scopes on `account`',
  })
  grants: GrantModel[];
}

@ObjectType('AuthPayload', { description: 'A login: a short-lived access token and the refresh token that renews it' })
export class AuthPayloadModel {
  @Field({ description: 'Send as "Authorization: Bearer <token>"' })
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({ description: 'Single use: refreshSession returns the next one. Keep it secret.' })
  refreshToken: string;

  @Field({ description: 'End of the login; refreshing does not extend it' })
  refreshTokenExpiresAt: Date;

  @Field(() => AccountModel)
  account: AccountModel;
}

export const GrantConnection = Connection(GrantModel, 'GrantConnection');
