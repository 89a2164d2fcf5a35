import { AccessError, AccessErrorCode } from './access.errors';
import { type Permission, type Role, rolePermissions } from './roles';
import { type Scope, scopeContains } from './scope';

export interface Grant {
  id: string;
  role: Role;
  scope: Scope;
}

/** Who is asking: an account with its active grants, or nobody (public queries). */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      accountId: string;
      residentId: string | null;
      /** the login's refresh-token family (the token's `sid`): what logout revokes */
      sessionId: string;
      grants: readonly Grant[];
    };

export type AccountActor = Extract<Actor, { kind: 'account' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The signed-in account, or UNAUTHENTICATED for an anonymous caller. */
export function requireAccount(actor: Actor): AccountActor {
  if (actor.kind !== 'account') throw new AccessError(AccessErrorCode.UNAUTHENTICATED);
  return actor;
}

/** Whether the actor holds `permission` on a scope containing `target`. */
export function can(actor: Actor, permission: Permission, target: Scope): boolean {
  if (actor.kind !== 'account') return false;
  return actor.grants.some(
    (grant) => rolePermissions[grant.role].includes(permission) && scopeContains(grant.scope, target),
  );
}

/** The scopes on which the actor holds `permission`: what a list query filters by. */
export function scopesWith(actor: Actor, permission: Permission): Scope[] {
  if (actor.kind !== 'account') return [];
  return actor.grants.filter((grant) => rolePermissions[grant.role].includes(permission)).map((grant) => grant.scope);
}
