import { buckets, daysBetween, parseDay, ReachInterval, weekStart } from './reach-calendar';

describe('reach calendar', () => {
  it('accepts only calendar days that exist', () => {
    expect(parseDay('2026-02-28')).toBe('2026-02-28');
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-2-1')).toBeNull();
    expect(parseDay(20260201)).toBeNull();
  });

  it('counts both ends of a range', () => {
    expect(daysBetween('2026-11-01', '2026-11-01')).toBe(1);
    expect(daysBetween('2026-10-30', '2026-11-02')).toBe(4);
  });

  it('starts weeks on Monday and lists every bucket of the range', () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(weekStart('2026-11-16')).toBe('2026-11-16');
    expect(buckets('2026-11-20', '2026-11-23', ReachInterval.DAY)).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    expect(buckets('2026-11-20', '2026-11-23', ReachInterval.WEEK)).toEqual(['2026-11-16', '2026-11-23']);
  });
});
