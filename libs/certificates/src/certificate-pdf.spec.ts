import { longVietnameseDate, shortVietnameseDate } from './certificate-pdf';

describe('dates on a certificate', () => {
  it('are the day in Vietnam (UTC+7), whatever the server’s time zone', () => {
    const lateEveningUtc = new Date('2026-11-21T18:30:00Z');
    expect(longVietnameseDate(lateEveningUtc)).toBe('ngày 22 tháng 11 năm 2026');
    expect(shortVietnameseDate(lateEveningUtc)).toBe('22/11/2026');
    expect(shortVietnameseDate(new Date('2026-01-05T16:59:59Z'))).toBe('05/01/2026');
  });
});
