import { checkPasswordPolicy, passwordPolicyMessages, PasswordPolicyViolation } from './password-policy';

describe('checkPasswordPolicy', () => {
  it.each([
    ['abcdefgh', {}],
    ['Học vụ số', {}],
    ['12345678a', {}],
    ['a'.repeat(128), {}],
    ['khác-tên-đăng-nhập', { username: 'nguyenvanan' }],
    ['mật khẩu dài', { phone: '0912345678' }],
  ])('accepts %p', (password, context) => {
    expect(checkPasswordPolicy(password, context)).toBeNull();
  });

  it.each([
    ['', {}, PasswordPolicyViolation.TOO_SHORT],
    ['abcdefg', {}, PasswordPolicyViolation.TOO_SHORT],
    // 7 letters, 14 UTF-16 units in NFD: counts characters, not code units.
    ['ễễễễễễễ'.normalize('NFD'), {}, PasswordPolicyViolation.TOO_SHORT],
    ['a'.repeat(129), {}, PasswordPolicyViolation.TOO_LONG],
    ['12345678', {}, PasswordPolicyViolation.ALL_DIGITS],
    ['0912345678', {}, PasswordPolicyViolation.ALL_DIGITS],
    ['NguyenVanAn', { username: 'nguyenvanan' }, PasswordPolicyViolation.SAME_AS_IDENTIFIER],
    ['+84912345678', { phone: '0912345678' }, PasswordPolicyViolation.SAME_AS_IDENTIFIER],
    ['0912.345.678', { phone: '+84 912 345 678' }, PasswordPolicyViolation.SAME_AS_IDENTIFIER],
  ])('rejects %p with %p as %p', (password, context, violation) => {
    expect(checkPasswordPolicy(password, context)).toBe(violation);
  });

  it('has a Vietnamese message for every violation', () => {
    for (const code of Object.values(PasswordPolicyViolation)) {
      expect(passwordPolicyMessages[code]).toMatch(/Mật khẩu/);
    }
  });
});
