import { errors, jwtVerify, SignJWT } from 'jose';

import { TokenError, TokenErrorCode } from './token.errors';

export interface AccessTokenSignerOptions {
  /** Audience written and required; default 'hocvuso-api'. */
  audience?: string;
  /** Seconds of clock skew accepted on exp/iat between servers; default 0. */
  clockToleranceSeconds?: number;
  /** Issuer written and required; default 'hocvuso'. */
  issuer?: string;
  /** Clock, injectable so tests move time instead of sleeping. */
  now?: () => Date;
  /** HMAC-SHA256 key, at least 32 bytes. */
  secret: Buffer;
  /** Lifetime of a token in seconds; default 900 (15 minutes). */
  ttlSeconds?: number;
}

export interface AccessTokenSubject {
  /** Account id. */
  sub: string;
  /** Session family id: the refresh-token chain this access token belongs to. */
  sid: string;
}

export interface AccessTokenClaims extends AccessTokenSubject {
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Issue time, seconds since the epoch. */
  iat: number;
}

const ALGORITHM = 'HS256';
const MIN_SECRET_BYTES = 32;

/** Short-lived HS256 access tokens (JWT) carrying an account id and a session family id. */
export class AccessTokenSigner {
  private readonly audience: string;
  private readonly clockToleranceSeconds: number;
  private readonly issuer: string;
  private readonly now: () => Date;
  private readonly secret: Uint8Array;
  private readonly ttlSeconds: number;

  constructor(options: AccessTokenSignerOptions) {
    if (!Buffer.isBuffer(options.secret) || options.secret.length < MIN_SECRET_BYTES) {
      throw new RangeError(`AccessTokenSigner: the secret must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    const ttlSeconds = options.ttlSeconds ?? 900;
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError('AccessTokenSigner: ttlSeconds must be a positive integer');
    }
    const clockToleranceSeconds = options.clockToleranceSeconds ?? 0;
    if (!Number.isInteger(clockToleranceSeconds) || clockToleranceSeconds < 0) {
      throw new RangeError('AccessTokenSigner: clockToleranceSeconds must be a non-negative integer');
    }
    this.audience = options.audience ?? 'hocvuso-api';
    this.clockToleranceSeconds = clockToleranceSeconds;
    this.issuer = options.issuer ?? 'hocvuso';
    this.now = options.now ?? (() => new Date());
    this.secret = new Uint8Array(options.secret);
    this.ttlSeconds = ttlSeconds;
  }

  async sign(subject: AccessTokenSubject): Promise<string> {
    if (!isNonEmptyString(subject?.sub) || !isNonEmptyString(subject?.sid)) {
      throw new TypeError('AccessTokenSigner.sign: sub and sid must be non-empty strings');
    }
    const iat = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ sid: subject.sid })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(subject.sub)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign(this.secret);
  }

  /** The token's claims, or a TokenError: EXPIRED only for an otherwise valid token. */
  async verify(token: string): Promise<AccessTokenClaims> {
    if (typeof token !== 'string' || token === '') {
      throw new TokenError(TokenErrorCode.INVALID, { reason: 'empty token' });
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.secret, {
        algorithms: [ALGORITHM],
        audience: this.audience,
        clockTolerance: this.clockToleranceSeconds,
        currentDate: this.now(),
        issuer: this.issuer,
        requiredClaims: ['sub', 'sid', 'iat', 'exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new TokenError(TokenErrorCode.EXPIRED);
      }
      // jose's codes are fixed strings (e.g. ERR_JWS_SIGNATURE_VERIFICATION_FAILED), never the token.
      const reason = error instanceof errors.JOSEError ? error.code : 'unreadable token';
      throw new TokenError(TokenErrorCode.INVALID, { reason });
    }
    const { exp, iat, sid, sub } = payload;
    if (!isNonEmptyString(sub) || !isNonEmptyString(sid) || typeof exp !== 'number' || typeof iat !== 'number') {
      throw new TokenError(TokenErrorCode.INVALID, { reason: 'claims of the wrong type' });
    }
    return { exp, iat, sid, sub };
  }
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
