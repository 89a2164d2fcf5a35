import { normalizePhone } from './personal-data';

export enum PasswordPolicyViolation {
  TOO_SHORT = 'PASSWORD_TOO_SHORT',
  TOO_LONG = 'PASSWORD_TOO_LONG',
  ALL_DIGITS = 'PASSWORD_ALL_DIGITS',
  SAME_AS_IDENTIFIER = 'PASSWORD_SAME_AS_IDENTIFIER',
}

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for passphrases, short enough that hashing cannot be used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 128;

export const passwordPolicyMessages: Record<PasswordPolicyViolation, string> = {
  PASSWORD_TOO_SHORT: `Mật khẩu cần có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
  PASSWORD_TOO_LONG: `Mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự.`,
  PASSWORD_ALL_DIGITS: 'Mật khẩu không được chỉ gồm chữ số.',
  PASSWORD_SAME_AS_IDENTIFIER: 'Mật khẩu không được trùng với tên đăng nhập hoặc số điện thoại.',
};

export interface PasswordPolicyContext {
  phone?: string | null;
  username?: string | null;
}

/**
 * First rule `password` breaks, or null when it is acceptable. Length counts characters
 * (code points after NFC), so Vietnamese letters count once each.
 */
export function checkPasswordPolicy(
  password: string,
  context: PasswordPolicyContext = {},
): PasswordPolicyViolation | null {
  const pw = (typeof password === 'string' ? password : '').normalize('NFC');
  const length = [...pw].length;
  if (length < PASSWORD_MIN_LENGTH) return PasswordPolicyViolation.TOO_SHORT;
  if (length > PASSWORD_MAX_LENGTH) return PasswordPolicyViolation.TOO_LONG;
  if (/^\d+$/.test(pw)) return PasswordPolicyViolation.ALL_DIGITS;

  const folded = fold(pw);
  const username = context.username ? fold(context.username) : '';
  if (username !== '' && folded === username) return PasswordPolicyViolation.SAME_AS_IDENTIFIER;
  const phone = context.phone ? normalizePhone(context.phone) : null;
  if (phone !== null && (normalizePhone(pw) === phone || folded === fold(context.phone!))) {
    return PasswordPolicyViolation.SAME_AS_IDENTIFIER;
  }
  return null;
}

function fold(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase('vi');
}
