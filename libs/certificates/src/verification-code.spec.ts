import {
  CODE_ALPHABET,
  formatVerificationCode,
  generateVerificationCode,
  normalizeVerificationCode,
} from './verification-code';

describe('verification codes', () => {
  it('are 10 characters of the Crockford alphabet, without look-alike letters', () => {
    const codes = Array.from({ length: 500 }, generateVerificationCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(new Set(codes).size).toBe(500);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('are shown in groups of four', () => {
    expect(formatVerificationCode('HV7K2M9QXR')).toBe('HV7K-2M9Q-XR');
  });

  it('accept what people type: dashes, spaces, any case, I/L for 1 and O for 0', () => {
    expect(normalizeVerificationCode('HV7K-2M9Q-XR')).toBe('HV7K2M9QXR');
    expect(normalizeVerificationCode(' hv7k 2m9q xr ')).toBe('HV7K2M9QXR');
    expect(normalizeVerificationCode('hv7k2m9qxr')).toBe('HV7K2M9QXR');
    expect(normalizeVerificationCode('I0LK-OOOO-AB')).toBe('101K0000AB');
  });

  it('refuse anything that cannot be a code', () => {
    for (const input of [
      '',
      'HV7K-2M9Q',
      'HV7K-2M9Q-XRZ',
      'HV7K-2M9Q-XU',
      'HV7K_2M9Q_XR',
      'ĐV7K-2M9Q-XR',
      'x'.repeat(41),
    ]) {
      expect(normalizeVerificationCode(input)).toBeNull();
    }
  });
});
