/**
 * Every Redis key of a live session. The session id sits in a hash tag (`{…}`) so all of a
 * session's keys land on one shard of a Redis Cluster and its Lua scripts stay single-shard.
 */
export function liveKeys(prefix: string, sessionId: string) {
  const base = `${prefix}:live:{${sessionId}}`;
  return {
    /** INCR per broadcast: the session's sequence number */
    seq: `${base}:seq`,
    /** hash of JSON-encoded snapshot fields, `seq` included */
    snapshot: `${base}:snapshot`,
    /** hash question id → JSON question (pending, approved or hidden) */
    questions: `${base}:questions`,
    /** sorted set of approved question ids by approval time */
    approved: `${base}:questions:approved`,
    /** hash question id → upvotes */
    upvotes: `${base}:upvotes`,
    voters: (questionId: string) => `${base}:question:${questionId}:voters`,
    /** set while a participant may not ask again (one question a minute) */
    askCooldown: (participantId: string) => `${base}:ask:${participantId}`,
    /** option count while the poll is open; absent once closed */
    pollOpen: (pollId: string) => `${base}:poll:${pollId}:open`,
    /** hash participant id → "option|communeCode": one answer per participant */
    pollAnswers: (pollId: string) => `${base}:poll:${pollId}:answers`,
    /** hash option → count and "communeCode:option" → count */
    pollTallies: (pollId: string) => `${base}:poll:${pollId}:tallies`,
    /** hash reaction kind → count since the last broadcast */
    reactions: `${base}:reactions`,
    /** something changed since the last broadcast of that kind */
    dirty: (kind: ThrottledKind) => `${base}:dirty:${kind}`,
    /** exists for a second after a broadcast of that kind, whichever gateway sent it */
    throttle: (kind: ThrottledKind) => `${base}:throttle:${kind}`,
    /** hash: persons, venues, and per commune "p:<code>", "v:<code>" (connected sockets) */
    presence: `${base}:presence`,
    /** hash venue id → "communeCode|headcount" (the latest report) */
    headcounts: `${base}:headcounts`,
  };
}

export type ThrottledKind = 'results' | 'reactions' | 'upvotes';
export type LiveKeys = ReturnType<typeof liveKeys>;

/** The channel on which the API and the worker hand status broadcasts to every gateway. */
export function liveControlChannel(prefix: string): string {
  return `${prefix}:live:control`;
}

/** The socket.io rooms of a session: everyone, and its trainers. */
export const liveRooms = {
  audience: (sessionId: string) => `s:${sessionId}`,
  trainers: (sessionId: string) => `t:${sessionId}`,
};
