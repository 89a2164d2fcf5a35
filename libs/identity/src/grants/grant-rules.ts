import {
  type Actor,
  grantableRoles,
  Permission,
  Role,
  rolePermissions,
  type Scope,
  ScopeKind,
  scopeContains,
  scopesWith,
} from '@hocvuso/access';

/**
 * The kinds of scope each role makes sense on. An official's role names its level; helpers
 * (volunteers, trainers) work wherever they are sent. A TEAM scope is one team of the youth lib.
 */
export const roleScopeKinds: Record<Role, readonly ScopeKind[]> = {
  ADMIN: [ScopeKind.NATION],
  PROVINCE_OFFICIAL: [ScopeKind.PROVINCE],
  COMMUNE_OFFICIAL: [ScopeKind.COMMUNE],
  YOUTH_LEADER: [ScopeKind.PROVINCE, ScopeKind.COMMUNE, ScopeKind.VILLAGE],
  TEAM_LEADER: [ScopeKind.COMMUNE, ScopeKind.VILLAGE, ScopeKind.TEAM],
  VOLUNTEER: [ScopeKind.PROVINCE, ScopeKind.COMMUNE, ScopeKind.VILLAGE, ScopeKind.VENUE, ScopeKind.TEAM],
  TRAINER: [ScopeKind.PROVINCE, ScopeKind.COMMUNE, ScopeKind.VILLAGE, ScopeKind.VENUE],
  VENUE_FACILITATOR: [ScopeKind.VENUE],
  RESIDENT: [ScopeKind.VILLAGE],
};

export type GrantDecision = 'ALLOWED' | 'OUT_OF_SCOPE' | 'ROLE_NOT_GRANTABLE';

/**
 * Whether `actor` may grant (or revoke) `role` on `target`: it must hold GRANTS_MANAGE on a scope
 * containing the target with a role whose grantable roles include `role`. OUT_OF_SCOPE is
 * reported like a missing scope by callers, so ids outside one's area cannot be probed.
 */
export function decideGrant(actor: Actor, role: Role, target: Scope): GrantDecision {
  if (actor.kind !== 'account') return 'OUT_OF_SCOPE';
  const managing = actor.grants.filter(
    (grant) => rolePermissions[grant.role].includes(Permission.GRANTS_MANAGE) && scopeContains(grant.scope, target),
  );
  if (managing.length === 0) return 'OUT_OF_SCOPE';
  return managing.some((grant) => grantableRoles[grant.role].includes(role)) ? 'ALLOWED' : 'ROLE_NOT_GRANTABLE';
}

/** The scopes where `actor` manages grants: what decides which accounts and grants it sees. */
export function managedScopes(actor: Actor): Scope[] {
  return scopesWith(actor, Permission.GRANTS_MANAGE);
}

/**
 * SQL condition (over role_grant columns, table alias `alias`) keeping the grants whose scope lies
 * inside one of `scopes`: the same rule as scopeContains, pushed into the query.
 */
export function grantsInsideSql(scopes: readonly Scope[], alias: string): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const scope of scopes) {
    switch (scope.kind) {
      case ScopeKind.NATION:
        return { sql: 'true', params: [] };
      case ScopeKind.PROVINCE:
        parts.push(`${alias}.province_code = ?`);
        params.push(scope.id);
        break;
      case ScopeKind.COMMUNE:
        parts.push(`${alias}.commune_code = ?`);
        params.push(scope.id);
        break;
      case ScopeKind.VILLAGE:
        parts.push(`${alias}.village_id = ?`);
        params.push(scope.id);
        break;
      case ScopeKind.VENUE:
      case ScopeKind.TEAM:
        parts.push(`(${alias}.scope_kind = ? and ${alias}.scope_id = ?)`);
        params.push(scope.kind, scope.id);
        break;
      default: {
        const unknown: never = scope.kind;
        throw new Error(`unknown scope kind ${String(unknown)}`);
      }
    }
  }
  return parts.length === 0 ? { sql: 'false', params: [] } : { sql: `(${parts.join(' or ')})`, params };
}
