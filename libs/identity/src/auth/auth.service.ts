import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessError, AccessErrorCode, type Actor } from '@hocvuso/access';
import { AuditAction, type AuditRecord, AuditService } from '@hocvuso/audit';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AccountView } from '../accounts/account-view';
import { AccountsService, normalizeUsername } from '../accounts/accounts.service';
import { PasswordHasher } from '../crypto/password-hasher';
import { PASSWORD_MAX_LENGTH } from '../crypto/password-policy';
import { normalizePhone } from '../crypto/personal-data';
import { PiiVault } from '../crypto/pii-vault';
import { AccountStatus } from '../entities/account.entity';
import { IdentityError, IdentityErrorCode } from '../identity.errors';
import { AccessTokenSigner } from '../tokens/access-token-signer';
import { hashRefreshToken, newRefreshToken } from '../tokens/refresh-token';
import { LoginRateLimiter, type LoginSubjects } from './login-rate-limiter';

export interface LoginInput {
  /** a username, or a phone number in any usual format */
  identifier: string;
  password: string;
}

export interface ClientInfo {
  /** the client's address as the API sees it (rate limiting) */
  ip: string;
  requestId?: string | null;
}

export interface AuthSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  account: AccountView;
}

interface LoginAccountRow {
  id: string;
  password_hash: string;
  status: AccountStatus;
}

interface PresentedTokenRow {
  account_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** Longer inputs are not credentials; refusing them early keeps hashing from being abused. */
const MAX_IDENTIFIER_LENGTH = 128;
const MAX_REFRESH_TOKEN_LENGTH = 128;

/**
 * Logging in, rotating refresh tokens, logging out. A login is a refresh-token family: every
 * refresh uses one token and issues the next; a used token coming back means it leaked, and the
 * whole family (and with it every access token of that login) is revoked.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly signer: AccessTokenSigner,
    private readonly vault: PiiVault,
  ) {}

  /**
   * An unknown identifier and a wrong password give the same INVALID_CREDENTIALS after the same
   * work (a password check against a dummy hash). Rate limits are checked before the password.
   */
  async login(input: LoginInput, client: ClientInfo): Promise<AuthSession> {
    const { account, subject } = await this.findAccount(input.identifier);
    const subjects: LoginSubjects = { account: subject, ip: client.ip };
    const limit = await this.limiter.check(subjects);
    if (limit) {
      await this.auditAlone({
        action: AuditAction.LOGIN_RATE_LIMITED,
        actorAccountId: account?.id ?? null,
        targetType: account ? 'account' : null,
        targetId: account?.id ?? null,
        requestId: client.requestId,
        details: { limitedBy: limit.limitedBy, retryAfterSeconds: limit.retryAfterSeconds },
      });
      throw new IdentityError(IdentityErrorCode.LOGIN_RATE_LIMITED, {
        retryAfterSeconds: limit.retryAfterSeconds,
        retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60),
      });
    }

    // No account has a password longer than the policy allows: a huge one is only CPU to burn.
    const password =
      typeof input.password === 'string' && input.password.length <= 4 * PASSWORD_MAX_LENGTH ? input.password : '';
    const passwordOk = await this.hasher.verify(account?.password_hash ?? (await this.dummy()), password);
    if (!account || !passwordOk) {
      await this.limiter.recordFailure(subjects);
      await this.auditAlone({
        action: AuditAction.LOGIN_FAILED,
        actorAccountId: account?.id ?? null,
        targetType: account ? 'account' : null,
        targetId: account?.id ?? null,
        requestId: client.requestId,
        details: { reason: account ? 'WRONG_PASSWORD' : 'UNKNOWN_ACCOUNT' },
      });
      throw new IdentityError(IdentityErrorCode.INVALID_CREDENTIALS);
    }
    if (account.status !== AccountStatus.ACTIVE) {
      await this.auditAlone({
        action: AuditAction.LOGIN_FAILED,
        actorAccountId: account.id,
        targetType: 'account',
        targetId: account.id,
        requestId: client.requestId,
        details: { reason: 'ACCOUNT_DISABLED' },
      });
      throw new IdentityError(IdentityErrorCode.ACCOUNT_DISABLED);
    }

    await this.limiter.resetAccount(subject);
    const familyId = randomUUID();
    const refresh = newRefreshToken();
    const refreshExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const rehash = this.hasher.needsRehash(account.password_hash) ? await this.hasher.hash(password) : null;
    await this.em.fork().transactional(async (em) => {
      await em.execute(
        `insert into refresh_token (id, account_id, family_id, token_hash, expires_at) values (?, ?, ?, ?, ?)`,
        [randomUUID(), account.id, familyId, refresh.hash, refreshExpiresAt],
        'run',
      );
      await em.execute(
        `update account set last_login_at = now(), password_hash = coalesce(?, password_hash) where id = ?`,
        [rehash, account.id],
        'run',
      );
      await this.audit.record(em, {
        action: AuditAction.LOGIN_SUCCEEDED,
        actorAccountId: account.id,
        targetType: 'account',
        targetId: account.id,
        requestId: client.requestId,
        details: { sessionId: familyId },
      });
    });
    this.logger.log({ accountId: account.id, sessionId: familyId }, 'logged in');
    return this.session(account.id, familyId, refresh.token, refreshExpiresAt);
  }

  /**
   * Uses `refreshToken` once and returns the next one of its family. The conditional update lets
   * exactly one of two concurrent uses win; the loser sees a used token, which is reuse: the
   * family is revoked (safe side: a leaked token raced by its thief looks the same).
   */
  async refreshSession(refreshToken: string, client: Pick<ClientInfo, 'requestId'> = {}): Promise<AuthSession> {
    if (typeof refreshToken !== 'string' || refreshToken === '' || refreshToken.length > MAX_REFRESH_TOKEN_LENGTH) {
      throw new IdentityError(IdentityErrorCode.REFRESH_TOKEN_INVALID);
    }
    const hash = hashRefreshToken(refreshToken);
    const next = newRefreshToken();
    const rotated = await this.em.fork().transactional(async (em) => {
      const [used] = await em.execute<{ account_id: string; family_id: string; expires_at: Date }[]>(
        `update refresh_token t set used_at = now()
           from account a
          where t.token_hash = ? and t.used_at is null and t.revoked_at is null and t.expires_at > now()
            and a.id = t.account_id and a.status = 'ACTIVE'
          returning t.account_id, t.family_id, t.expires_at`,
        [hash],
      );
      if (!used) return null;
      // The family keeps its expiry: REFRESH_TOKEN_TTL_DAYS bounds a login, not each token.
      await em.execute(
        `insert into refresh_token (id, account_id, family_id, token_hash, expires_at) values (?, ?, ?, ?, ?)`,
        [randomUUID(), used.account_id, used.family_id, next.hash, used.expires_at],
        'run',
      );
      return { accountId: used.account_id, familyId: used.family_id, expiresAt: new Date(used.expires_at) };
    });
    if (rotated) return this.session(rotated.accountId, rotated.familyId, next.token, rotated.expiresAt);

    const [presented] = await this.em
      .fork()
      .execute<PresentedTokenRow[]>(
        `select account_id, family_id, expires_at, used_at, revoked_at from refresh_token where token_hash = ?`,
        [hash],
      );
    if (!presented || presented.revoked_at) throw new IdentityError(IdentityErrorCode.REFRESH_TOKEN_INVALID);
    if (presented.used_at) {
      const revoked = await this.revokeFamily(presented.family_id, {
        action: AuditAction.REFRESH_TOKEN_REUSED,
        actorAccountId: presented.account_id,
        targetType: 'session',
        targetId: presented.family_id,
        requestId: client.requestId,
      });
      this.logger.warn(
        { accountId: presented.account_id, sessionId: presented.family_id, revoked },
        'refresh token reused; login revoked',
      );
      throw new IdentityError(IdentityErrorCode.REFRESH_TOKEN_REUSED);
    }
    if (new Date(presented.expires_at).getTime() <= Date.now())
      throw new IdentityError(IdentityErrorCode.REFRESH_TOKEN_EXPIRED);
    // A disabled account.
    throw new IdentityError(IdentityErrorCode.REFRESH_TOKEN_INVALID);
  }

  /** Ends the caller's login: its refresh tokens and, through them, its access tokens. */
  async logout(actor: Actor, client: Pick<ClientInfo, 'requestId'> = {}): Promise<void> {
    if (actor.kind !== 'account') throw new AccessError(AccessErrorCode.UNAUTHENTICATED);
    await this.revokeFamily(actor.sessionId, {
      action: AuditAction.LOGOUT,
      actorAccountId: actor.accountId,
      targetType: 'session',
      targetId: actor.sessionId,
      requestId: client.requestId,
    });
    this.logger.log({ accountId: actor.accountId, sessionId: actor.sessionId }, 'logged out');
  }

  private async revokeFamily(familyId: string, audit: AuditRecord): Promise<number> {
    return this.em.fork().transactional(async (em) => {
      const rows = await em.execute<{ id: string }[]>(
        `update refresh_token set revoked_at = now() where family_id = ? and revoked_at is null returning id`,
        [familyId],
      );
      await this.audit.record(em, { ...audit, details: { ...audit.details, revokedTokens: rows.length } });
      return rows.length;
    });
  }

  private async session(
    accountId: string,
    familyId: string,
    refreshToken: string,
    refreshTokenExpiresAt: Date,
  ): Promise<AuthSession> {
    const accessToken = await this.signer.sign({ sub: accountId, sid: familyId });
    const { exp } = await this.signer.verify(accessToken);
    const account = await this.accounts.load(accountId);
    if (!account) throw new IdentityError(IdentityErrorCode.REFRESH_TOKEN_INVALID);
    return { accessToken, accessTokenExpiresAt: new Date(exp * 1000), refreshToken, refreshTokenExpiresAt, account };
  }

  /**
   * The account an identifier names, and the rate-limit subject: the account id when there is
   * one (a username and a phone of one account share a counter), else a hash of the identifier.
   */
  private async findAccount(identifier: unknown): Promise<{ account: LoginAccountRow | null; subject: string }> {
    const text = typeof identifier === 'string' ? identifier.slice(0, MAX_IDENTIFIER_LENGTH + 1) : '';
    const phone = normalizePhone(text);
    let account: LoginAccountRow | null = null;
    let subject: string;
    if (phone !== null) {
      const phoneHash = this.vault.hash('phone', phone);
      [account = null] = await this.em.execute<LoginAccountRow[]>(
        `select id, password_hash, status from account where phone_hash = ?`,
        [phoneHash],
      );
      subject = `phone:${phoneHash}`;
    } else {
      const username = normalizeUsername(text);
      if (username !== '' && username.length <= MAX_IDENTIFIER_LENGTH) {
        [account = null] = await this.em.execute<LoginAccountRow[]>(
          `select id, password_hash, status from account where username = ?`,
          [username],
        );
      }
      subject = `username:${createHash('sha256').update(username, 'utf8').digest('hex')}`;
    }
    return { account, subject: account ? `account:${account.id}` : subject };
  }

  /** A hash of a random password, so unknown identifiers cost one argon2 verification too. */
  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(24).toString('base64url'));
    return this.dummyHash;
  }

  /** An audit line on its own (no change to commit with it): failed and refused logins. */
  private async auditAlone(entry: AuditRecord): Promise<void> {
    await this.audit.record(this.em.fork(), entry);
  }
}
