import type { Broadcast, Snapshot } from './protocol';

/** Keeps a client's copy of the session current: the snapshot a broadcast leads to. */
export function applyBroadcast(snapshot: Snapshot, broadcast: Broadcast): Snapshot {
  const next: Snapshot = { ...snapshot, seq: broadcast.seq };
  switch (broadcast.type) {
    case 'status':
      return { ...next, status: broadcast.data.status };
    case 'step':
      return { ...next, step: broadcast.data.step };
    case 'poll:opened':
      return { ...next, openPoll: broadcast.data, lastResults: null };
    case 'poll:results':
      return { ...next, lastResults: broadcast.data };
    case 'poll:closed':
      return { ...next, openPoll: null, lastResults: broadcast.data };
    case 'announcement':
      return { ...next, announcement: broadcast.data.text };
    case 'question:approved':
      return {
        ...next,
        questions: [...snapshot.questions.filter((q) => q.id !== broadcast.data.id), broadcast.data],
      };
    case 'question:hidden':
      return { ...next, questions: snapshot.questions.filter((q) => q.id !== broadcast.data.questionId) };
    case 'question:upvotes': {
      const upvotes = broadcast.data.upvotes;
      return { ...next, questions: snapshot.questions.map((q) => ({ ...q, upvotes: upvotes[q.id] ?? q.upvotes })) };
    }
    case 'reactions':
      return next;
    default: {
      const unknown: never = broadcast;
      return { ...next, ...(unknown as object) } as Snapshot;
    }
  }
}
