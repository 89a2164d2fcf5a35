import { randomUUID } from 'node:crypto';
import { SupportPlace, SupportTask } from '../entities';
import { YouthErrorCode } from '../youth.errors';
import { checkVisit, type SupportVisitInput, visitContentHash } from './support-visit-rules';

const now = new Date('2025-07-15T03:00:00Z');
const visit = (overrides: Partial<SupportVisitInput> = {}): SupportVisitInput => ({
  id: '6f1c2b1e-8a4b-4c55-9a70-0b8f1f1f2a01',
  villageId: '0b5e8d2c-3f1a-4b7e-8c9d-1a2b3c4d5e6f',
  task: SupportTask.VNEID_ACTIVATION,
  place: SupportPlace.DOOR_TO_DOOR,
  occurredAt: '2025-07-14T09:30:00+07:00',
  minutes: 20,
  ...overrides,
});

describe('checkVisit', () => {
  it('accepts a well-formed visit and stores the instant in UTC', () => {
    const result = checkVisit(visit(), now);
    expect(result.ok && result.visit.occurredAt.toISOString()).toBe('2025-07-14T02:30:00.000Z');
  });

  it.each([
    [{ id: 'abc' }, YouthErrorCode.INVALID_VISIT_ID],
    [{ task: SupportTask.OTHER, note: '  ' }, YouthErrorCode.INVALID_VISIT_NOTE],
    [{ note: 'x'.repeat(501) }, YouthErrorCode.INVALID_VISIT_NOTE],
    [{ place: SupportPlace.VENUE }, YouthErrorCode.INVALID_VISIT_PLACE],
    [{ venueId: randomUUID() }, YouthErrorCode.INVALID_VISIT_PLACE],
    [{ minutes: 0 }, YouthErrorCode.INVALID_MINUTES],
    [{ minutes: 12.5 }, YouthErrorCode.INVALID_MINUTES],
    [{ minutes: 481 }, YouthErrorCode.INVALID_MINUTES],
    [{ occurredAt: '2025-07-14 09:30' }, YouthErrorCode.INVALID_OCCURRED_AT],
    [{ occurredAt: '2025-07-14T09:30:00' }, YouthErrorCode.INVALID_OCCURRED_AT],
    [{ occurredAt: '2025-07-16T09:30:00+07:00' }, YouthErrorCode.INVALID_OCCURRED_AT],
    [{ occurredAt: '2024-01-01T09:30:00+07:00' }, YouthErrorCode.INVALID_OCCURRED_AT],
    [{ villageId: 'thon-dong' }, YouthErrorCode.VISIT_VILLAGE_NOT_FOUND],
    [{ residentId: '12' }, YouthErrorCode.VISIT_RESIDENT_NOT_FOUND],
  ])('refuses %o with %s', (overrides, code) => {
    expect(checkVisit(visit(overrides as Partial<SupportVisitInput>), now)).toEqual({ ok: false, code });
  });
});

describe('visitContentHash', () => {
  const hashOf = (overrides: Partial<SupportVisitInput>, account = 'a1') => {
    const result = checkVisit(visit(overrides), now);
    if (!result.ok) throw new Error(result.code);
    return visitContentHash(result.visit, account);
  };

  it('is the same for the same visit written differently', () => {
    expect(hashOf({ occurredAt: '2025-07-14T02:30:00Z', note: ' Cài  VNeID ' })).toBe(
      hashOf({ occurredAt: '2025-07-14T09:30:00.000+07:00', note: 'Cài VNeID' }),
    );
  });

  it('differs when the content, or the recording account, differs', () => {
    expect(hashOf({ minutes: 21 })).not.toBe(hashOf({}));
    expect(hashOf({}, 'a2')).not.toBe(hashOf({}));
  });
});
