import { randomUUID } from 'node:crypto';
import type {
  ApprovedQuestion,
  Broadcast,
  BroadcastPayloads,
  BroadcastType,
  LiveStatus,
  OpenPoll,
  ParticipantKind,
  PendingQuestion,
  PollResults,
  ReactionKind,
  Snapshot,
  TrainerCounters,
} from '@hocvuso/live-client/protocol';
import type { Redis } from 'ioredis';
import { liveControlChannel, type LiveKeys, liveKeys, type ThrottledKind } from './live-keys';

/** Snapshot fields kept in the Redis hash (JSON-encoded), besides `seq`. */
export interface SnapshotFields {
  status: LiveStatus;
  title: string;
  streamUrl: string;
  step: number;
  openPoll: OpenPoll | null;
  lastResults: PollResults | null;
  announcement: string | null;
}

/** A broadcast handed from the API or worker to every gateway over the control channel. */
export interface ControlMessage {
  sessionId: string;
  broadcast: Broadcast;
}

// INCR the sequence and write the snapshot fields in one step, so a snapshot and the sequence
// number it carries always agree. ARGV: field, value, field, value, …
const COMMIT = `
local seq = redis.call('INCR', KEYS[1])
for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[2], 'seq', seq)
return seq`;

// COMMIT for a request that only an open session accepts, with the check in the same step: -1
// (nothing written) when the snapshot is missing or its status is one of ARGV[1] (JSON-encoded,
// comma-separated). ARGV from 2: field, value, field, value, …
const COMMIT_WHILE_OPEN = `
local status = redis.call('HGET', KEYS[2], 'status')
if not status or string.find(',' .. ARGV[1] .. ',', ',' .. status .. ',', 1, true) then return -1 end
local seq = redis.call('INCR', KEYS[1])
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[2], 'seq', seq)
return seq`;

/** Statuses after which a session takes no more trainer commands. */
const CLOSED_STATUSES: readonly LiveStatus[] = ['ENDED', 'CANCELLED'];

// One answer per participant per poll: HSETNX decides, and only a first answer is tallied.
// Returns 1 counted, 0 already answered, -1 poll not open, -2 no such option.
const ANSWER = `
local options = tonumber(redis.call('GET', KEYS[1]))
if not options then return -1 end
local option = tonumber(ARGV[2])
if option < 0 or option >= options then return -2 end
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2] .. '|' .. ARGV[3]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
redis.call('HINCRBY', KEYS[3], ARGV[3] .. ':' .. ARGV[2], 1)
redis.call('SET', KEYS[4], '1')
return 1`;

// Closing removes the open marker first: no answer can be counted after the answers are read.
const CLOSE_POLL = `
if redis.call('DEL', KEYS[1]) == 0 then return false end
return redis.call('HGETALL', KEYS[2])`;

// Whether this caller gets to send the next throttled broadcast of a kind: something changed,
// and no gateway sent one within the window.
const TAKE_TURN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

const TAKE_REACTIONS = `
local counts = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
return counts`;

// An upvote counts once per participant and only for an approved question.
const UPVOTE = `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return -1 end
if redis.call('SADD', KEYS[2], ARGV[2]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
redis.call('SET', KEYS[4], '1')
return 1`;

/** How long throttled broadcasts keep apart: at most one a second per kind, across gateways. */
export const BROADCAST_INTERVAL_MS = 1_000;
const APPROVED_IN_SNAPSHOT = 50;

export interface PresenceEntry {
  kind: ParticipantKind;
  communeCode: string | null;
}

export interface PollAnswers {
  /** participant id → option */
  byParticipant: Map<string, { option: number; communeCode: string }>;
}

/**
 * A live session's shared state in Redis: snapshot, sequence, poll answers and tallies,
 * questions, reactions and presence. Any gateway reads and writes it, so any gateway can serve
 * any participant. Plain class (no Nest), shared by the gateway, the API and the worker.
 */
export class LiveState {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  keys(sessionId: string): LiveKeys {
    return liveKeys(this.prefix, sessionId);
  }

  /** Writes the fields a snapshot needs if they are missing (first join after a restart). */
  async ensureSnapshot(
    sessionId: string,
    fields: Pick<SnapshotFields, 'status' | 'title' | 'streamUrl'>,
  ): Promise<void> {
    const key = this.keys(sessionId).snapshot;
    const initial: SnapshotFields = {
      ...fields,
      step: 0,
      openPoll: null,
      lastResults: null,
      announcement: null,
    };
    const pipeline = this.redis.pipeline();
    for (const [field, value] of Object.entries(initial)) pipeline.hsetnx(key, field, JSON.stringify(value));
    pipeline.hsetnx(key, 'seq', '0');
    await pipeline.exec();
  }

  async hasSnapshot(sessionId: string): Promise<boolean> {
    return (await this.redis.hexists(this.keys(sessionId).snapshot, 'title')) === 1;
  }

  async snapshotFields(sessionId: string): Promise<(SnapshotFields & { seq: number }) | null> {
    return parseSnapshotFields(await this.redis.hgetall(this.keys(sessionId).snapshot));
  }

  /**
   * The snapshot a participant receives, with the counters and approved questions of now: one
   * pipeline (every join asks for one), a second only when there are approved questions.
   */
  async snapshot(sessionId: string, you: Snapshot['you']): Promise<Snapshot | null> {
    const keys = this.keys(sessionId);
    const [raw, ids, [persons, venues], headcounts] = replies<
      [Record<string, string>, string[], (string | null)[], string[]]
    >(
      await this.redis
        .pipeline()
        .hgetall(keys.snapshot)
        .zrange(keys.approved, String(-APPROVED_IN_SNAPSHOT), '-1')
        .hmget(keys.presence, 'persons', 'venues')
        .hvals(keys.headcounts)
        .exec(),
    );
    const fields = parseSnapshotFields(raw);
    if (!fields) return null;
    const questions = await this.questionsById(sessionId, ids);
    const headcountTotal = headcounts.reduce((total, value) => total + Number(value.split('|')[1]), 0);
    const counters = {
      connected: Number(persons ?? 0) + Number(venues ?? 0),
      people: Number(persons ?? 0) + headcountTotal,
      venues: Number(venues ?? 0),
    };
    return { sessionId, ...fields, questions, counters, you };
  }

  /**
   * Takes the next sequence number for a broadcast and applies its snapshot fields in the same
   * step. The caller delivers the returned broadcast (socket.io adapter or control channel).
   */
  async commit<K extends BroadcastType>(
    sessionId: string,
    type: K,
    data: BroadcastPayloads[K],
    fields: Partial<SnapshotFields> = {},
  ): Promise<Broadcast> {
    const keys = this.keys(sessionId);
    const args = Object.entries(fields).flatMap(([field, value]) => [field, JSON.stringify(value)]);
    const seq = Number(await this.redis.eval(COMMIT, 2, keys.seq, keys.snapshot, ...args));
    return { seq, type, data } as Broadcast;
  }

  /**
   * `commit`, unless the session is closed (ENDED, CANCELLED) or has no snapshot: then null and
   * nothing is written. One round trip, and no end can slip in between the check and the commit.
   */
  async commitWhileOpen<K extends BroadcastType>(
    sessionId: string,
    type: K,
    data: BroadcastPayloads[K],
    fields: Partial<SnapshotFields> = {},
  ): Promise<Broadcast | null> {
    const keys = this.keys(sessionId);
    const closed = CLOSED_STATUSES.map((status) => JSON.stringify(status)).join(',');
    const args = Object.entries(fields).flatMap(([field, value]) => [field, JSON.stringify(value)]);
    const seq = Number(await this.redis.eval(COMMIT_WHILE_OPEN, 2, keys.seq, keys.snapshot, closed, ...args));
    return seq < 0 ? null : ({ seq, type, data } as Broadcast);
  }

  /** Hands a committed broadcast to every gateway (from processes without socket.io). */
  async publishToGateways(sessionId: string, broadcast: Broadcast): Promise<void> {
    const message: ControlMessage = { sessionId, broadcast };
    await this.redis.publish(liveControlChannel(this.prefix), JSON.stringify(message));
  }

  /**
   * Lets every key of a finished session expire: the final tallies are in PostgreSQL by now, and
   * a late reconnect within the grace period still finds its snapshot.
   */
  async expireSession(sessionId: string, seconds: number): Promise<number> {
    const base = this.keys(sessionId).seq.replace(/:seq$/, '');
    const pattern = `${base.replace(/[{}[\]*?\\]/g, (c) => `\\${c}`)}:*`;
    let cursor = '0';
    let expired = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) {
        const pipeline = this.redis.pipeline();
        for (const key of keys) pipeline.expire(key, seconds);
        await pipeline.exec();
        expired += keys.length;
      }
    } while (cursor !== '0');
    return expired;
  }

  // ---- polls

  async openPoll(sessionId: string, pollId: string, optionCount: number): Promise<void> {
    await this.redis.set(this.keys(sessionId).pollOpen(pollId), String(optionCount));
  }

  async answerPoll(
    sessionId: string,
    pollId: string,
    participantId: string,
    option: number,
    communeCode: string | null,
  ): Promise<'counted' | 'duplicate' | 'not-open' | 'invalid-option'> {
    const keys = this.keys(sessionId);
    const result = Number(
      await this.redis.eval(
        ANSWER,
        4,
        keys.pollOpen(pollId),
        keys.pollAnswers(pollId),
        keys.pollTallies(pollId),
        keys.dirty('results'),
        participantId,
        String(option),
        communeCode ?? '-',
      ),
    );
    return result === 1 ? 'counted' : result === 0 ? 'duplicate' : result === -1 ? 'not-open' : 'invalid-option';
  }

  /** The running tallies of an open poll (overall and per commune), from the counters. */
  async runningTallies(
    sessionId: string,
    pollId: string,
    optionCount: number,
  ): Promise<{ tallies: number[]; byCommune: Record<string, number[]> }> {
    const raw = await this.redis.hgetall(this.keys(sessionId).pollTallies(pollId));
    const tallies = new Array<number>(optionCount).fill(0);
    const byCommune: Record<string, number[]> = {};
    for (const [field, value] of Object.entries(raw)) {
      const [first, second] = field.split(':');
      if (second === undefined) tallies[Number(first)] = Number(value);
      else (byCommune[first] ??= new Array<number>(optionCount).fill(0))[Number(second)] = Number(value);
    }
    return { tallies, byCommune };
  }

  /**
   * Closes a poll and returns its final tallies, computed from the distinct answers themselves
   * (not the running counters): what is stored equals what was received, one per participant.
   * Null when the poll was not open.
   */
  async closePoll(
    sessionId: string,
    pollId: string,
    optionCount: number,
  ): Promise<{ tallies: number[]; byCommune: Record<string, number[]>; total: number } | null> {
    const keys = this.keys(sessionId);
    const flat = (await this.redis.eval(CLOSE_POLL, 2, keys.pollOpen(pollId), keys.pollAnswers(pollId))) as
      string[] | null;
    if (flat === null) return null;
    const tallies = new Array<number>(optionCount).fill(0);
    const byCommune: Record<string, number[]> = {};
    for (let i = 1; i < flat.length; i += 2) {
      const [option, communeCode] = flat[i].split('|');
      tallies[Number(option)]++;
      (byCommune[communeCode] ??= new Array<number>(optionCount).fill(0))[Number(option)]++;
    }
    return { tallies, byCommune, total: flat.length / 2 };
  }

  // ---- throttled broadcasts

  /** Whether the caller sends the next broadcast of `kind` (see TAKE_TURN). */
  async takeTurn(sessionId: string, kind: ThrottledKind): Promise<boolean> {
    const keys = this.keys(sessionId);
    return (
      Number(
        await this.redis.eval(TAKE_TURN, 2, keys.dirty(kind), keys.throttle(kind), String(BROADCAST_INTERVAL_MS)),
      ) === 1
    );
  }

  /** Adds one gateway's reaction counts of the last moment to the session's. */
  async addReactions(sessionId: string, counts: Map<ReactionKind, number>): Promise<void> {
    if (counts.size === 0) return;
    const keys = this.keys(sessionId);
    const pipeline = this.redis.pipeline();
    for (const [kind, n] of counts) pipeline.hincrby(keys.reactions, kind, n);
    pipeline.set(keys.dirty('reactions'), '1');
    await pipeline.exec();
  }

  async takeReactions(sessionId: string): Promise<Partial<Record<ReactionKind, number>>> {
    const flat = (await this.redis.eval(TAKE_REACTIONS, 1, this.keys(sessionId).reactions)) as string[];
    const counts: Partial<Record<ReactionKind, number>> = {};
    for (let i = 0; i < flat.length; i += 2) counts[flat[i] as ReactionKind] = Number(flat[i + 1]);
    return counts;
  }

  // ---- questions

  /** False while the participant's previous question is under a minute old. */
  async mayAsk(sessionId: string, participantId: string): Promise<boolean> {
    return (await this.redis.set(this.keys(sessionId).askCooldown(participantId), '1', 'EX', 60, 'NX')) === 'OK';
  }

  async addQuestion(sessionId: string, question: Omit<PendingQuestion, 'id' | 'askedAt'>): Promise<PendingQuestion> {
    const stored: PendingQuestion & { status: 'PENDING' } = {
      ...question,
      id: randomUUID(),
      askedAt: new Date().toISOString(),
      status: 'PENDING',
    };
    await this.redis.hset(this.keys(sessionId).questions, stored.id, JSON.stringify(stored));
    const { status: _status, ...pending } = stored;
    return pending;
  }

  /** Marks a question approved or hidden; returns it (with its upvotes) and its previous status. */
  async moderate(
    sessionId: string,
    questionId: string,
    decision: 'APPROVED' | 'HIDDEN',
  ): Promise<{ question: ApprovedQuestion; previous: string } | null> {
    const keys = this.keys(sessionId);
    const raw = await this.redis.hget(keys.questions, questionId);
    if (!raw) return null;
    const stored = JSON.parse(raw) as PendingQuestion & { status: string };
    const pipeline = this.redis
      .pipeline()
      .hset(keys.questions, questionId, JSON.stringify({ ...stored, decision, status: decision }));
    if (decision === 'APPROVED') pipeline.zadd(keys.approved, Date.now(), questionId);
    else pipeline.zrem(keys.approved, questionId);
    pipeline.hget(keys.upvotes, questionId);
    const results = await pipeline.exec();
    const upvotes = Number(results?.[2]?.[1] ?? 0);
    return {
      question: { id: stored.id, text: stored.text, askedBy: stored.askedBy, communeCode: stored.communeCode, upvotes },
      previous: stored.status,
    };
  }

  async upvote(
    sessionId: string,
    questionId: string,
    participantId: string,
  ): Promise<'counted' | 'duplicate' | 'not-found'> {
    const keys = this.keys(sessionId);
    const result = Number(
      await this.redis.eval(
        UPVOTE,
        4,
        keys.approved,
        keys.voters(questionId),
        keys.upvotes,
        keys.dirty('upvotes'),
        questionId,
        participantId,
      ),
    );
    return result === 1 ? 'counted' : result === 0 ? 'duplicate' : 'not-found';
  }

  async upvoteCounts(sessionId: string): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(this.keys(sessionId).upvotes);
    return Object.fromEntries(Object.entries(raw).map(([id, n]) => [id, Number(n)]));
  }

  /** The approved questions of these ids (the latest APPROVED_IN_SNAPSHOT), with their upvotes. */
  private async questionsById(sessionId: string, ids: string[]): Promise<ApprovedQuestion[]> {
    if (ids.length === 0) return [];
    const keys = this.keys(sessionId);
    const [raws, votes] = await Promise.all([
      this.redis.hmget(keys.questions, ...ids),
      this.redis.hmget(keys.upvotes, ...ids),
    ]);
    return raws.flatMap((raw, i) => {
      if (!raw) return [];
      const q = JSON.parse(raw) as PendingQuestion;
      return [
        { id: q.id, text: q.text, askedBy: q.askedBy, communeCode: q.communeCode, upvotes: Number(votes[i] ?? 0) },
      ];
    });
  }

  // ---- presence and counters

  /** Applies presence moves (session → counter field → delta, see presenceMoves) in one pipeline. */
  async movePresence(moves: ReadonlyMap<string, ReadonlyMap<string, number>>): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const [sessionId, fields] of moves) {
      const key = this.keys(sessionId).presence;
      for (const [field, delta] of fields) if (delta !== 0) pipeline.hincrby(key, field, delta);
    }
    if (pipeline.length > 0) await pipeline.exec();
  }

  async setHeadcount(sessionId: string, venueId: string, communeCode: string, headcount: number): Promise<void> {
    await this.redis.hset(this.keys(sessionId).headcounts, venueId, `${communeCode}|${headcount}`);
  }

  /** Connected persons and venues, and people (persons plus venue headcounts), overall and by commune. */
  async counters(sessionId: string): Promise<TrainerCounters> {
    const keys = this.keys(sessionId);
    const [presence, headcounts] = await Promise.all([
      this.redis.hgetall(keys.presence),
      this.redis.hgetall(keys.headcounts),
    ]);
    const byCommune: TrainerCounters['byCommune'] = {};
    const commune = (code: string) => (byCommune[code] ??= { connected: 0, people: 0, venues: 0 });
    for (const [field, value] of Object.entries(presence)) {
      const [kind, code] = field.split(':');
      if (code === undefined || code === '-') continue;
      const n = Number(value);
      if (kind === 'p') {
        commune(code).connected += n;
        commune(code).people += n;
      } else if (kind === 'v') {
        commune(code).connected += n;
        commune(code).venues += n;
      }
    }
    let headcountTotal = 0;
    for (const value of Object.values(headcounts)) {
      const [code, count] = value.split('|');
      headcountTotal += Number(count);
      commune(code).people += Number(count);
    }
    const persons = Number(presence.persons ?? 0);
    const venues = Number(presence.venues ?? 0);
    return { connected: persons + venues, people: persons + headcountTotal, venues, byCommune };
  }
}

function parseSnapshotFields(raw: Record<string, string>): (SnapshotFields & { seq: number }) | null {
  if (!raw.title) return null;
  return {
    status: JSON.parse(raw.status) as LiveStatus,
    title: JSON.parse(raw.title) as string,
    streamUrl: JSON.parse(raw.streamUrl) as string,
    step: JSON.parse(raw.step ?? '0') as number,
    openPoll: JSON.parse(raw.openPoll ?? 'null') as OpenPoll | null,
    lastResults: JSON.parse(raw.lastResults ?? 'null') as PollResults | null,
    announcement: JSON.parse(raw.announcement ?? 'null') as string | null,
    seq: Number(raw.seq ?? 0),
  };
}

/** The replies of a pipeline, or its first error. */
function replies<T extends unknown[]>(results: [Error | null, unknown][] | null): T {
  if (!results) throw new Error('pipeline discarded');
  for (const [error] of results) if (error) throw error;
  return results.map(([, value]) => value) as T;
}

/**
 * The presence counters one arrival (`delta` 1) or departure (-1) moves: persons or venues,
 * overall and in the commune. Trainers are not counted.
 */
export function presenceMoves(entry: PresenceEntry, delta: 1 | -1): Map<string, number> {
  if (entry.kind === 'TRAINER') return new Map();
  const code = entry.communeCode ?? '-';
  const venue = entry.kind === 'VENUE';
  return new Map([
    [venue ? 'venues' : 'persons', delta],
    [`${venue ? 'v' : 'p'}:${code}`, delta],
  ]);
}
