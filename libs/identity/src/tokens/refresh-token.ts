import { createHash, randomBytes } from 'node:crypto';

export interface NewRefreshToken {
  /** Given to the client once; never stored. */
  token: string;
  /** SHA-256 (hex) of the token: the only form the database keeps. */
  hash: string;
}

const TOKEN_BYTES = 32;

/**
 * A fresh opaque refresh token (32 random bytes, base64url) and its hash. A plain SHA-256 is
 * enough here: the token has 256 bits of entropy, so there is nothing to brute-force.
 */
export function newRefreshToken(): NewRefreshToken {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { hash: hashRefreshToken(token), token };
}

/** SHA-256 (hex) of a refresh token as presented by a client, for lookup by hash. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
