export { AccessError, AccessErrorCode, accessErrorMessages } from './access.errors';
export { type AccountActor, ANONYMOUS, type Actor, can, type Grant, requireAccount, scopesWith } from './actor';
export { grantableRoles, Permission, Role, rolePermissions } from './roles';
export { communeScope, NATION, provinceScope, type Scope, ScopeKind, scopeContains, villageScope } from './scope';
