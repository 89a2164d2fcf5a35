import { parseAdultPopulation, parseDueOn, parseTargetPercent } from './targets-file.parser';

describe('targets file cells', () => {
  it('reads adult populations with thousands separators and refuses fractions and text', () => {
    expect(parseAdultPopulation(1234)).toBe(1234);
    expect(parseAdultPopulation('1.234')).toBe(1234);
    expect(parseAdultPopulation('12 345')).toBe(12345);
    expect(parseAdultPopulation(12.5)).toBeNaN();
    expect(parseAdultPopulation('khoảng 300')).toBeNaN();
    expect(parseAdultPopulation(null)).toBeNaN();
  });

  it('reads percentages written as 80, "80%" or an Excel percent cell (0.8)', () => {
    expect(parseTargetPercent(80)).toBe(80);
    expect(parseTargetPercent('80%')).toBe(80);
    expect(parseTargetPercent('80 %')).toBe(80);
    expect(parseTargetPercent(0.8)).toBe(80);
    expect(parseTargetPercent(0.805)).toBeNaN();
    expect(parseTargetPercent('tám mươi')).toBeNaN();
  });

  it('reads due days day-first or ISO, and refuses days that do not exist', () => {
    expect(parseDueOn('31/12/2025')).toBe('2025-12-31');
    expect(parseDueOn('1-7-2025')).toBe('2025-07-01');
    expect(parseDueOn('2025-12-31')).toBe('2025-12-31');
    expect(parseDueOn('30/02/2025')).toBeNull();
    expect(parseDueOn(45000)).toBeNull();
  });
});
