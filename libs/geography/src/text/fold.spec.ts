import { cleanName, foldVietnamese, searchTokens } from './fold';

describe('foldVietnamese', () => {
  it.each([
    ['Hưng Yên', 'hung yen'],
    ['HƯNG YÊN', 'hung yen'],
    ['Phường Phố Hiến', 'phuong pho hien'],
    ['Đặc khu Côn Đảo', 'dac khu con dao'],
    ['Xã Ea Kiết', 'xa ea kiet'],
    ['  Thôn   Đông-Tảo  ', 'thon dong tao'],
  ])('folds %p to %p', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('treats decomposed (NFD) input like composed input', () => {
    expect(foldVietnamese('Hưng Yên'.normalize('NFD'))).toBe(foldVietnamese('Hưng Yên'));
  });

  it('splits a query into folded tokens', () => {
    expect(searchTokens(' Phố  HIẾN ')).toEqual(['pho', 'hien']);
    expect(searchTokens('  ')).toEqual([]);
  });

  it('cleans names to NFC with single spaces', () => {
    const cleaned = cleanName('  Thôn\tĐông  '.normalize('NFD'));
    expect(cleaned).toBe('Thôn Đông');
    expect(cleaned).toBe(cleaned.normalize('NFC'));
  });
});
