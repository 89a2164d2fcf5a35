import { LiveError, LiveErrorCode } from './live.errors';
import {
  newJoinCode,
  normalizeJoinCode,
  validGuestName,
  validHeadcount,
  validSchedule,
  validStreamUrl,
  validTargets,
  validTitle,
} from './live-session-rules';

const code = (work: () => unknown): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof LiveError ? error.code : 'OTHER';
  }
};

describe('live session rules', () => {
  it('accepts http(s) stream URLs only', () => {
    expect(validStreamUrl(' https://youtube.com/live/abc ')).toBe('https://youtube.com/live/abc');
    expect(code(() => validStreamUrl('javascript:alert(1)'))).toBe(LiveErrorCode.INVALID_STREAM_URL);
    expect(code(() => validStreamUrl('rtmp://x/y'))).toBe(LiveErrorCode.INVALID_STREAM_URL);
    expect(code(() => validStreamUrl('not a url'))).toBe(LiveErrorCode.INVALID_STREAM_URL);
  });

  it('wants an end after the start, at most 12 hours later', () => {
    const start = new Date('2026-12-01T08:00:00Z');
    expect(code(() => validSchedule(start, new Date('2026-12-01T10:00:00Z')))).toBeNull();
    expect(code(() => validSchedule(start, start))).toBe(LiveErrorCode.INVALID_SCHEDULE);
    expect(code(() => validSchedule(start, new Date('2026-12-01T21:00:00Z')))).toBe(LiveErrorCode.INVALID_SCHEDULE);
    expect(code(() => validSchedule(start, new Date('nope')))).toBe(LiveErrorCode.INVALID_SCHEDULE);
  });

  it('needs at least one well-formed target unit', () => {
    expect(validTargets({ provinceCodes: ['33', '33'], communeCodes: ['11953'] })).toEqual({
      provinceCodes: ['33'],
      communeCodes: ['11953'],
    });
    expect(code(() => validTargets({}))).toBe(LiveErrorCode.INVALID_TARGETS);
    expect(code(() => validTargets({ communeCodes: ['1195'] }))).toBe(LiveErrorCode.INVALID_TARGETS);
  });

  it('cleans titles and guest names and refuses empty ones', () => {
    expect(validTitle('  Cài   đặt VNeID ')).toBe('Cài đặt VNeID');
    expect(code(() => validTitle('ab'))).toBe(LiveErrorCode.INVALID_TITLE);
    expect(validGuestName(' Bà  Tư ')).toBe('Bà Tư');
    expect(code(() => validGuestName('12345'))).toBe(LiveErrorCode.INVALID_GUEST_NAME);
    expect(code(() => validGuestName(undefined))).toBe(LiveErrorCode.INVALID_GUEST_NAME);
  });

  it('takes whole, non-negative headcounts', () => {
    expect(validHeadcount(120)).toBe(120);
    expect(code(() => validHeadcount(-1))).toBe(LiveErrorCode.INVALID_HEADCOUNT);
    expect(code(() => validHeadcount(2.5))).toBe(LiveErrorCode.INVALID_HEADCOUNT);
  });

  it('makes join codes people can read aloud and type loosely', () => {
    const joinCode = newJoinCode();
    expect(joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(normalizeJoinCode(' ab-c 23 ')).toBe('ABC23');
  });
});
