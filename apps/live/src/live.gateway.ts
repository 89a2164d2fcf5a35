import { randomUUID } from 'node:crypto';
import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import {
  type ControlMessage,
  liveControlChannel,
  LiveError,
  LivePollKind,
  liveRooms,
  LiveSessionsService,
  LiveState,
  type ParticipantClaims,
  ParticipantTokenError,
  ParticipantTokenSigner,
  presenceMoves,
  type SnapshotFields,
} from '@hocvuso/live';
import {
  type Ack,
  type Broadcast,
  BROADCAST_EVENT,
  type BroadcastPayloads,
  type BroadcastType,
  type ConnectRefusal,
  LiveConnectErrorCode,
  LiveProtocolErrorCode,
  liveProtocolErrorMessages,
  type LiveStatus,
  type PollResults,
  type ReactionKind,
  type RequestMap,
  type RequestName,
  type Snapshot,
  TRAINER_EVENT,
  TRAINER_REQUESTS,
  type TrainerUpdate,
} from '@hocvuso/live-client/protocol';
import { createRedisClient } from '@hocvuso/redis';
import type { Redis } from 'ioredis';
import { Counter, Gauge, Registry } from 'prom-client';
import type { Server, Socket } from 'socket.io';
import { GatewayAttendance } from './gateway-attendance';
import { type InboundPayload, inboundSchemas, isRequestName } from './inbound.schemas';
import { PresenceBatch } from './presence-batch';
import { SlowSocketGuard } from './slow-socket-guard';
import { Admission, TokenBucket } from './token-bucket';

/** A refused request: answered as `{ ok: false, code, message }`. */
class ProtocolFailure extends Error {
  constructor(readonly code: LiveProtocolErrorCode) {
    super(code);
  }
}

/** What this gateway keeps per session it serves: local counts, flushed to Redis each tick. */
interface LocalSession {
  sessionId: string;
  sockets: number;
  trainers: number;
  reactions: Map<ReactionKind, number>;
  lastCountersAt: number;
}

interface SocketData {
  claims: ParticipantClaims;
  /** the inbound rate limit, created with the socket's first request (most sockets only listen) */
  bucket?: TokenBucket;
}

type LiveSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;
type Handler<K extends RequestName> = (
  socket: LiveSocket,
  claims: ParticipantClaims,
  payload: InboundPayload<K>,
) => Promise<RequestMap[K]['result']>;

const CLOSED_STATUSES: readonly LiveStatus[] = ['ENDED', 'CANCELLED'];
/** What a socket's handshake keeps once admitted: the token is verified, its claims are in `data`. */
const ADMITTED_AUTH: Readonly<Record<string, never>> = Object.freeze({});
/** Inbound events per socket: a steady 5 a second, bursts of 10 (a human taps, a bot floods). */
const SOCKET_EVENTS_PER_SECOND = 5;
const SOCKET_EVENT_BURST = 10;
const TICK_MS = 250;
/**
 * How long a gateway admits connections on a session status it read (a burst of joins reads it
 * once). A status broadcast on the control channel drops it at once, so an end is seen without
 * waiting for this; the snapshot each participant then receives is read fresh.
 */
const STATUS_CACHE_MS = 1_000;
const COUNTERS_INTERVAL_MS = 1_000;

/**
 * The live-session gateway. Connections are admitted at a bounded rate, then authenticated by
 * their participant token; each gets the session snapshot, sequenced broadcasts and, for
 * trainers, counters and questions to moderate. Nothing a participant sends is relayed as is:
 * answers, reactions and upvotes are aggregated in Redis and broadcast at most once a second.
 */
@WebSocketGateway()
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly admission: Admission;
  private readonly sessions = new Map<string, LocalSession>();
  private readonly statuses = new Map<string, { status: Promise<LiveStatus | null>; until: number }>();
  private readonly control: Redis;
  private ticker: NodeJS.Timeout | null = null;
  private ticking = false;
  private readonly refusedConnections: Counter<'code'>;
  private readonly refusedRequests: Counter<'code'>;
  private readonly attendance: GatewayAttendance;
  private readonly slowSockets: SlowSocketGuard;
  private slowSocketsUnwatched = false;
  private readonly presence: PresenceBatch;

  @WebSocketServer()
  server: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly liveSessions: LiveSessionsService,
    private readonly state: LiveState,
    private readonly tokens: ParticipantTokenSigner,
    registry: Registry,
  ) {
    this.admission = new Admission(config.LIVE_ADMISSION_PER_SECOND);
    this.presence = new PresenceBatch((moves) => this.state.movePresence(moves));
    this.control = createRedisClient(config.REDIS_URL, 'live-control-sub');
    this.attendance = new GatewayAttendance(config, registry);
    const server = () => this.server;
    new Gauge({
      name: 'hocvuso_live_sockets',
      help: 'Sockets connected to this gateway',
      registers: [registry],
      collect() {
        this.set(server()?.engine?.clientsCount ?? 0);
      },
    });
    this.refusedConnections = new Counter({
      name: 'hocvuso_live_refused_connections_total',
      help: 'Connections this gateway refused, by reason',
      labelNames: ['code'],
      registers: [registry],
    });
    this.refusedRequests = new Counter({
      name: 'hocvuso_live_refused_requests_total',
      help: 'Requests answered with an error, by code',
      labelNames: ['code'],
      registers: [registry],
    });
    const coalesced = new Counter({
      name: 'hocvuso_live_coalesced_total',
      help: 'State updates dropped for a backed-up socket because a later one of the same kind replaced them',
      labelNames: ['kind'],
      registers: [registry],
    });
    const slow = new Gauge({
      name: 'hocvuso_live_slow_sockets',
      help: 'Sockets with more than LIVE_SLOW_SOCKET_BUFFER_BYTES waiting, which get the latest state only',
      registers: [registry],
    });
    this.slowSockets = new SlowSocketGuard(config.LIVE_SLOW_SOCKET_BUFFER_BYTES, {
      coalesced: (kind) => coalesced.inc({ kind }),
      behind: (behind) => (behind ? slow.inc() : slow.dec()),
    });
  }

  afterInit(server: Server): void {
    server.use((socket, next) => {
      this.admit(socket as LiveSocket).then(
        (refusal) => {
          if (refusal) this.refusedConnections.inc({ code: refusal.code });
          next(refusal ? refusalError(refusal) : undefined);
        },
        (error: unknown) => {
          this.logger.error({ err: error }, 'admission failed');
          next(new Error('INTERNAL'));
        },
      );
    });
    void this.control.subscribe(liveControlChannel(this.config.REDIS_KEY_PREFIX));
    this.control.on('message', (_channel: string, message: string) => this.onControl(message));
    this.ticker = setInterval(() => void this.tick(), TICK_MS);
    this.ticker.unref();
    this.attendance.start();
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const claims = socket.data.claims;
    if (!claims) return;
    const { sessionId } = claims;
    if (!this.slowSockets.watch(socket) && !this.slowSocketsUnwatched) {
      this.slowSocketsUnwatched = true;
      this.logger.warn('socket.io internals changed: slow sockets are not coalesced (see slow-socket-guard.ts)');
    }
    this.attendance.record(claims, 'JOIN');
    // Requests are answered from the first moment; broadcasts sent before the snapshot below
    // are sorted out by the client (it keeps those numbered after the snapshot).
    socket.onAny(this.onRequest);
    const local = this.localSession(sessionId);
    // One copy of the session id for all its sockets, not one per decoded token.
    claims.sessionId = local.sessionId;
    local.sockets++;
    if (claims.kind === 'TRAINER') local.trainers++;
    await socket.join(liveRooms.audience(sessionId));
    if (claims.kind === 'TRAINER') await socket.join(liveRooms.trainers(sessionId));
    try {
      await this.presence.move(sessionId, presenceMoves(claims, 1));
      const snapshot = await this.snapshotFor(claims);
      (socket as unknown as Socket).emit('s', snapshot);
    } catch (error) {
      // The status admitted by may be what failed (a snapshot gone with a restarted Redis): read it again.
      this.statuses.delete(sessionId);
      this.logger.error({ err: error, sessionId }, 'join failed');
      socket.disconnect(true);
    }
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    const claims = socket.data.claims;
    if (!claims) return;
    this.attendance.record(claims, 'LEAVE');
    const local = this.sessions.get(claims.sessionId);
    if (local) {
      local.sockets--;
      if (claims.kind === 'TRAINER') local.trainers--;
    }
    await this.presence.move(claims.sessionId, presenceMoves(claims, -1)).catch((error: Error) => {
      this.logger.warn(`presence leave failed: ${error.message}`);
    });
  }

  /**
   * Stops the cadence after a last flush of local counts. The server and its sockets are closed
   * by LiveIoAdapter.dispose, so clients reconnect to another gateway right away.
   */
  async onApplicationShutdown(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    await this.tick().catch(() => undefined);
    await this.attendance.close();
    await this.control.quit().catch(() => undefined);
  }

  // ---- connecting

  /** Origin, admission rate, token and session status, in order of cost. */
  private async admit(socket: LiveSocket): Promise<ConnectRefusal | null> {
    const origin = socket.handshake.headers.origin;
    // Browsers always send Origin; apps and servers send none and are not a CSRF vector.
    if (origin !== undefined && !this.config.LIVE_ALLOWED_ORIGINS.includes(origin)) {
      return refusal(LiveConnectErrorCode.ORIGIN_NOT_ALLOWED);
    }
    // A full attendance buffer (Redis away for long) admits nobody new rather than drop a join.
    if (this.attendance.full) {
      return { ...refusal(LiveConnectErrorCode.ADMISSION_LIMITED), retryAfterMs: this.config.LIVE_ATTENDANCE_FLUSH_MS };
    }
    const wait = this.admission.admit();
    if (wait !== null) return { ...refusal(LiveConnectErrorCode.ADMISSION_LIMITED), retryAfterMs: wait };
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (token === undefined) return refusal(LiveConnectErrorCode.TOKEN_MISSING);
    let claims: ParticipantClaims;
    try {
      claims = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof ParticipantTokenError) return refusal(LiveConnectErrorCode[error.code]);
      throw error;
    }
    const status = await this.sessionStatus(claims.sessionId);
    if (status === null) return refusal(LiveConnectErrorCode.TOKEN_INVALID);
    if (CLOSED_STATUSES.includes(status)) return refusal(LiveConnectErrorCode.SESSION_CLOSED);
    socket.data.claims = claims;
    // The token (~450 bytes) is verified and its claims are in `data`: nothing reads it again.
    socket.handshake.auth = ADMITTED_AUTH;
    return null;
  }

  /** The status admission goes by, read at most once per STATUS_CACHE_MS (see there). */
  private sessionStatus(sessionId: string): Promise<LiveStatus | null> {
    const now = Date.now();
    const cached = this.statuses.get(sessionId);
    if (cached && cached.until > now) return cached.status;
    const entry = { status: this.readSessionStatus(sessionId), until: now + STATUS_CACHE_MS };
    this.statuses.set(sessionId, entry);
    // A failed read is not remembered: the next connection tries again.
    entry.status.catch(() => {
      if (this.statuses.get(sessionId) === entry) this.statuses.delete(sessionId);
    });
    return entry.status;
  }

  /** From the Redis snapshot; the first join after a cold start seeds it from PostgreSQL. */
  private async readSessionStatus(sessionId: string): Promise<LiveStatus | null> {
    const fields = await this.state.snapshotFields(sessionId);
    if (fields) return fields.status;
    const session = await this.liveSessions.sessionForGateway(sessionId);
    if (!session) return null;
    await this.state.ensureSnapshot(sessionId, {
      status: session.status,
      title: session.title,
      streamUrl: session.streamUrl,
    });
    return (await this.state.snapshotFields(sessionId))?.status ?? null;
  }

  private async snapshotFor(claims: ParticipantClaims): Promise<Snapshot> {
    const snapshot = await this.state.snapshot(claims.sessionId, {
      participantId: claims.participantId,
      kind: claims.kind,
      displayName: claims.displayName,
      communeCode: claims.communeCode,
    });
    if (!snapshot) throw new ProtocolFailure(LiveProtocolErrorCode.SESSION_CLOSED);
    return snapshot;
  }

  // ---- requests

  /** The listener of every socket's inbound events: one function, socket.io calls it on the socket. */
  private readonly onRequest = onAnyListener((socket, event, args) => void this.dispatch(socket, event, args));

  /** Every inbound event ends in exactly one acknowledgement, whatever it carries. */
  private async dispatch(socket: LiveSocket, event: string, args: unknown[]): Promise<void> {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (answer: Ack<unknown>) => void) : null;
    const answer = await this.handle(socket, event, args).catch((error: unknown) => {
      if (error instanceof ProtocolFailure) return failure(error.code);
      this.logger.error({ err: error, event }, 'live request failed');
      return failure(LiveProtocolErrorCode.INTERNAL);
    });
    if (!answer.ok) this.refusedRequests.inc({ code: answer.code });
    try {
      ack?.(answer);
    } catch (error) {
      this.logger.warn({ err: error }, 'acknowledgement failed');
    }
  }

  private async handle(socket: LiveSocket, event: string, args: unknown[]): Promise<Ack<unknown>> {
    const claims = socket.data.claims;
    const bucket = (socket.data.bucket ??= new TokenBucket(SOCKET_EVENTS_PER_SECOND, SOCKET_EVENT_BURST));
    if (!bucket.take()) return { ...failure(LiveProtocolErrorCode.RATE_LIMITED), retryAfterMs: bucket.waitMs() };
    if (!isRequestName(event)) return failure(LiveProtocolErrorCode.UNKNOWN_EVENT);
    if (TRAINER_REQUESTS.includes(event) && claims.kind !== 'TRAINER')
      return failure(LiveProtocolErrorCode.TRAINER_ONLY);
    const parsed = inboundSchemas[event].safeParse(args.length === 0 ? undefined : args[0]);
    if (!parsed.success || args.length > 1) return failure(LiveProtocolErrorCode.INVALID_PAYLOAD);
    const handler = this.handlers[event] as Handler<typeof event>;
    return { ok: true, data: await handler(socket, claims, parsed.data as never) };
  }

  private readonly handlers: { [K in RequestName]: Handler<K> } = {
    snapshot: (_socket, claims) => this.snapshotFor(claims),

    'poll:answer': async (_socket, claims, { pollId, option }) => {
      const outcome = await this.state.answerPoll(
        claims.sessionId,
        pollId,
        claims.participantId,
        option,
        claims.communeCode,
      );
      if (outcome === 'not-open') throw new ProtocolFailure(LiveProtocolErrorCode.POLL_NOT_OPEN);
      if (outcome === 'invalid-option') throw new ProtocolFailure(LiveProtocolErrorCode.INVALID_OPTION);
      return { counted: outcome === 'counted' };
    },

    react: async (_socket, claims, { kind }) => {
      const reactions = this.localSession(claims.sessionId).reactions;
      reactions.set(kind, (reactions.get(kind) ?? 0) + 1);
      return {};
    },

    'question:ask': async (_socket, claims, { text }) => {
      await this.requireOpen(claims.sessionId);
      if (!(await this.state.mayAsk(claims.sessionId, claims.participantId))) {
        throw new ProtocolFailure(LiveProtocolErrorCode.QUESTION_TOO_SOON);
      }
      const question = await this.state.addQuestion(claims.sessionId, {
        text,
        askedBy: claims.displayName,
        communeCode: claims.communeCode,
      });
      this.toTrainers(claims.sessionId, { type: 'question:new', data: question });
      return { questionId: question.id };
    },

    'question:upvote': async (_socket, claims, { questionId }) => {
      const outcome = await this.state.upvote(claims.sessionId, questionId, claims.participantId);
      if (outcome === 'not-found') throw new ProtocolFailure(LiveProtocolErrorCode.QUESTION_NOT_FOUND);
      return { counted: outcome === 'counted' };
    },

    'step:set': async (_socket, claims, { step }) => {
      await this.broadcastWhileOpen(claims.sessionId, 'step', { step }, { step });
      return { step };
    },

    'poll:open': async (_socket, claims, poll) => {
      const fields = await this.requireOpen(claims.sessionId);
      if (fields.openPoll) throw new ProtocolFailure(LiveProtocolErrorCode.POLL_ALREADY_OPEN);
      const openPoll = {
        id: randomUUID(),
        kind: poll.kind,
        question: poll.question,
        options: poll.options,
        openedAt: new Date().toISOString(),
      };
      await this.liveSessions.recordPollOpened(claims.sessionId, claims.participantId, {
        ...openPoll,
        kind: poll.kind === 'QUIZ' ? LivePollKind.QUIZ : LivePollKind.POLL,
        correctOption: poll.correctOption ?? null,
        openedAt: new Date(openPoll.openedAt),
      });
      await this.state.openPoll(claims.sessionId, openPoll.id, openPoll.options.length);
      const broadcast = await this.state.commit(claims.sessionId, 'poll:opened', openPoll, {
        openPoll,
        lastResults: null,
      });
      await this.broadcast(claims.sessionId, broadcast);
      return { pollId: openPoll.id };
    },

    'poll:close': async (_socket, claims, { pollId }) => {
      const fields = await this.state.snapshotFields(claims.sessionId);
      const open = fields?.openPoll;
      if (!open || open.id !== pollId) throw new ProtocolFailure(LiveProtocolErrorCode.POLL_NOT_OPEN);
      const final = await this.state.closePoll(claims.sessionId, pollId, open.options.length);
      if (!final) throw new ProtocolFailure(LiveProtocolErrorCode.POLL_NOT_OPEN);
      const results: PollResults = {
        pollId,
        tallies: final.tallies,
        total: final.total,
        closed: true,
        correctOption: open.kind === 'QUIZ' ? await this.liveSessions.pollCorrectOption(pollId) : null,
      };
      await this.liveSessions.recordPollClosed(results, final.byCommune);
      const broadcast = await this.state.commit(claims.sessionId, 'poll:closed', results, {
        openPoll: null,
        lastResults: results,
      });
      await this.broadcast(claims.sessionId, broadcast);
      this.toTrainers(claims.sessionId, {
        type: 'poll:results-by-commune',
        data: { pollId, byCommune: final.byCommune },
      });
      return results;
    },

    'question:approve': async (_socket, claims, { questionId }) => {
      const moderated = await this.state.moderate(claims.sessionId, questionId, 'APPROVED');
      if (!moderated) throw new ProtocolFailure(LiveProtocolErrorCode.QUESTION_NOT_FOUND);
      if (moderated.previous !== 'APPROVED') {
        const broadcast = await this.state.commit(claims.sessionId, 'question:approved', moderated.question);
        await this.broadcast(claims.sessionId, broadcast);
      }
      return {};
    },

    'question:hide': async (_socket, claims, { questionId }) => {
      const moderated = await this.state.moderate(claims.sessionId, questionId, 'HIDDEN');
      if (!moderated) throw new ProtocolFailure(LiveProtocolErrorCode.QUESTION_NOT_FOUND);
      if (moderated.previous === 'APPROVED') {
        const broadcast = await this.state.commit(claims.sessionId, 'question:hidden', { questionId });
        await this.broadcast(claims.sessionId, broadcast);
      }
      return {};
    },

    'announcement:pin': async (_socket, claims, { text }) => {
      await this.broadcastWhileOpen(claims.sessionId, 'announcement', { text }, { announcement: text });
      return {};
    },

    // The status broadcast reaches everyone through the control channel, like an end from the API.
    'session:end': async (_socket, claims) => {
      try {
        return { status: await this.liveSessions.endByTrainer(claims.sessionId, claims.participantId) };
      } catch (error) {
        if (error instanceof LiveError) throw new ProtocolFailure(LiveProtocolErrorCode.SESSION_CLOSED);
        throw error;
      }
    },
  };

  private async requireOpen(sessionId: string) {
    const fields = await this.state.snapshotFields(sessionId);
    if (!fields || CLOSED_STATUSES.includes(fields.status))
      throw new ProtocolFailure(LiveProtocolErrorCode.SESSION_CLOSED);
    return fields;
  }

  // ---- fan-out

  /** Commits and broadcasts in one Redis round trip; refused when the session is closed. */
  private async broadcastWhileOpen<K extends BroadcastType>(
    sessionId: string,
    type: K,
    data: BroadcastPayloads[K],
    fields: Partial<SnapshotFields>,
  ): Promise<void> {
    const broadcast = await this.state.commitWhileOpen(sessionId, type, data, fields);
    if (!broadcast) throw new ProtocolFailure(LiveProtocolErrorCode.SESSION_CLOSED);
    await this.broadcast(sessionId, broadcast);
  }

  /** Published once to Redis by the adapter; every gateway delivers it to its own sockets. */
  private async broadcast(sessionId: string, broadcast: Broadcast): Promise<void> {
    this.server.to(liveRooms.audience(sessionId)).emit(BROADCAST_EVENT, broadcast);
  }

  private toTrainers(sessionId: string, update: TrainerUpdate): void {
    this.server.to(liveRooms.trainers(sessionId)).emit(TRAINER_EVENT, update);
  }

  /** A broadcast committed by the API or the worker: every gateway delivers it locally. */
  private onControl(raw: string): void {
    try {
      const { sessionId, broadcast } = JSON.parse(raw) as ControlMessage;
      this.server.local.to(liveRooms.audience(sessionId)).emit(BROADCAST_EVENT, broadcast);
      if (broadcast.type === 'status') {
        // Read afresh by the next connection (which also seeds a snapshot the status came before).
        this.statuses.delete(sessionId);
        if (broadcast.data.status === 'ENDED') void this.attendance.sessionEnded(sessionId);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'unreadable control message');
    }
  }

  // ---- local counts

  private localSession(sessionId: string): LocalSession {
    let local = this.sessions.get(sessionId);
    if (!local) {
      local = { sessionId, sockets: 0, trainers: 0, reactions: new Map(), lastCountersAt: 0 };
      this.sessions.set(sessionId, local);
    }
    return local;
  }

  /**
   * The aggregation cadence: hands local reaction counts to Redis, and takes this gateway's turn
   * at the throttled broadcasts (poll results, reactions, upvotes: at most one a second each,
   * whichever gateway sends it) and at its own trainers' counters.
   */
  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = Date.now();
      for (const [sessionId, { until }] of this.statuses) if (until <= now) this.statuses.delete(sessionId);
      for (const [sessionId, local] of this.sessions) {
        await this.tickSession(sessionId, local).catch((error: Error) => {
          this.logger.warn(`live tick for ${sessionId} failed: ${error.message}`);
        });
        if (local.sockets <= 0 && local.reactions.size === 0) this.sessions.delete(sessionId);
      }
    } finally {
      this.ticking = false;
    }
  }

  private async tickSession(sessionId: string, local: LocalSession): Promise<void> {
    const reactions = local.reactions;
    local.reactions = new Map();
    await this.state.addReactions(sessionId, reactions);
    if (await this.state.takeTurn(sessionId, 'results')) {
      const open = (await this.state.snapshotFields(sessionId))?.openPoll;
      if (open) {
        const { tallies, byCommune } = await this.state.runningTallies(sessionId, open.id, open.options.length);
        const results: PollResults = {
          pollId: open.id,
          tallies,
          total: tallies.reduce((a, b) => a + b, 0),
          closed: false,
          correctOption: null,
        };
        await this.broadcast(
          sessionId,
          await this.state.commit(sessionId, 'poll:results', results, { lastResults: results }),
        );
        this.toTrainers(sessionId, { type: 'poll:results-by-commune', data: { pollId: open.id, byCommune } });
      }
    }
    if (await this.state.takeTurn(sessionId, 'reactions')) {
      const counts = await this.state.takeReactions(sessionId);
      await this.broadcast(sessionId, await this.state.commit(sessionId, 'reactions', { counts }));
    }
    if (await this.state.takeTurn(sessionId, 'upvotes')) {
      const upvotes = await this.state.upvoteCounts(sessionId);
      await this.broadcast(sessionId, await this.state.commit(sessionId, 'question:upvotes', { upvotes }));
    }
    const now = Date.now();
    if (local.trainers > 0 && now - local.lastCountersAt >= COUNTERS_INTERVAL_MS) {
      local.lastCountersAt = now;
      const counters = await this.state.counters(sessionId);
      // Each gateway serves its own trainers: local emit, so nobody receives counters twice.
      this.server.local.to(liveRooms.trainers(sessionId)).emit(TRAINER_EVENT, { type: 'counters', data: counters });
    }
  }
}

/** A listener socket.io calls with the socket as `this`, so every socket can share it. */
function onAnyListener(dispatch: (socket: LiveSocket, event: string, args: unknown[]) => void) {
  return function onRequest(this: LiveSocket, event: string, ...args: unknown[]): void {
    dispatch(this, event, args);
  };
}

function refusal(code: LiveConnectErrorCode): ConnectRefusal {
  return { code, message: liveProtocolErrorMessages[code] };
}

function refusalError(refused: ConnectRefusal): Error {
  return Object.assign(new Error(refused.code), { data: refused });
}

function failure(code: LiveProtocolErrorCode): { ok: false; code: LiveProtocolErrorCode; message: string } {
  return { ok: false, code, message: liveProtocolErrorMessages[code] };
}
