import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { countHit, REDIS } from '@hocvuso/redis';
import type { Redis } from 'ioredis';

/** What a login attempt is counted against: the account (or identifier hash) and the client address. */
export interface LoginSubjects {
  /** `account:<id>` when the identifier names an account, `identifier:<hash>` otherwise: never a raw phone */
  account: string;
  ip: string;
}

export interface LoginLimit {
  limitedBy: 'account' | 'ip';
  retryAfterSeconds: number;
}

/**
 * Failed-login counters in Redis, so every API replica shares them. Fixed windows: the first
 * failure opens a window of LOGIN_FAILURE_WINDOW_SECONDS; when a counter reaches its limit,
 * logins are refused until the window closes.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The limit this attempt hits, or null when it may go on to the password check. */
  async check(subjects: LoginSubjects): Promise<LoginLimit | null> {
    const accountKey = this.key('account', subjects.account);
    const ipKey = this.key('ip', subjects.ip);
    const replies = await this.redis.multi().get(accountKey).pttl(accountKey).get(ipKey).pttl(ipKey).exec();
    const value = (index: number): number => Number(replies?.[index]?.[1] ?? 0);
    const over = (count: number, max: number) => count >= max;
    const limits: LoginLimit[] = [];
    if (over(value(0), this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT)) {
      limits.push({ limitedBy: 'account', retryAfterSeconds: this.seconds(value(1)) });
    }
    if (over(value(2), this.config.LOGIN_MAX_FAILURES_PER_IP)) {
      limits.push({ limitedBy: 'ip', retryAfterSeconds: this.seconds(value(3)) });
    }
    if (limits.length === 0) return null;
    return limits.reduce((longest, limit) => (limit.retryAfterSeconds > longest.retryAfterSeconds ? limit : longest));
  }

  async recordFailure(subjects: LoginSubjects): Promise<void> {
    await countHit(
      this.redis,
      [this.key('account', subjects.account), this.key('ip', subjects.ip)],
      this.config.LOGIN_FAILURE_WINDOW_SECONDS,
    );
  }

  /** A successful login clears the account's counter; the address's counter keeps running. */
  async resetAccount(account: string): Promise<void> {
    await this.redis.del(this.key('account', account));
  }

  /** `<prefix>:login-failures:account:<id>` (or `phone:<hash>`, `username:<hash>`), `<prefix>:login-failures:ip:<address>` */
  private key(kind: 'account' | 'ip', id: string): string {
    return `${this.config.REDIS_KEY_PREFIX}:login-failures:${kind === 'ip' ? `ip:${id}` : id}`;
  }

  /** PTTL is -1/-2 when the key has no expiry or vanished in between: fall back to a whole window. */
  private seconds(pttl: number): number {
    return pttl > 0 ? Math.ceil(pttl / 1000) : this.config.LOGIN_FAILURE_WINDOW_SECONDS;
  }
}
