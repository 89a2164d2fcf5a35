import { io, type Socket } from 'socket.io-client';
import { admissionDelay, backoffDelay, type BackoffOptions } from './backoff';
import {
  type Ack,
  type Broadcast,
  BROADCAST_EVENT,
  type ConnectRefusal,
  LiveConnectErrorCode,
  LiveProtocolErrorCode,
  liveProtocolErrorMessages,
  type RequestMap,
  type RequestName,
  type Snapshot,
  TRAINER_EVENT,
  type TrainerUpdate,
} from './protocol';
import { applyBroadcast } from './snapshot-reducer';

export interface LiveClientOptions {
  /** the gateway URL from joinLiveSession */
  url: string;
  /** the participant token, or a function that fetches a fresh one (called on expiry) */
  token: string | (() => Promise<string>);
  backoff?: Partial<BackoffOptions>;
  /** Node only: headers of the websocket upgrade (tests send an Origin) */
  extraHeaders?: Record<string, string>;
  /** how long a request waits for its acknowledgement */
  requestTimeoutMs?: number;
  random?: () => number;
}

/** What a LiveClient tells its listeners. */
export interface LiveClientEvents {
  /** a fresh snapshot: on join, on every reconnect and after a gap */
  snapshot: (snapshot: Snapshot) => void;
  /** a broadcast applied in order */
  broadcast: (broadcast: Broadcast, snapshot: Snapshot) => void;
  /** a broadcast arrived with a sequence number past the next one: the snapshot is fetched again */
  gap: (gap: { expected: number; received: number }) => void;
  trainer: (update: TrainerUpdate) => void;
  /** the connection dropped; a reconnect is scheduled after `delayMs` */
  reconnecting: (info: { attempt: number; delayMs: number; reason: string }) => void;
  /** the gateway refused the connection for good (bad token, origin, closed session) */
  refused: (refusal: ConnectRefusal) => void;
}

const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 500, maxDelayMs: 30_000 };

type Listener<K extends keyof LiveClientEvents> = LiveClientEvents[K];

/**
 * A typed client of the live protocol: connects with a participant token, keeps the session
 * snapshot current from sequenced broadcasts, fetches the snapshot again on a gap or a
 * reconnect, honours admission refusals and reconnects with jittered exponential backoff.
 */
export class LiveClient {
  private socket: Socket | null = null;
  private current: Snapshot | null = null;
  /** broadcasts received while no snapshot is in hand (joining, resynchronising) */
  private pending: Broadcast[] = [];
  private resyncing = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly listeners = new Map<keyof LiveClientEvents, Set<(...args: never[]) => void>>();
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;
  private tokenValue: string | null;

  constructor(private readonly options: LiveClientOptions) {
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.random = options.random ?? Math.random;
    this.tokenValue = typeof options.token === 'string' ? options.token : null;
  }

  /** The session as this client knows it, or null before the first snapshot. */
  get snapshot(): Snapshot | null {
    return this.current;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  on<K extends keyof LiveClientEvents>(event: K, listener: Listener<K>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (...args: never[]) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (...args: never[]) => void);
  }

  /** Resolves with the first snapshot; rejects if the gateway refuses the connection for good. */
  connect(): Promise<Snapshot> {
    this.closed = false;
    return new Promise<Snapshot>((resolve, reject) => {
      const offSnapshot = this.on('snapshot', (snapshot) => {
        offSnapshot();
        offRefused();
        resolve(snapshot);
      });
      const offRefused = this.on('refused', (refusal) => {
        offSnapshot();
        offRefused();
        reject(Object.assign(new Error(refusal.message), { code: refusal.code }));
      });
      void this.open();
    });
  }

  /** Sends a request and waits for its acknowledgement (a timeout is answered as INTERNAL). */
  request<K extends RequestName>(name: K, payload: RequestMap[K]['payload']): Promise<Ack<RequestMap[K]['result']>> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve(failure(LiveProtocolErrorCode.INTERNAL));
    return socket
      .timeout(this.options.requestTimeoutMs ?? 10_000)
      .emitWithAck(name, payload)
      .then(
        (ack: Ack<RequestMap[K]['result']>) => ack,
        () => failure(LiveProtocolErrorCode.INTERNAL),
      );
  }

  /** Sends any event with any payload: what a misbehaving client does (tests only). */
  rawEmitWithAck(event: string, ...args: unknown[]): Promise<unknown> {
    return this.socket!.timeout(this.options.requestTimeoutMs ?? 10_000).emitWithAck(event, ...args);
  }

  close(): void {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    const token = await this.token();
    const socket = io(this.options.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token },
      extraHeaders: this.options.extraHeaders,
    });
    this.socket = socket;
    socket.on('s', (snapshot: Snapshot) => this.acceptSnapshot(snapshot));
    socket.on(BROADCAST_EVENT, (broadcast: Broadcast) => this.receive(broadcast));
    socket.on(TRAINER_EVENT, (update: TrainerUpdate) => this.emit('trainer', update));
    socket.on('connect_error', (error: Error & { data?: ConnectRefusal }) => this.onRefused(error));
    socket.on('disconnect', (reason: string) => {
      if (reason === 'io client disconnect') return;
      this.scheduleReconnect(reason);
    });
  }

  private async token(): Promise<string> {
    if (this.tokenValue !== null) return this.tokenValue;
    const source = this.options.token;
    this.tokenValue = typeof source === 'string' ? source : await source();
    return this.tokenValue;
  }

  private onRefused(error: Error & { data?: ConnectRefusal }): void {
    this.dropSocket();
    const refusal = error.data;
    if (refusal?.code === LiveConnectErrorCode.ADMISSION_LIMITED) {
      this.scheduleReconnect('admission', admissionDelay(refusal.retryAfterMs ?? 1_000, this.random));
      return;
    }
    if (refusal?.code === LiveConnectErrorCode.TOKEN_EXPIRED && typeof this.options.token === 'function') {
      this.tokenValue = null;
      this.scheduleReconnect('token expired');
      return;
    }
    if (refusal?.code) {
      this.closed = true;
      this.emit('refused', refusal);
      return;
    }
    this.scheduleReconnect(error.message);
  }

  private dropSocket(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  private scheduleReconnect(reason: string, delayMs?: number): void {
    if (this.closed || this.reconnectTimer) return;
    this.dropSocket();
    const delay = delayMs ?? backoffDelay(this.attempt, this.backoff, this.random);
    this.attempt++;
    this.emit('reconnecting', { attempt: this.attempt, delayMs: delay, reason });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.open();
    }, delay);
  }

  private acceptSnapshot(snapshot: Snapshot): void {
    this.attempt = 0;
    this.current = snapshot;
    this.resyncing = false;
    const queued = this.pending.filter((b) => b.seq > snapshot.seq).sort((a, b) => a.seq - b.seq);
    this.pending = [];
    this.emit('snapshot', snapshot);
    for (const broadcast of queued) this.receive(broadcast);
  }

  private receive(broadcast: Broadcast): void {
    if (this.current === null || this.resyncing) {
      this.pending.push(broadcast);
      return;
    }
    const expected = this.current.seq + 1;
    if (broadcast.seq < expected) return; // already in the snapshot, or a late duplicate
    if (broadcast.seq > expected) {
      this.emit('gap', { expected, received: broadcast.seq });
      this.pending.push(broadcast);
      void this.resync();
      return;
    }
    this.current = applyBroadcast(this.current, broadcast);
    this.emit('broadcast', broadcast, this.current);
  }

  /** Asks for the current snapshot instead of a replay of what was missed. */
  private async resync(): Promise<void> {
    if (this.resyncing) return;
    this.resyncing = true;
    const ack = await this.request('snapshot', {});
    if (ack.ok) this.acceptSnapshot(ack.data);
    else this.scheduleReconnect('snapshot refused');
  }

  private emit<K extends keyof LiveClientEvents>(event: K, ...args: Parameters<LiveClientEvents[K]>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as unknown as (...a: Parameters<LiveClientEvents[K]>) => void)(...args);
    }
  }
}

function failure(code: LiveProtocolErrorCode): { ok: false; code: LiveProtocolErrorCode; message: string } {
  return { ok: false, code, message: liveProtocolErrorMessages[code] };
}
