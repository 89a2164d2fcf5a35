import { createHash } from 'node:crypto';

import { hashRefreshToken, newRefreshToken } from './refresh-token';

describe('refresh tokens', () => {
  it('are 32 random bytes in base64url with their SHA-256 hex', () => {
    const { hash, token } = newRefreshToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashRefreshToken(token)).toBe(hash);
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newRefreshToken().token));
    expect(tokens.size).toBe(100);
  });

  it('hash differently for different tokens', () => {
    const a = newRefreshToken();
    expect(hashRefreshToken(`${a.token}x`)).not.toBe(a.hash);
  });
});
