export { AccessError, AccessErrorCode, accessErrorMessages } from './access.errors';
export { ANONYMOUS, type Actor, can, type Grant, scopesWith } from './actor';
export { grantableRoles, Permission, Role, rolePermissions } from './roles';
export { NATION, type Scope, ScopeKind, scopeContains } from './scope';
