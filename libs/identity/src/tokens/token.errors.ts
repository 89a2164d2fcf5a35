export enum TokenErrorCode {
  /** Well signed and addressed to us, but past its expiry: the client should refresh. */
  EXPIRED = 'TOKEN_EXPIRED',
  /** Anything else: bad signature, wrong issuer or audience, malformed, missing claims. */
  INVALID = 'TOKEN_INVALID',
}

export const tokenErrorMessages: Record<TokenErrorCode, string> = {
  TOKEN_EXPIRED: 'Phiên đăng nhập đã hết hạn.',
  TOKEN_INVALID: 'Mã xác thực không hợp lệ.',
};

/** An access token was refused. `details.reason` is a fixed phrase; the token is never included. */
export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    readonly details: { reason?: string } = {},
  ) {
    super(`${code}: ${tokenErrorMessages[code]}`);
    this.name = 'TokenError';
  }
}
