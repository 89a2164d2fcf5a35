import { passwordPolicyMessages, PasswordPolicyViolation } from './crypto/password-policy';

export enum IdentityErrorCode {
  /** unknown identifier or wrong password: one code for both, so accounts cannot be probed */
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  /** the password was right but the account is disabled */
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  /** too many failed logins for this account or from this address; details.retryAfterSeconds */
  LOGIN_RATE_LIMITED = 'LOGIN_RATE_LIMITED',
  /** unknown or revoked refresh token */
  REFRESH_TOKEN_INVALID = 'REFRESH_TOKEN_INVALID',
  REFRESH_TOKEN_EXPIRED = 'REFRESH_TOKEN_EXPIRED',
  /** an already used refresh token came back: the whole login was revoked */
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  /** the username or the phone number already belongs to an account (also what a retried create gets) */
  ACCOUNT_EXISTS = 'ACCOUNT_EXISTS',
  /** unknown account, or one the caller may not see */
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  IDENTIFIER_REQUIRED = 'IDENTIFIER_REQUIRED',
  INVALID_USERNAME = 'INVALID_USERNAME',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_DISPLAY_NAME = 'INVALID_DISPLAY_NAME',
  PASSWORD_TOO_SHORT = 'PASSWORD_TOO_SHORT',
  PASSWORD_TOO_LONG = 'PASSWORD_TOO_LONG',
  PASSWORD_ALL_DIGITS = 'PASSWORD_ALL_DIGITS',
  PASSWORD_SAME_AS_IDENTIFIER = 'PASSWORD_SAME_AS_IDENTIFIER',
  /** unknown scope, or one outside every scope where the caller manages grants (same answer) */
  SCOPE_NOT_FOUND = 'SCOPE_NOT_FOUND',
  /** a scope kind that cannot carry grants yet (TEAM) */
  SCOPE_KIND_NOT_SUPPORTED = 'SCOPE_KIND_NOT_SUPPORTED',
  /** the role cannot be held on that kind of scope (e.g. a province official on a commune) */
  ROLE_SCOPE_MISMATCH = 'ROLE_SCOPE_MISMATCH',
  /** the caller manages grants here but its roles may not hand out this one */
  ROLE_NOT_GRANTABLE = 'ROLE_NOT_GRANTABLE',
  /** unknown grant, or one the caller may not manage */
  GRANT_NOT_FOUND = 'GRANT_NOT_FOUND',
  INVALID_CURSOR = 'INVALID_CURSOR',
  INVALID_PAGE_SIZE = 'INVALID_PAGE_SIZE',
}

/**
 * Vietnamese text for each code. `{name}` is filled from the error's details (numbers and codes
 * only), e.g. the wait of a rate-limited login.
 */
export const identityErrorMessages: Record<IdentityErrorCode, string> = {
  INVALID_CREDENTIALS: 'Tên đăng nhập, số điện thoại hoặc mật khẩu không đúng.',
  ACCOUNT_DISABLED: 'Tài khoản đã bị khóa. Vui lòng liên hệ cán bộ quản lý.',
  LOGIN_RATE_LIMITED: 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {retryAfterMinutes} phút.',
  REFRESH_TOKEN_INVALID: 'Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.',
  REFRESH_TOKEN_EXPIRED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  REFRESH_TOKEN_REUSED: 'Phiên đăng nhập đã bị thu hồi vì lý do an toàn. Vui lòng đăng nhập lại.',
  ACCOUNT_EXISTS: 'Tên đăng nhập hoặc số điện thoại đã được dùng cho một tài khoản khác.',
  ACCOUNT_NOT_FOUND: 'Không tìm thấy tài khoản.',
  IDENTIFIER_REQUIRED: 'Cần có tên đăng nhập hoặc số điện thoại.',
  INVALID_USERNAME:
    'Tên đăng nhập cần từ 3 đến 32 ký tự, bắt đầu bằng chữ cái, chỉ gồm chữ không dấu, số, ".", "_" và "-".',
  INVALID_PHONE: 'Số điện thoại di động không hợp lệ.',
  INVALID_DISPLAY_NAME: 'Tên hiển thị cần từ 1 đến 120 ký tự.',
  PASSWORD_TOO_SHORT: passwordPolicyMessages[PasswordPolicyViolation.TOO_SHORT],
  PASSWORD_TOO_LONG: passwordPolicyMessages[PasswordPolicyViolation.TOO_LONG],
  PASSWORD_ALL_DIGITS: passwordPolicyMessages[PasswordPolicyViolation.ALL_DIGITS],
  PASSWORD_SAME_AS_IDENTIFIER: passwordPolicyMessages[PasswordPolicyViolation.SAME_AS_IDENTIFIER],
  SCOPE_NOT_FOUND: 'Không tìm thấy phạm vi (tỉnh, xã, thôn hoặc điểm cầu).',
  SCOPE_KIND_NOT_SUPPORTED: 'Chưa thể cấp vai trò trên loại phạm vi này.',
  ROLE_SCOPE_MISMATCH: 'Vai trò này không thể cấp trên loại phạm vi đã chọn.',
  ROLE_NOT_GRANTABLE: 'Bạn không có quyền cấp hoặc thu hồi vai trò này.',
  GRANT_NOT_FOUND: 'Không tìm thấy quyền được cấp.',
  INVALID_CURSOR: 'Con trỏ phân trang không hợp lệ.',
  INVALID_PAGE_SIZE: 'Số mục mỗi trang phải từ 1 đến 200.',
};

/** Fills `{name}` placeholders from `details`; only numbers and strings are ever substituted. */
export function renderMessage(template: string, details: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details[name];
    return typeof value === 'number' || typeof value === 'string' ? String(value) : whole;
  });
}

/** An identity rule was broken; `details` carries ids, codes and counts, never a phone or a password. */
export class IdentityError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${renderMessage(identityErrorMessages[code], details)}`);
    this.name = 'IdentityError';
  }
}
