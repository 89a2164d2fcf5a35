import { randomBytes } from 'node:crypto';

import { AccessTokenSigner, AccessTokenSignerOptions } from './access-token-signer';
import { TokenError, TokenErrorCode } from './token.errors';

const secret = randomBytes(32);
const start = new Date('2026-03-01T08:00:00Z');

/** A signer on a clock the test moves by hand. */
function signerAt(clock: { now: Date }, options: Partial<AccessTokenSignerOptions> = {}) {
  return new AccessTokenSigner({ now: () => clock.now, secret, ...options });
}

async function tokenError(promise: Promise<unknown>, code: TokenErrorCode): Promise<TokenError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected TokenError ${code}, the token was accepted`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenError);
  expect((error as TokenError).code).toBe(code);
  return error as TokenError;
}

function decodePart(token: string, index: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8'));
}

describe('AccessTokenSigner', () => {
  const subject = { sid: 'family-7f3a', sub: 'account-42' };

  it('signs an HS256 JWT that verifies to its claims', async () => {
    const clock = { now: start };
    const signer = signerAt(clock);
    const token = await signer.sign(subject);
    const iat = start.getTime() / 1000;

    expect(decodePart(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodePart(token, 1)).toEqual({
      aud: 'hocvuso-api',
      exp: iat + 900,
      iat,
      iss: 'hocvuso',
      sid: 'family-7f3a',
      sub: 'account-42',
    });
    await expect(signer.verify(token)).resolves.toEqual({ ...subject, exp: iat + 900, iat });
  });

  it('is valid until its ttl and EXPIRED after, on the injected clock', async () => {
    const clock = { now: start };
    const signer = signerAt(clock, { ttlSeconds: 60 });
    const token = await signer.sign(subject);

    clock.now = new Date(start.getTime() + 59_000);
    await expect(signer.verify(token)).resolves.toMatchObject(subject);
    clock.now = new Date(start.getTime() + 60_000);
    await tokenError(signer.verify(token), TokenErrorCode.EXPIRED);
  });

  it('accepts the configured clock tolerance past expiry', async () => {
    const clock = { now: start };
    const signer = signerAt(clock, { clockToleranceSeconds: 5, ttlSeconds: 60 });
    const token = await signer.sign(subject);
    clock.now = new Date(start.getTime() + 64_000);
    await expect(signer.verify(token)).resolves.toMatchObject(subject);
    clock.now = new Date(start.getTime() + 66_000);
    await tokenError(signer.verify(token), TokenErrorCode.EXPIRED);
  });

  it('reports an expired token with a wrong signature as INVALID, not EXPIRED', async () => {
    const clock = { now: start };
    const token = await signerAt(clock, { secret: randomBytes(32) }).sign(subject);
    clock.now = new Date(start.getTime() + 3_600_000);
    await tokenError(signerAt(clock).verify(token), TokenErrorCode.INVALID);
  });

  it('refuses a token signed with another secret', async () => {
    const clock = { now: start };
    const token = await signerAt(clock, { secret: randomBytes(32) }).sign(subject);
    await tokenError(signerAt(clock).verify(token), TokenErrorCode.INVALID);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const clock = { now: start };
    const otherAudience = await signerAt(clock, { audience: 'hocvuso-live' }).sign(subject);
    const otherIssuer = await signerAt(clock, { issuer: 'someone-else' }).sign(subject);
    await tokenError(signerAt(clock).verify(otherAudience), TokenErrorCode.INVALID);
    await tokenError(signerAt(clock).verify(otherIssuer), TokenErrorCode.INVALID);
  });

  it('refuses a tampered payload, header or signature', async () => {
    const clock = { now: start };
    const signer = signerAt(clock);
    const [header, payload, signature] = (await signer.sign(subject)).split('.');

    const forged = Buffer.from(JSON.stringify({ ...decodePart(`${header}.${payload}`, 1), sub: 'account-1' })).toString(
      'base64url',
    );
    await tokenError(signer.verify(`${header}.${forged}.${signature}`), TokenErrorCode.INVALID);

    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await tokenError(signer.verify(`${none}.${payload}.`), TokenErrorCode.INVALID);
    await tokenError(signer.verify(`${none}.${payload}.${signature}`), TokenErrorCode.INVALID);

    const sig = Buffer.from(signature, 'base64url');
    sig[0] ^= 0x01;
    await tokenError(signer.verify(`${header}.${payload}.${sig.toString('base64url')}`), TokenErrorCode.INVALID);
  });

  it('refuses garbage without echoing it', async () => {
    const signer = signerAt({ now: start });
    for (const garbage of ['', 'not-a-jwt', 'a.b.c', 'CANARY.CANARY.CANARY']) {
      const error = await tokenError(signer.verify(garbage), TokenErrorCode.INVALID);
      expect(`${error.message}${JSON.stringify(error.details)}`).not.toContain('CANARY');
    }
  });

  it('refuses a correctly signed token without a session id', async () => {
    const { SignJWT } = await import('jose');
    const iat = start.getTime() / 1000;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('account-42')
      .setIssuer('hocvuso')
      .setAudience('hocvuso-api')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 900)
      .sign(new Uint8Array(secret));
    await tokenError(signerAt({ now: start }).verify(token), TokenErrorCode.INVALID);
  });

  it('rejects short secrets, bad ttl and empty subjects', async () => {
    expect(() => new AccessTokenSigner({ secret: randomBytes(31) })).toThrow(RangeError);
    expect(() => new AccessTokenSigner({ secret, ttlSeconds: 0 })).toThrow(RangeError);
    await expect(new AccessTokenSigner({ secret }).sign({ sid: 's', sub: '' })).rejects.toThrow(TypeError);
  });
});
