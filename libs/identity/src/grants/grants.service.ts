import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AccessError, AccessErrorCode, type Actor, Role, ScopeKind } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { decodeCursor, MAX_PAGE_SIZE, type Page, toPage } from '@hocvuso/database/pagination';
import { EntityManager } from '@mikro-orm/postgresql';
import { GRANT_COLUMNS, type GrantRow, type GrantView, toGrantView } from '../accounts/account-view';
import { AccountsService, type RequestInfo } from '../accounts/accounts.service';
import { grantScope } from '../actor/actor.service';
import { IdentityError, IdentityErrorCode } from '../identity.errors';
import { decideGrant, grantsInsideSql, managedScopes, roleScopeKinds } from './grant-rules';
import { ScopeResolver, UUID } from './scope-resolver';

export interface GrantRoleInput {
  accountId: string;
  role: Role;
  scope: { kind: ScopeKind; id: string };
}

export interface ListGrantsInput {
  first: number;
  after?: string | null;
  includeRevoked?: boolean | null;
}

/** Granting and revoking roles on scopes, by accounts whose own scope contains the target's. */
@Injectable()
export class GrantsService {
  private readonly logger = new Logger(GrantsService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly em: EntityManager,
    private readonly scopes: ScopeResolver,
  ) {}

  /**
   * Grants `role` on the scope. Granting a grant the account already holds returns it unchanged,
   * so a retry never duplicates. A scope outside the caller's is SCOPE_NOT_FOUND, like one that
   * does not exist.
   */
  async grantRole(actor: Actor, input: GrantRoleInput, request: RequestInfo = {}): Promise<GrantView> {
    if (actor.kind !== 'account') throw new AccessError(AccessErrorCode.UNAUTHENTICATED);
    if (!Object.values(Role).includes(input.role) || !Object.values(ScopeKind).includes(input.scope?.kind)) {
      throw new IdentityError(IdentityErrorCode.SCOPE_NOT_FOUND);
    }
    if (!roleScopeKinds[input.role].includes(input.scope.kind)) {
      throw new IdentityError(IdentityErrorCode.ROLE_SCOPE_MISMATCH, { role: input.role, kind: input.scope.kind });
    }
    const scope = await this.scopes.resolve(input.scope.kind, input.scope.id);
    const decision = scope ? decideGrant(actor, input.role, scope) : 'OUT_OF_SCOPE';
    if (!scope || decision === 'OUT_OF_SCOPE')
      throw new IdentityError(IdentityErrorCode.SCOPE_NOT_FOUND, { kind: input.scope.kind });
    if (decision === 'ROLE_NOT_GRANTABLE')
      throw new IdentityError(IdentityErrorCode.ROLE_NOT_GRANTABLE, { role: input.role });
    const [account] = UUID.test(input.accountId ?? '')
      ? await this.em.execute<{ id: string }[]>(`select id from account where id = ?`, [input.accountId])
      : [];
    if (!account) throw new IdentityError(IdentityErrorCode.ACCOUNT_NOT_FOUND);

    const grant = await this.em.fork().transactional(async (em) => {
      const [created] = await em.execute<GrantRow[]>(
        `insert into role_grant as g (id, account_id, role, scope_kind, scope_id, province_code, commune_code, village_id, granted_by)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (account_id, role, scope_kind, scope_id) where revoked_at is null do nothing
         returning ${GRANT_COLUMNS}`,
        [
          randomUUID(),
          account.id,
          input.role,
          scope.kind,
          scope.id,
          scope.provinceCode,
          scope.communeCode,
          scope.villageId,
          actor.accountId,
        ],
      );
      if (!created) return null;
      await this.audit.record(em, {
        action: AuditAction.GRANT_CREATED,
        actorAccountId: actor.accountId,
        targetType: 'role_grant',
        targetId: created.id,
        requestId: request.requestId,
        details: { accountId: account.id, role: input.role, scopeKind: scope.kind, scopeId: scope.id },
      });
      return toGrantView(created);
    });
    if (grant) {
      this.logger.log(
        { grantId: grant.id, accountId: account.id, role: input.role, grantedBy: actor.accountId },
        'role granted',
      );
      return grant;
    }
    const [existing] = await this.em.execute<GrantRow[]>(
      `select ${GRANT_COLUMNS} from role_grant g where account_id = ? and role = ? and scope_kind = ? and scope_id = ? and revoked_at is null`,
      [account.id, input.role, scope.kind, scope.id],
    );
    return toGrantView(existing);
  }

  /**
   * Revokes a grant the caller could have granted. Revoking a revoked grant returns it as it is.
   * A grant outside the caller's reach is GRANT_NOT_FOUND, like an unknown id.
   */
  async revokeGrant(actor: Actor, grantId: string, request: RequestInfo = {}): Promise<GrantView> {
    if (actor.kind !== 'account') throw new AccessError(AccessErrorCode.UNAUTHENTICATED);
    const [row] = UUID.test(grantId ?? '')
      ? await this.em.execute<GrantRow[]>(`select ${GRANT_COLUMNS} from role_grant g where g.id = ?`, [grantId])
      : [];
    if (
      !row ||
      decideGrant(
        actor,
        row.role,
        grantScope({
          scopeKind: row.scope_kind,
          scopeId: row.scope_id,
          provinceCode: row.province_code,
          communeCode: row.commune_code,
          villageId: row.village_id,
        }),
      ) !== 'ALLOWED'
    ) {
      throw new IdentityError(IdentityErrorCode.GRANT_NOT_FOUND);
    }
    if (row.revoked_at) return toGrantView(row);
    const revoked = await this.em.fork().transactional(async (em) => {
      const [updated] = await em.execute<GrantRow[]>(
        `update role_grant g set revoked_at = now(), revoked_by = ? where g.id = ? and g.revoked_at is null returning ${GRANT_COLUMNS}`,
        [actor.accountId, row.id],
      );
      if (!updated) return null;
      await this.audit.record(em, {
        action: AuditAction.GRANT_REVOKED,
        actorAccountId: actor.accountId,
        targetType: 'role_grant',
        targetId: row.id,
        requestId: request.requestId,
        details: { accountId: row.account_id, role: row.role, scopeKind: row.scope_kind, scopeId: row.scope_id },
      });
      return toGrantView(updated);
    });
    if (revoked) return revoked;
    // Revoked concurrently by someone else: answer with the grant as it now is.
    const [now] = await this.em.execute<GrantRow[]>(`select ${GRANT_COLUMNS} from role_grant g where g.id = ?`, [
      row.id,
    ]);
    return toGrantView(now);
  }

  /** The grants of a visible account that lie inside the caller's scopes (all of them for its own). */
  async listGrants(actor: Actor, accountId: string, input: ListGrantsInput): Promise<Page<GrantView>> {
    if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_PAGE_SIZE) {
      throw new IdentityError(IdentityErrorCode.INVALID_PAGE_SIZE, { first: input.first });
    }
    const after = input.after == null ? null : decodeCursor(input.after, 2);
    if (input.after != null && (!after || Number.isNaN(Date.parse(after[0])) || !UUID.test(after[1]))) {
      throw new IdentityError(IdentityErrorCode.INVALID_CURSOR);
    }
    await this.accounts.assertVisible(actor, accountId);
    const own = actor.kind === 'account' && actor.accountId === accountId;
    const inside = own ? { sql: 'true', params: [] } : grantsInsideSql(managedScopes(actor), 'g');
    const where = `g.account_id = ? and ${inside.sql}${input.includeRevoked ? '' : ' and g.revoked_at is null'}`;
    const params = [accountId, ...inside.params];
    const [rows, [{ count }]] = await Promise.all([
      // created_at as text keeps its microseconds, which a JS Date would drop from the cursor.
      this.em.execute<(GrantRow & { created_key: string })[]>(
        `select ${GRANT_COLUMNS}, g.created_at::text as created_key from role_grant g
          where ${where}${after ? ' and (g.created_at, g.id) > (?::timestamptz, ?::uuid)' : ''}
          order by g.created_at, g.id limit ?`,
        [...params, ...(after ?? []), input.first + 1],
      ),
      this.em.execute<{ count: string }[]>(`select count(*) as count from role_grant g where ${where}`, params),
    ]);
    const page = toPage(rows, input.first, Number(count), (row) => [row.created_key, row.id]);
    return { ...page, items: page.items.map(toGrantView) };
  }
}
