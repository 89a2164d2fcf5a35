import { Gender } from '../entities';
import { ResidentsError } from '../residents.errors';
import {
  citizenIdText,
  decodeResidentsFile,
  parseBirthYear,
  parseGender,
  phoneText,
  readResidentsFile,
} from './residents-file.parser';

describe('residents file cells', () => {
  it.each([
    [1958, 1958],
    ['1958', 1958],
    ['12/03/1958', 1958],
    ['1958-03-12', 1958],
    ['58', Number.NaN],
    [1958.5, Number.NaN],
    [null, Number.NaN],
  ])('parseBirthYear(%p) = %p', (cell, year) => {
    expect(parseBirthYear(cell)).toBe(year);
  });

  it('reads genders in Vietnamese, accents and case aside', () => {
    expect(parseGender('Nam')).toBe(Gender.MALE);
    expect(parseGender('NỮ')).toBe(Gender.FEMALE);
    expect(parseGender('nu')).toBe(Gender.FEMALE);
    expect(parseGender('Khác')).toBe(Gender.OTHER);
    expect(parseGender(null)).toBeNull();
    expect(parseGender('M')).toBeUndefined();
  });

  it('restores leading zeros Excel drops from numbers', () => {
    expect(phoneText(912345678)).toBe('0912345678');
    expect(phoneText('0912 345 678')).toBe('0912 345 678');
    expect(citizenIdText(1087123456)).toBe('001087123456');
  });
});

describe('readResidentsFile', () => {
  const csv = (text: string) => readResidentsFile(Buffer.from(text), 'csv');

  it('finds the header below a title row and maps columns by folded name', async () => {
    const { header, columns, rows } = await csv('DANH SÁCH\nho va ten,THÔN,nam sinh,SĐT\nAn,Đông,1970,0912345678\n');
    expect(header.row).toBe(2);
    expect(columns).toEqual({ FULL_NAME: 0, VILLAGE: 1, BIRTH_YEAR: 2, PHONE: 3 });
    expect(rows).toEqual([{ row: 3, cells: ['An', 'Đông', '1970', '0912345678'] }]);
  });

  it('refuses files without the required headers, without data rows, or not in UTF-8', async () => {
    await expect(csv('Tên,Tuổi\nAn,30')).rejects.toBeInstanceOf(ResidentsError);
    await expect(csv('Họ và tên,Năm sinh,Thôn\n')).rejects.toBeInstanceOf(ResidentsError);
    await expect(readResidentsFile(Buffer.from([0xff, 0xfe, 0x41]), 'csv')).rejects.toBeInstanceOf(ResidentsError);
    await expect(csv('Họ và tên,Năm sinh,Thôn,Thôn\nAn,1970,Đông,Tây')).rejects.toMatchObject({ details: { row: 1 } });
  });

  it('refuses base64 that is not base64 or decodes to more than 5 MB', () => {
    expect(() => decodeResidentsFile('@@@')).toThrow(ResidentsError);
    expect(() => decodeResidentsFile('A'.repeat(8 * 1024 * 1024))).toThrow(ResidentsError);
    expect(decodeResidentsFile('data:text/csv;base64,QUJD').toString()).toBe('ABC');
  });
});
