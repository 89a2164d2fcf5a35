import type { Role, Scope } from '@hocvuso/access';
import { grantScope } from '../actor/actor.service';
import type { AccountStatus } from '../entities/account.entity';

/** A role grant as callers see it. */
export interface GrantView {
  id: string;
  accountId: string;
  role: Role;
  scope: Scope;
  grantedBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/** An account as callers see it: the phone only masked, never the password hash. */
export interface AccountView {
  id: string;
  username: string | null;
  displayName: string;
  /** "090****123", or null when the account has no phone */
  phoneMasked: string | null;
  status: AccountStatus;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** active grants the caller may see (all of them for the caller's own account) */
  grants: GrantView[];
}

export interface GrantRow {
  id: string;
  account_id: string;
  role: Role;
  scope_kind: Scope['kind'];
  scope_id: string;
  province_code: string | null;
  commune_code: string | null;
  village_id: string | null;
  granted_by: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

export const GRANT_COLUMNS = `g.id, g.account_id, g.role, g.scope_kind, g.scope_id, g.province_code, g.commune_code, g.village_id,
  g.granted_by, g.created_at, g.revoked_at`;

export function toGrantView(row: GrantRow): GrantView {
  return {
    id: row.id,
    accountId: row.account_id,
    role: row.role,
    scope: grantScope({
      scopeKind: row.scope_kind,
      scopeId: row.scope_id,
      provinceCode: row.province_code,
      communeCode: row.commune_code,
      villageId: row.village_id,
    }),
    grantedBy: row.granted_by,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  };
}
