import { ConsentPurpose, Gender } from './entities';
import {
  checkConsentEvidence,
  checkConsentPurposes,
  checkFullName,
  checkResidentFields,
  namesakeKey,
} from './resident-rules';
import { ResidentsErrorCode } from './residents.errors';

const now = new Date('2026-11-22T00:00:00Z');
const base = { fullName: 'Nguyễn Văn An', birthYear: 1987, gender: Gender.MALE };

describe('checkFullName', () => {
  it.each([
    ['  Nguyễn   Văn  An ', 'Nguyễn Văn An'],
    ["H'Hen Niê", "H'Hen Niê"],
    ['Nguyễn-Lê Thị Hà', 'Nguyễn-Lê Thị Hà'],
    ['Lò', 'Lò'],
  ])('accepts %p as %p', (raw, expected) => {
    expect(checkFullName(raw)).toBe(expected);
  });

  it('stores names in NFC whatever the keyboard sent', () => {
    expect(checkFullName('Nguyễn Đức Ước'.normalize('NFD'))).toBe('Nguyễn Đức Ước'.normalize('NFC'));
  });

  it.each([['A'], [''], ['   '], ['a'.repeat(101)], ['Nguyễn 0912345678'], ['An <script>'], ["'-."], ['An\u0000']])(
    'rejects %p',
    (raw) => {
      expect(checkFullName(raw)).toBeNull();
    },
  );
});

describe('checkResidentFields', () => {
  it('normalises phone and citizen id, and treats blanks as absent', () => {
    expect(checkResidentFields({ ...base, phone: '+84 912 345 678', citizenId: '001 087 123 456' }, now)).toEqual({
      ok: true,
      value: { ...base, phone: '0912345678', citizenId: '001087123456' },
    });
    expect(checkResidentFields({ ...base, phone: '  ', citizenId: '' }, now)).toEqual({
      ok: true,
      value: { ...base, phone: null, citizenId: null },
    });
  });

  it.each([
    [{ birthYear: 1899 }, ResidentsErrorCode.INVALID_BIRTH_YEAR, 'birthYear'],
    [{ birthYear: 2027 }, ResidentsErrorCode.INVALID_BIRTH_YEAR, 'birthYear'],
    [{ birthYear: 1987.5 }, ResidentsErrorCode.INVALID_BIRTH_YEAR, 'birthYear'],
    [{ phone: '0212345678' }, ResidentsErrorCode.INVALID_PHONE, 'phone'],
    [{ citizenId: '000087123456' }, ResidentsErrorCode.INVALID_CITIZEN_ID, 'citizenId'],
    [{ citizenId: '001088123456' }, ResidentsErrorCode.CITIZEN_ID_BIRTH_YEAR_MISMATCH, 'citizenId'],
    [{ citizenId: '001287123456' }, ResidentsErrorCode.CITIZEN_ID_BIRTH_YEAR_MISMATCH, 'citizenId'],
  ])('refuses %p with %p on %p', (overrides, code, field) => {
    expect(checkResidentFields({ ...base, ...overrides }, now)).toEqual({ ok: false, code, field });
  });

  it('accepts the current year and 1900', () => {
    expect(checkResidentFields({ ...base, birthYear: 2026 }, now).ok).toBe(true);
    expect(checkResidentFields({ ...base, birthYear: 1900 }, now).ok).toBe(true);
  });
});

describe('consent rules', () => {
  it('needs at least one purpose and keeps each once', () => {
    expect(checkConsentPurposes([])).toBeNull();
    expect(checkConsentPurposes(undefined)).toBeNull();
    expect(checkConsentPurposes([ConsentPurpose.LEARNING, ConsentPurpose.CONTACT, ConsentPurpose.LEARNING])).toEqual([
      ConsentPurpose.CONTACT,
      ConsentPurpose.LEARNING,
    ]);
  });

  it('limits evidence to 255 characters', () => {
    expect(checkConsentEvidence('  Phiếu số 12 ')).toEqual({ ok: true, value: 'Phiếu số 12' });
    expect(checkConsentEvidence(null)).toEqual({ ok: true, value: null });
    expect(checkConsentEvidence('x'.repeat(256))).toMatchObject({
      ok: false,
      code: ResidentsErrorCode.INVALID_CONSENT_EVIDENCE,
    });
  });
});

it('namesakeKey ignores accents, case and spacing of the name', () => {
  expect(namesakeKey('v1', 'Đặng Thị Ước', 1950)).toBe(namesakeKey('v1', '  dang thi uoc', 1950));
  expect(namesakeKey('v1', 'Đặng Thị Ước', 1950)).not.toBe(namesakeKey('v1', 'Đặng Thị Ước', 1951));
});
