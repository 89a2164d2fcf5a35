import { AccountSchema } from './account.entity';
import { RefreshTokenSchema } from './refresh-token.entity';
import { RoleGrantSchema } from './role-grant.entity';

export { Account, AccountStatus } from './account.entity';
export { RefreshToken } from './refresh-token.entity';
export { RoleGrant } from './role-grant.entity';

export const identityEntities = [AccountSchema, RefreshTokenSchema, RoleGrantSchema];
