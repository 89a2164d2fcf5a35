import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { ParticipantKind } from '@hocvuso/live-client/protocol';

/** What a participant token says about its holder; the gateway trusts nothing else. */
export interface ParticipantClaims {
  sessionId: string;
  /** resident id, account id (trainer), venue id, or a random id for a guest */
  participantId: string;
  kind: ParticipantKind;
  displayName: string;
  communeCode: string | null;
  villageId: string | null;
  venueId: string | null;
}

export type ParticipantTokenFailure = 'TOKEN_INVALID' | 'TOKEN_EXPIRED';

export class ParticipantTokenError extends Error {
  constructor(readonly code: ParticipantTokenFailure) {
    super(code);
    this.name = 'ParticipantTokenError';
  }
}

const ALGORITHM = 'HS256';
const AUDIENCE = 'hocvuso-live';
const ISSUER = 'hocvuso';
const KINDS: readonly ParticipantKind[] = ['RESIDENT', 'GUEST', 'VENUE', 'TRAINER'];

/**
 * HS256 tokens with their own audience and secret, so an API access token is never a live
 * ticket and a live ticket never opens the API. Short-lived: checked when a socket connects.
 */
export class ParticipantTokenSigner {
  /**
   * The secret imported once: handed raw bytes, jose imports a WebCrypto key on every call, which
   * was two thirds of a token check (about 90 of 135 µs), and the gateway checks one per connection.
   */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (Buffer.byteLength(secret) < 32) throw new RangeError('ParticipantTokenSigner: secret under 32 bytes');
    this.key = webcrypto.subtle.importKey(
      'raw',
      Buffer.from(secret, 'utf8'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  async sign(claims: ParticipantClaims): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(this.now().getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const token = await new SignJWT({
      sid: claims.sessionId,
      knd: claims.kind,
      nam: claims.displayName,
      cc: claims.communeCode,
      vil: claims.villageId,
      ven: claims.venueId,
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.participantId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(await this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async verify(token: unknown): Promise<ParticipantClaims> {
    if (typeof token !== 'string' || token === '' || token.length > 4096) {
      throw new ParticipantTokenError('TOKEN_INVALID');
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.key, {
        algorithms: [ALGORITHM],
        audience: AUDIENCE,
        issuer: ISSUER,
        currentDate: this.now(),
        requiredClaims: ['sub', 'sid', 'knd', 'exp'],
      }));
    } catch (error) {
      throw new ParticipantTokenError(error instanceof errors.JWTExpired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
    }
    const { sub, sid, knd, nam, cc, vil, ven } = payload;
    if (
      typeof sub !== 'string' ||
      typeof sid !== 'string' ||
      !KINDS.includes(knd as ParticipantKind) ||
      typeof nam !== 'string' ||
      !nullableString(cc) ||
      !nullableString(vil) ||
      !nullableString(ven)
    ) {
      throw new ParticipantTokenError('TOKEN_INVALID');
    }
    return {
      sessionId: sid,
      participantId: sub,
      kind: knd as ParticipantKind,
      displayName: nam,
      communeCode: cc,
      villageId: vil,
      venueId: ven,
    };
  }
}

function nullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}
