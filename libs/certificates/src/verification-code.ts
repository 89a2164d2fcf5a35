import { randomBytes } from 'node:crypto';

/**
 * Verification codes: 10 characters of Crockford's base32 (digits and letters without I, L, O
 * and U), 50 random bits, shown as `HV7K-2M9Q-XR`. People read them off paper and type them
 * on phones, so input is forgiving: dashes and spaces are ignored, case does not matter, and
 * the letters Crockford treats as look-alikes are read as digits (I and L as 1, O as 0).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

export function generateVerificationCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps the characters uniform.
  return Array.from(bytes, (byte) => CODE_ALPHABET[byte % 32]).join('');
}

/** The stored form (10 upper-case characters) of what someone typed, or null when it cannot be a code. */
export function normalizeVerificationCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const compact = input.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  if (compact.length !== CODE_LENGTH) return null;
  return [...compact].every((char) => CODE_ALPHABET.includes(char)) ? compact : null;
}

/** `HV7K2M9QXR` → `HV7K-2M9Q-XR`: groups of four are easier to read aloud and to compare. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
