import { YouthErrorCode } from './youth.errors';
import { checkPeriod, checkTeamName, parseDay, vietnamToday } from './youth-rules';

describe('youth rules', () => {
  it('reads only calendar days that exist', () => {
    expect(parseDay('2025-07-01')).toBe('2025-07-01');
    expect(parseDay(' 2024-02-29 ')).toBe('2024-02-29');
    expect(parseDay('2025-02-29')).toBeNull();
    expect(parseDay('01/07/2025')).toBeNull();
    expect(parseDay(20250701)).toBeNull();
  });

  it('takes "today" in Vietnam time: 18:00 UTC is already the next day there', () => {
    expect(vietnamToday(new Date('2025-07-01T16:59:00Z'))).toBe('2025-07-01');
    expect(vietnamToday(new Date('2025-07-01T17:00:00Z'))).toBe('2025-07-02');
  });

  it('accepts a period that ends on or after its start and lasts at most a year', () => {
    expect(checkPeriod('2025-07-01', '2025-07-01')).toEqual({ startsOn: '2025-07-01', endsOn: '2025-07-01' });
    expect(() => checkPeriod('2025-07-01', '2025-06-30')).toThrow(YouthErrorCode.INVALID_PERIOD);
    expect(() => checkPeriod('2025-07-01', '2026-07-03')).toThrow(YouthErrorCode.INVALID_PERIOD);
    expect(() => checkPeriod('2025-07-01', 'mai')).toThrow(YouthErrorCode.INVALID_DATE);
  });

  it('cleans team names and refuses empty or symbol-only ones', () => {
    expect(checkTeamName('  Đội   xung kích  số 1 ')).toBe('Đội xung kích số 1');
    expect(() => checkTeamName('--')).toThrow(YouthErrorCode.INVALID_TEAM_NAME);
    expect(() => checkTeamName('x'.repeat(121))).toThrow(YouthErrorCode.INVALID_TEAM_NAME);
  });
});
