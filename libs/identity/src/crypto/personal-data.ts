/**
 * Normalisation, validation and display masking of residents' personal data (phone numbers,
 * citizen ID numbers, names). Pure functions: the normalised form is what gets hashed for
 * lookups, so every writer and reader must go through the same function.
 */

/** Separators people type inside phone numbers: spaces, dots, dashes, brackets. */
const PHONE_SEPARATORS = /[\s.\-()]/g;

/** Vietnamese mobile numbers since the 2018 renumbering: 10 digits, prefixes 03/05/07/08/09. */
const MOBILE_PHONE = /^0[35789]\d{8}$/;

/**
 * Canonical Vietnamese mobile number ("0912345678") or null when `raw` is not one.
 * Accepts "0912 345 678", "0912.345.678", "+84912345678", "84912345678", "0084912345678",
 * and "+84 (0) 912 345 678" (a leading 0 kept after the country code).
 */
export function normalizePhone(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  let digits = raw.trim().replace(PHONE_SEPARATORS, '');
  if (digits.startsWith('+84')) digits = digits.slice(3);
  else if (digits.startsWith('0084')) digits = digits.slice(4);
  else if (digits.startsWith('84') && digits.length === 11) digits = digits.slice(2);
  else if (!digits.startsWith('0')) return null;
  if (!digits.startsWith('0')) digits = `0${digits}`;
  return MOBILE_PHONE.test(digits) ? digits : null;
}

/**
 * Canonical 12-digit citizen ID number (số định danh cá nhân, printed on the CCCD card) or null.
 * Only the shape is checked: 12 digits once whitespace is removed, and a birth-registration
 * province code (the first three digits) in 001..099. The last six digits are random, so there
 * is no check digit to verify.
 */
export function normalizeCitizenId(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  const digits = raw.replace(/\s/g, '');
  if (!/^\d{12}$/.test(digits)) return null;
  const province = Number(digits.slice(0, 3));
  return province >= 1 && province <= 99 ? digits : null;
}

/**
 * Birth year encoded in a citizen ID number, or null when the number is invalid. The 4th digit is
 * the century+gender code of Circular 07/2016/TT-BCA art. 7 (0/1 = 1900s male/female, 2/3 = 2000s,
 * 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s); the 5th and 6th are the year's last two digits.
 */
export function citizenIdBirthYear(raw: string): number | null {
  const id = normalizeCitizenId(raw);
  if (id === null) return null;
  const century = 1900 + Math.floor(Number(id[3]) / 2) * 100;
  return century + Number(id.slice(4, 6));
}

/** Whether the birth year encoded in the citizen ID number equals `birthYear`. */
export function citizenIdMatchesBirthYear(raw: string, birthYear: number): boolean {
  const year = citizenIdBirthYear(raw);
  return year !== null && year === birthYear;
}

/** "0901234123" → "090****123". Anything that is not a valid mobile number is masked whole. */
export function maskPhone(raw: string): string {
  const phone = normalizePhone(raw);
  if (phone === null) return '***';
  return `${phone.slice(0, 3)}****${phone.slice(-3)}`;
}

/** "001203012345" → "001*******45". Anything that is not a valid ID number is masked whole. */
export function maskCitizenId(raw: string): string {
  const id = normalizeCitizenId(raw);
  if (id === null) return '***';
  return `${id.slice(0, 3)}*******${id.slice(-2)}`;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/**
 * "Nguyễn Văn An" → "Nguyễn V. A.": the family name (first word, Vietnamese order) stays, every
 * other word becomes its upper-cased initial. Used where a certificate is verified publicly.
 * Input and output are NFC.
 */
export function maskName(raw: string): string {
  if (typeof raw !== 'string') return '';
  const words = raw.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const [family, ...rest] = words;
  const initials = rest.map((word) => {
    const first = graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
    return `${first.toLocaleUpperCase('vi')}.`;
  });
  return [family, ...initials].join(' ').normalize('NFC');
}
