import { ERASED_NAME, maskFullName } from './masked-name';

describe('the masked name of a certificate holder', () => {
  it('keeps the family name and the initial of every other word', () => {
    expect(maskFullName('Nguyễn Văn An')).toBe('Nguyễn V*** A***');
    expect(maskFullName('Phạm Thị Ánh Tuyết')).toBe('Phạm T*** Á*** T***');
  });

  it('keeps a Vietnamese initial whole, whatever the normalization of the input', () => {
    expect(maskFullName('Đỗ Ưng')).toBe('Đỗ Ư***');
    // decomposed input (NFD): U + horn + grave is one letter
    expect(maskFullName('Lê Ừng'.normalize('NFD'))).toBe('Lê Ừ***');
  });

  it('hides the length of the given name and copes with odd spacing', () => {
    expect(maskFullName('  Trần   Minh  ')).toBe('Trần M***');
    expect(maskFullName('Trần Minh')).toBe(maskFullName('Trần Mến'));
  });

  it('shows an initial only for a one-word name', () => {
    expect(maskFullName('Hùng')).toBe('H***');
  });

  it('shows a fixed text once the resident is erased', () => {
    expect(maskFullName(null)).toBe(ERASED_NAME);
    expect(ERASED_NAME).toBe('(đã xóa dữ liệu)');
  });
});
