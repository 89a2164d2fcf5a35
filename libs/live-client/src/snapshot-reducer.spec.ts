import type { Snapshot } from './protocol';
import { applyBroadcast } from './snapshot-reducer';

const base: Snapshot = {
  sessionId: 's1',
  seq: 4,
  status: 'LIVE',
  title: 'Lớp học',
  streamUrl: 'https://stream.example.vn/1',
  step: 0,
  openPoll: null,
  lastResults: null,
  announcement: null,
  questions: [],
  counters: { connected: 1, people: 1, venues: 0 },
  you: { participantId: 'p1', kind: 'GUEST', displayName: 'Bà Tư', communeCode: '11953' },
};

describe('applying broadcasts to a snapshot', () => {
  it('moves the sequence number and the field each broadcast changes', () => {
    const stepped = applyBroadcast(base, { seq: 5, type: 'step', data: { step: 2 } });
    expect(stepped).toMatchObject({ seq: 5, step: 2 });
    const poll = { id: 'q1', kind: 'POLL' as const, question: 'Có?', options: ['Có', 'Không'], openedAt: '' };
    const opened = applyBroadcast(stepped, { seq: 6, type: 'poll:opened', data: poll });
    expect(opened.openPoll).toEqual(poll);
    const results = { pollId: 'q1', tallies: [1, 0], total: 1, closed: true, correctOption: null };
    const closed = applyBroadcast(opened, { seq: 7, type: 'poll:closed', data: results });
    expect(closed).toMatchObject({ seq: 7, openPoll: null, lastResults: results });
  });

  it('applies question approvals idempotently and upvotes by id', () => {
    const question = { id: 'x', text: 'Hỏi', askedBy: 'A', communeCode: null, upvotes: 0 };
    const once = applyBroadcast(base, { seq: 5, type: 'question:approved', data: question });
    const twice = applyBroadcast(once, { seq: 6, type: 'question:approved', data: question });
    expect(twice.questions).toEqual([question]);
    const voted = applyBroadcast(twice, { seq: 7, type: 'question:upvotes', data: { upvotes: { x: 3 } } });
    expect(voted.questions[0].upvotes).toBe(3);
    expect(applyBroadcast(voted, { seq: 8, type: 'question:hidden', data: { questionId: 'x' } }).questions).toEqual([]);
  });
});
