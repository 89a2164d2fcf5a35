import * as argon2 from 'argon2';

export interface PasswordHasherOptions {
  /** KiB of memory per hash; 19456 (19 MiB) is OWASP's minimum for argon2id. */
  memoryCost?: number;
  /** Lanes; OWASP's minimum profile uses 1. */
  parallelism?: number;
  /** Passes over memory; OWASP's minimum profile uses 2. */
  timeCost?: number;
}

/** OWASP Password Storage Cheat Sheet, argon2id minimum profile (m=19 MiB, t=2, p=1). */
export const OWASP_ARGON2ID = { memoryCost: 19_456, parallelism: 1, timeCost: 2 } as const;

/**
 * Password hashing with argon2id and explicit parameters. Hashes are PHC strings
 * (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`) that carry their own parameters, so raising the
 * parameters later keeps old hashes verifiable and `needsRehash` tells when to upgrade one.
 */
export class PasswordHasher {
  private readonly memoryCost: number;
  private readonly parallelism: number;
  private readonly timeCost: number;

  constructor(options: PasswordHasherOptions = {}) {
    const { memoryCost, parallelism, timeCost } = { ...OWASP_ARGON2ID, ...options };
    requireInteger('parallelism', parallelism, 1, 16);
    requireInteger('timeCost', timeCost, 1, 16);
    // argon2 needs at least 8 KiB per lane.
    requireInteger('memoryCost', memoryCost, 8 * parallelism, 4 * 1024 * 1024);
    this.memoryCost = memoryCost;
    this.parallelism = parallelism;
    this.timeCost = timeCost;
  }

  async hash(password: string): Promise<string> {
    if (typeof password !== 'string' || password.length === 0) {
      throw new TypeError('PasswordHasher.hash: the password must be a non-empty string');
    }
    return argon2.hash(password.normalize('NFC'), {
      memoryCost: this.memoryCost,
      parallelism: this.parallelism,
      timeCost: this.timeCost,
      type: argon2.argon2id,
    });
  }

  /** False on a wrong password, and on a stored value that is not an argon2id PHC string. */
  async verify(hash: string, password: string): Promise<boolean> {
    if (typeof password !== 'string' || !isArgon2id(hash)) return false;
    try {
      return await argon2.verify(hash, password.normalize('NFC'));
    } catch {
      // A corrupt PHC string: treat it as a failed login, never as a crash carrying input.
      return false;
    }
  }

  /** True when `hash` was made with other parameters (or another argon2 variant) than these. */
  needsRehash(hash: string): boolean {
    if (!isArgon2id(hash)) return true;
    try {
      return argon2.needsRehash(hash, {
        memoryCost: this.memoryCost,
        parallelism: this.parallelism,
        timeCost: this.timeCost,
      });
    } catch {
      return true;
    }
  }
}

function isArgon2id(hash: unknown): hash is string {
  return typeof hash === 'string' && hash.startsWith('$argon2id$');
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`PasswordHasher: ${name} must be an integer from ${min} to ${max}`);
  }
}
