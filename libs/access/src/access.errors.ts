export enum AccessErrorCode {
  /** no or an invalid access token on an operation that needs an account */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** the account may not do this; used only where the target's existence is public */
  FORBIDDEN = 'FORBIDDEN',
}

export const accessErrorMessages: Record<AccessErrorCode, string> = {
  UNAUTHENTICATED: 'Bạn cần đăng nhập để thực hiện thao tác này.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
};

export class AccessError extends Error {
  constructor(
    readonly code: AccessErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${accessErrorMessages[code]}`);
    this.name = 'AccessError';
  }
}
