import {
  citizenIdBirthYear,
  citizenIdMatchesBirthYear,
  maskCitizenId,
  maskName,
  maskPhone,
  normalizeCitizenId,
  normalizePhone,
} from './personal-data';

describe('normalizePhone', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84 (0) 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['  0381234567 ', '0381234567'],
    ['0561234567', '0561234567'],
    ['0701234567', '0701234567'],
    ['0841234567', '0841234567'],
    ['0981234567', '0981234567'],
  ])('accepts %p as %p', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['091234567', '9 digits'],
    ['09123456789', '11 digits'],
    ['0212345678', 'prefix 02 (landline)'],
    ['0112345678', 'prefix 01 (retired 11-digit era)'],
    ['0412345678', 'prefix 04'],
    ['0612345678', 'prefix 06'],
    ['912345678', 'no leading 0 or country code'],
    ['8412345678', '84 followed by only 8 digits'],
    ['+85512345678', 'another country code'],
    ['09a2345678', 'a letter'],
    ['0912+345678', 'a plus in the middle'],
    ['０９１２３４５６７８', 'full-width digits'],
  ])('rejects %p (%s)', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('returns null for non-strings instead of throwing', () => {
    expect(normalizePhone(undefined as unknown as string)).toBeNull();
    expect(normalizePhone(912345678 as unknown as string)).toBeNull();
  });
});

describe('normalizeCitizenId', () => {
  it.each([
    ['001203012345', '001203012345'],
    ['001 203 012 345', '001203012345'],
    [' 079087000123\t', '079087000123'],
    ['096300000001', '096300000001'],
    ['099000000000', '099000000000'],
  ])('accepts %p as %p', (raw, expected) => {
    expect(normalizeCitizenId(raw)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['00120301234', '11 digits'],
    ['0012030123456', '13 digits'],
    ['000203012345', 'province 000'],
    ['100203012345', 'province 100'],
    ['001-203-012345', 'dashes are not accepted'],
    ['00120301234X', 'a letter'],
    ['123456789', 'old 9-digit CMND'],
  ])('rejects %p (%s)', (raw) => {
    expect(normalizeCitizenId(raw)).toBeNull();
  });
});

describe('citizenIdBirthYear / citizenIdMatchesBirthYear', () => {
  it.each([
    ['001087123456', 1987], // 0: 1900s, male
    ['037153000257', 1953], // 1: 1900s, female
    ['001203012345', 2003], // 2: 2000s, male
    ['079310000001', 2010], // 3: 2000s, female
    ['001400000000', 2100], // 4: 2100s
    ['001599000000', 2199], // 5: 2100s
    ['001605000000', 2205], // 6: 2200s
    ['001700000000', 2200], // 7: 2200s
    ['001801000000', 2301], // 8: 2300s
    ['001999000000', 2399], // 9: 2300s
  ])('%p encodes birth year %p', (id, year) => {
    expect(citizenIdBirthYear(id)).toBe(year);
    expect(citizenIdMatchesBirthYear(id, year)).toBe(true);
    expect(citizenIdMatchesBirthYear(id, year + 100)).toBe(false);
    expect(citizenIdMatchesBirthYear(id, year - 1)).toBe(false);
  });

  it('is false and null for an invalid number', () => {
    expect(citizenIdBirthYear('000087123456')).toBeNull();
    expect(citizenIdMatchesBirthYear('000087123456', 1987)).toBe(false);
  });
});

describe('masking', () => {
  it('masks a phone number keeping 3 leading and 3 trailing digits', () => {
    expect(maskPhone('0901234123')).toBe('090****123');
    expect(maskPhone('+84 901 234 123')).toBe('090****123');
  });

  it('masks a citizen ID keeping the province code and the last 2 digits', () => {
    expect(maskCitizenId('001203012345')).toBe('001*******45');
    expect(maskCitizenId('001203012345')).toHaveLength(12);
  });

  it('masks invalid values whole rather than echoing them', () => {
    expect(maskPhone('12345')).toBe('***');
    expect(maskCitizenId('12345')).toBe('***');
  });

  it.each([
    ['Nguyễn Văn An', 'Nguyễn V. A.'],
    ['Trần Thị Minh Khai', 'Trần T. M. K.'],
    ['  Lê   đức   anh ', 'Lê Đ. A.'],
    ['Ông Ích Khiêm', 'Ông Í. K.'],
    ['Hà', 'Hà'],
    ['', ''],
  ])('maskName(%p) = %p', (raw, expected) => {
    expect(maskName(raw)).toBe(expected);
  });

  it('maskName takes decomposed (NFD) input and returns NFC', () => {
    const decomposed = 'Nguyễn Đức Ước'.normalize('NFD');
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    const masked = maskName(decomposed);
    expect(masked).toBe('Nguyễn Đ. Ư.');
    expect(masked).toBe(masked.normalize('NFC'));
  });
});
