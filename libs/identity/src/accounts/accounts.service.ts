import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AccessError, AccessErrorCode, type Actor, NATION, Role, ScopeKind } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { PasswordHasher } from '../crypto/password-hasher';
import { checkPasswordPolicy, type PasswordPolicyViolation } from '../crypto/password-policy';
import { maskPhone, normalizePhone } from '../crypto/personal-data';
import { PiiVault } from '../crypto/pii-vault';
import type { AccountStatus } from '../entities/account.entity';
import { grantsInsideSql, managedScopes } from '../grants/grant-rules';
import { UUID } from '../grants/scope-resolver';
import { IdentityError, IdentityErrorCode } from '../identity.errors';
import { type AccountView, GRANT_COLUMNS, type GrantRow, toGrantView } from './account-view';

export interface CreateAccountInput {
  username?: string | null;
  phone?: string | null;
  displayName: string;
  password: string;
}

export interface RequestInfo {
  requestId?: string | null;
}

interface AccountRow {
  id: string;
  username: string | null;
  phone_cipher: string | null;
  display_name: string;
  status: AccountStatus;
  last_login_at: Date | null;
  created_at: Date;
}

interface NewAccount {
  username: string | null;
  phone: string | null;
  displayName: string;
}

/** Starts with a letter so a username can never be read as a phone number at login. */
const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;
const DISPLAY_NAME_MAX = 120;

const policyCodes: Record<PasswordPolicyViolation, IdentityErrorCode> = {
  PASSWORD_TOO_SHORT: IdentityErrorCode.PASSWORD_TOO_SHORT,
  PASSWORD_TOO_LONG: IdentityErrorCode.PASSWORD_TOO_LONG,
  PASSWORD_ALL_DIGITS: IdentityErrorCode.PASSWORD_ALL_DIGITS,
  PASSWORD_SAME_AS_IDENTIFIER: IdentityErrorCode.PASSWORD_SAME_AS_IDENTIFIER,
};

/** The form usernames are stored and looked up in. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

/**
 * Accounts: created by officials (for trainers, volunteers, other officials) or by the
 * create-admin command, and read back with the grants the caller may see.
 */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly vault: PiiVault,
  ) {}

  /**
   * Any holder of GRANTS_MANAGE may create an account; it is useless until someone grants it a
   * role inside their own scope. A retried create meets its own first attempt and gets
   * ACCOUNT_EXISTS (nothing is duplicated); the creator then grants roles to the existing account.
   */
  async createAccount(actor: Actor, input: CreateAccountInput, request: RequestInfo = {}): Promise<AccountView> {
    if (actor.kind !== 'account') throw new AccessError(AccessErrorCode.UNAUTHENTICATED);
    if (managedScopes(actor).length === 0) throw new AccessError(AccessErrorCode.FORBIDDEN);
    const account = this.validate(input);
    const accountId = await this.insert(account, input.password, async (em, id) => {
      await this.audit.record(em, {
        action: AuditAction.ACCOUNT_CREATED,
        actorAccountId: actor.accountId,
        targetType: 'account',
        targetId: id,
        requestId: request.requestId,
        details: { hasUsername: account.username !== null, hasPhone: account.phone !== null },
      });
    });
    this.logger.log({ accountId, createdBy: actor.accountId }, 'account created');
    return (await this.load(accountId))!;
  }

  /**
   * The first administrator, from the command line: an account with ADMIN on the nation.
   * Idempotent on the username: an existing account is left as it is.
   */
  async createAdmin(input: {
    username: string;
    displayName: string;
    password: string;
  }): Promise<{ accountId: string; created: boolean }> {
    const account = this.validate({ ...input, phone: null });
    const [existing] = await this.em.execute<{ id: string }[]>(`select id from account where username = ?`, [
      account.username,
    ]);
    if (existing) return { accountId: existing.id, created: false };
    try {
      const accountId = await this.insert(account, input.password, async (em, id) => {
        const grantId = randomUUID();
        await em.execute(
          `insert into role_grant (id, account_id, role, scope_kind, scope_id) values (?, ?, ?, ?, ?)`,
          [grantId, id, Role.ADMIN, ScopeKind.NATION, NATION.id],
          'run',
        );
        await this.audit.record(em, {
          action: AuditAction.ACCOUNT_CREATED,
          targetType: 'account',
          targetId: id,
          details: { via: 'cli' },
        });
        await this.audit.record(em, {
          action: AuditAction.GRANT_CREATED,
          targetType: 'role_grant',
          targetId: grantId,
          details: { accountId: id, role: Role.ADMIN, scopeKind: ScopeKind.NATION, scopeId: NATION.id, via: 'cli' },
        });
      });
      return { accountId, created: true };
    } catch (error) {
      // Two runs at once: the other one created it.
      if (error instanceof IdentityError && error.code === IdentityErrorCode.ACCOUNT_EXISTS) {
        const [row] = await this.em.execute<{ id: string }[]>(`select id from account where username = ?`, [
          account.username,
        ]);
        if (row) return { accountId: row.id, created: false };
      }
      throw error;
    }
  }

  /** The caller's own account with all its active grants. */
  async me(actor: Actor): Promise<AccountView> {
    if (actor.kind !== 'account') throw new AccessError(AccessErrorCode.UNAUTHENTICATED);
    const account = await this.load(actor.accountId);
    if (!account) throw new AccessError(AccessErrorCode.UNAUTHENTICATED);
    return account;
  }

  /**
   * An account the caller may see: its own, or one holding a grant (active or not) inside a
   * scope where the caller manages grants; nation-wide managers see every account. Anything
   * else is ACCOUNT_NOT_FOUND, like an id that does not exist.
   */
  async getAccount(actor: Actor, accountId: string): Promise<AccountView> {
    await this.assertVisible(actor, accountId);
    const own = actor.kind === 'account' && actor.accountId === accountId;
    const account = await this.load(accountId, own ? null : managedScopes(actor));
    if (!account) throw new IdentityError(IdentityErrorCode.ACCOUNT_NOT_FOUND);
    return account;
  }

  /** Throws ACCOUNT_NOT_FOUND unless `actor` may see `accountId` (see getAccount). */
  async assertVisible(actor: Actor, accountId: string): Promise<void> {
    if (actor.kind !== 'account') throw new AccessError(AccessErrorCode.UNAUTHENTICATED);
    if (typeof accountId !== 'string' || !UUID.test(accountId))
      throw new IdentityError(IdentityErrorCode.ACCOUNT_NOT_FOUND);
    if (actor.accountId === accountId) return;
    const inside = grantsInsideSql(managedScopes(actor), 'g');
    const nationWide = inside.sql === 'true';
    const [row] = await this.em.execute<{ id: string }[]>(
      nationWide
        ? `select a.id from account a where a.id = ?`
        : `select a.id from account a where a.id = ? and exists (select 1 from role_grant g where g.account_id = a.id and ${inside.sql})`,
      [accountId, ...(nationWide ? [] : inside.params)],
    );
    if (!row) throw new IdentityError(IdentityErrorCode.ACCOUNT_NOT_FOUND, { accountId });
  }

  /**
   * An account and its active grants, limited to those inside `scopes` (null: all of them).
   * Public to the identity lib (login answers with it), not to other libs.
   */
  async load(
    accountId: string,
    scopes: Parameters<typeof grantsInsideSql>[0] | null = null,
  ): Promise<AccountView | null> {
    const [row] = await this.em.execute<AccountRow[]>(
      `select id, username, phone_cipher, display_name, status, last_login_at, created_at from account where id = ?`,
      [accountId],
    );
    if (!row) return null;
    const inside = scopes === null ? { sql: 'true', params: [] } : grantsInsideSql(scopes, 'g');
    const grants = await this.em.execute<GrantRow[]>(
      `select ${GRANT_COLUMNS} from role_grant g where g.account_id = ? and g.revoked_at is null and ${inside.sql}
        order by g.created_at, g.id`,
      [accountId, ...inside.params],
    );
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      phoneMasked: row.phone_cipher ? maskPhone(this.vault.decrypt(row.phone_cipher)) : null,
      status: row.status,
      lastLoginAt: row.last_login_at ? new Date(row.last_login_at) : null,
      createdAt: new Date(row.created_at),
      grants: grants.map(toGrantView),
    };
  }

  private validate(input: CreateAccountInput): NewAccount {
    const rawUsername = input.username == null || input.username.trim() === '' ? null : input.username;
    const rawPhone = input.phone == null || input.phone.trim() === '' ? null : input.phone;
    if (rawUsername === null && rawPhone === null) throw new IdentityError(IdentityErrorCode.IDENTIFIER_REQUIRED);
    const username = rawUsername === null ? null : normalizeUsername(rawUsername);
    if (username !== null && !USERNAME.test(username)) throw new IdentityError(IdentityErrorCode.INVALID_USERNAME);
    const phone = rawPhone === null ? null : normalizePhone(rawPhone);
    if (rawPhone !== null && phone === null) throw new IdentityError(IdentityErrorCode.INVALID_PHONE);
    const displayName = (typeof input.displayName === 'string' ? input.displayName : '')
      .normalize('NFC')
      .trim()
      .replace(/\s+/g, ' ');
    if (displayName === '' || [...displayName].length > DISPLAY_NAME_MAX || /\p{Cc}/u.test(displayName)) {
      throw new IdentityError(IdentityErrorCode.INVALID_DISPLAY_NAME);
    }
    const violation = checkPasswordPolicy(input.password, { username, phone });
    if (violation) throw new IdentityError(policyCodes[violation]);
    return { username, phone, displayName };
  }

  /** Inserts the account and runs `also` in the same transaction; a taken username or phone is ACCOUNT_EXISTS. */
  private async insert(
    account: NewAccount,
    password: string,
    also: (em: EntityManager, accountId: string) => Promise<void>,
  ): Promise<string> {
    const phoneHash = account.phone === null ? null : this.vault.hash('phone', account.phone);
    await this.assertFree(account.username, phoneHash);
    const passwordHash = await this.hasher.hash(password);
    const accountId = randomUUID();
    try {
      await this.em.fork().transactional(async (em) => {
        await em.execute(
          `insert into account (id, username, phone_cipher, phone_hash, display_name, password_hash) values (?, ?, ?, ?, ?, ?)`,
          [
            accountId,
            account.username,
            account.phone === null ? null : this.vault.encrypt(account.phone),
            phoneHash,
            account.displayName,
            passwordHash,
          ],
          'run',
        );
        await also(em, accountId);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new IdentityError(IdentityErrorCode.ACCOUNT_EXISTS);
      }
      throw error;
    }
    return accountId;
  }

  private async assertFree(username: string | null, phoneHash: string | null): Promise<void> {
    const rows = await this.em.execute<{ username: string | null; phone_hash: string | null }[]>(
      `select username, phone_hash from account where username = ? or phone_hash = ?`,
      [username, phoneHash],
    );
    if (rows.length === 0) return;
    const field = rows.some((row) => username !== null && row.username === username) ? 'username' : 'phone';
    throw new IdentityError(IdentityErrorCode.ACCOUNT_EXISTS, { field });
  }
}
