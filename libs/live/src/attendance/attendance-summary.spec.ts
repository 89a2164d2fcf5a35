import { attendedShare, type StoredAttendanceEvent, summarizeAttendance } from './attendance-summary';

const t0 = Date.parse('2026-11-22T08:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const join = (seconds: number): StoredAttendanceEvent => ({ action: 'JOIN', at: at(seconds) });
const leave = (seconds: number): StoredAttendanceEvent => ({ action: 'LEAVE', at: at(seconds) });
const ended = { startedAt: at(0), endedAt: at(1000) };

describe('summarizeAttendance', () => {
  it('adds the intervals of a join, a leave and a rejoin', () => {
    const summary = summarizeAttendance([join(100), leave(400), join(500), leave(700)], ended, at(2000));
    expect(summary).toEqual({ firstJoinedAt: at(100), lastSeenAt: at(700), secondsPresent: 500 });
  });

  it('counts overlapping sockets of one participant once', () => {
    const summary = summarizeAttendance([join(100), join(200), leave(300), leave(600)], ended, at(2000));
    expect(summary?.secondsPresent).toBe(500);
  });

  it('counts an open interval until the session ended, or until now while it runs', () => {
    expect(summarizeAttendance([join(600)], ended, at(5000))).toMatchObject({
      secondsPresent: 400,
      lastSeenAt: at(1000),
    });
    expect(summarizeAttendance([join(600)], { startedAt: at(0), endedAt: null }, at(900))?.secondsPresent).toBe(300);
  });

  it('counts only the part inside the session and ignores a leave without a join', () => {
    // [-100, 10] counts 10 s, the second leave at 50 has no join, [900, 1200] counts 100 s
    const summary = summarizeAttendance([leave(10), join(-100), leave(50), join(900), leave(1200)], ended, at(2000));
    expect(summary?.secondsPresent).toBe(110);
  });

  it('reads events in time order whatever order they arrive in', () => {
    const summary = summarizeAttendance([leave(700), join(500), leave(400), join(100)], ended, at(2000));
    expect(summary?.secondsPresent).toBe(500);
  });

  it('has no summary without a join', () => {
    expect(summarizeAttendance([leave(10)], ended, at(2000))).toBeNull();
  });
});

describe('attendedShare', () => {
  it('measures seconds present against the session length, and is 0 before the session ended', () => {
    expect(attendedShare(800, ended)).toBe(0.8);
    expect(attendedShare(800, { startedAt: at(0), endedAt: null })).toBe(0);
  });
});
