import type { EventEmitter } from 'node:events';
import { BROADCAST_EVENT, TRAINER_EVENT } from '@hocvuso/live-client/protocol';
import type { Socket } from 'socket.io';

/**
 * What the guard reads of socket.io 4.8, engine.io 6.6 and ws 8. None of it is in their typings:
 * `Client.writeToEngine` is where every packet for one connection goes (the adapter's room
 * broadcasts, with the frame encoded once for all sockets, and direct emits), engine.io's
 * `writeBuffer` is what waits while the transport is busy, and ws's `bufferedAmount` is what the
 * kernel has not taken yet. slow-socket-guard.spec.ts fails if an upgrade moves them.
 */
interface WriteOptions {
  /** a broadcast's websocket frame, built once for every socket of the room */
  wsPreEncodedFrame?: Buffer[];
}
type EncodedPackets = string | Buffer | Array<string | Buffer>;
interface EngineTransport extends EventEmitter {
  writable: boolean;
  socket?: { bufferedAmount?: number };
}
interface EngineConnection extends EventEmitter {
  transport: EngineTransport;
  writeBuffer: unknown[];
}
interface EngineClient {
  conn: EngineConnection;
  writeToEngine(encoded: EncodedPackets, opts: WriteOptions): void;
  [WATCHED]?: Watched;
}

/** The state updates a backed-up socket receives only the latest of. */
export type CoalescedKind = 'broadcast' | 'counters' | 'results-by-commune';

export interface SlowSocketEvents {
  /** an update was dropped for a backed-up socket because a later one of its kind replaced it */
  coalesced(kind: CoalescedKind): void;
  /** a socket fell behind (`true`) or caught up or closed (`false`) */
  behind(behind: boolean): void;
}

interface Held {
  kind: CoalescedKind;
  encoded: EncodedPackets;
  opts: WriteOptions;
}

/**
 * What the guard keeps for a socket, created the first time a write finds its transport busy:
 * most sockets never need it, and tens of thousands of them are connected at once.
 */
interface Watched {
  /** bytes handed to `buffer` since engine.io last flushed it (a flush swaps in a new array) */
  queuedBytes: number;
  /** held weakly: once flushed, the array and the packets in it are garbage, not ours to keep */
  buffer: WeakRef<unknown[]> | null;
  behind: boolean;
  waitingForDrain: boolean;
  closeWatched: boolean;
  /** the latest update of each kind not yet sent, by coalescing key */
  held: Map<string, Held> | null;
}

const WATCHED = Symbol('slowSocketGuard');

// socket.io-parser's text encoding of an event packet on the main namespace: `2["<event>",<data>]`,
// with the trainer updates' fields in the order the gateway builds them ({ type, data }).
const BROADCAST_PREFIX = `2["${BROADCAST_EVENT}",`;
const COUNTERS_PREFIX = `2["${TRAINER_EVENT}",{"type":"counters",`;
const RESULTS_PREFIX = `2["${TRAINER_EVENT}",{"type":"poll:results-by-commune","data":{"pollId":"`;

/**
 * Which updates may be coalesced, and under which key (the latest per key is kept):
 * - every sequenced broadcast under one key: dropping any of them leaves a gap in the sequence
 *   numbers, and a gap makes the client fetch the snapshot, which holds all of them; so the
 *   newest one is all a lagging socket needs (it reveals the gap and carries the latest number);
 * - trainer counters (each replaces the last), and running results by commune per poll.
 * Everything else (snapshots, acknowledgements, questions for the trainers) always goes out:
 * those are answers a client asked for, or items with no other way to reach it.
 */
export function coalescingKey(encoded: EncodedPackets): { key: string; kind: CoalescedKind } | null {
  const packet = Array.isArray(encoded) ? (encoded.length === 1 ? encoded[0] : undefined) : encoded;
  if (typeof packet !== 'string') return null;
  if (packet.startsWith(BROADCAST_PREFIX)) return { key: 'b', kind: 'broadcast' };
  if (packet.startsWith(COUNTERS_PREFIX)) return { key: 't:counters', kind: 'counters' };
  if (packet.startsWith(RESULTS_PREFIX)) {
    const end = packet.indexOf('"', RESULTS_PREFIX.length);
    return { key: `t:results:${packet.slice(RESULTS_PREFIX.length, end)}`, kind: 'results-by-commune' };
  }
  return null;
}

/** Bytes a write adds to a socket's buffers: the shared frame's size when the adapter built one. */
function packetBytes(encoded: EncodedPackets, opts: WriteOptions | undefined): number {
  if (opts?.wsPreEncodedFrame) return opts.wsPreEncodedFrame.reduce((sum, part) => sum + part.length, 0);
  const packets = Array.isArray(encoded) ? encoded : [encoded];
  return packets.reduce(
    (sum, packet) => sum + (typeof packet === 'string' ? Buffer.byteLength(packet) : packet.length),
    0,
  );
}

/**
 * Keeps a slow socket from holding memory hostage (DESIGN, live protocol point 9). While the
 * bytes waiting for a socket (engine.io's write buffer plus what ws has not handed to the
 * kernel) stay under `limitBytes`, every packet is written as is: the frame the adapter encoded
 * once for the room, untouched. Past the limit, state updates are no longer queued: the latest
 * of each kind is held (one reference to the shared packet) and written when the socket drains.
 * A held broadcast arrives after a gap, so the client asks for the snapshot and is current.
 */
export class SlowSocketGuard {
  /** socket.io's own `Client.prototype.writeToEngine`, which the guarded write calls */
  private write: EngineClient['writeToEngine'] | null = null;
  /** one function for every socket (it finds the socket's state on `this`), not a closure each */
  private readonly guardedWrite: EngineClient['writeToEngine'];

  constructor(
    private readonly limitBytes: number,
    private readonly events: SlowSocketEvents,
  ) {
    const writeThrough = (client: EngineClient, encoded: EncodedPackets, opts: WriteOptions) =>
      this.write!.call(client, encoded, opts);
    const offer = (client: EngineClient, encoded: EncodedPackets, opts: WriteOptions) =>
      this.offer(client, (client[WATCHED] ??= newWatched()), encoded, opts);
    this.guardedWrite = function guardedWriteToEngine(this: EngineClient, encoded, opts) {
      const watched = this[WATCHED];
      // The normal path: nothing waiting, nothing held.
      if ((watched === undefined || !watched.behind) && this.conn.transport.writable) writeThrough(this, encoded, opts);
      else offer(this, encoded, opts);
    };
  }

  /**
   * Wraps the connection's single exit; call before the socket joins its rooms. Answers false,
   * leaving the socket as it is, when the engine's members are not what this was written for.
   */
  watch(socket: Pick<Socket, 'client'>): boolean {
    const client = socket.client as unknown as Partial<EngineClient>;
    const conn = client.conn;
    const write = client.writeToEngine;
    if (
      typeof write !== 'function' ||
      // an own property means someone wrapped it already: the prototype's is what this expects
      Object.hasOwn(client, 'writeToEngine') ||
      (this.write !== null && write !== this.write) ||
      !conn ||
      !Array.isArray(conn.writeBuffer) ||
      typeof conn.transport?.writable !== 'boolean' ||
      typeof conn.transport.once !== 'function'
    ) {
      return false;
    }
    this.write = write;
    client.writeToEngine = this.guardedWrite;
    return true;
  }

  private offer(client: EngineClient, watched: Watched, encoded: EncodedPackets, opts: WriteOptions): void {
    if (this.waitingBytes(client, watched) < this.limitBytes) {
      const coalescing = watched.behind ? coalescingKey(encoded) : null;
      // A held update of the same kind is older than this one: it is dropped, not sent first.
      if (coalescing && watched.held?.delete(coalescing.key)) this.events.coalesced(coalescing.kind);
      if (watched.behind) this.release(client, watched);
      this.send(client, watched, encoded, opts);
      return;
    }
    const coalescing = coalescingKey(encoded);
    if (!coalescing) {
      this.send(client, watched, encoded, opts);
      return;
    }
    const held = (watched.held ??= new Map());
    if (held.has(coalescing.key)) this.events.coalesced(coalescing.kind);
    held.set(coalescing.key, { kind: coalescing.kind, encoded, opts });
    if (!watched.behind) {
      watched.behind = true;
      this.events.behind(true);
      this.watchClose(client, watched);
    }
    this.awaitDrain(client, watched);
  }

  private send(client: EngineClient, watched: Watched, encoded: EncodedPackets, opts: WriteOptions): void {
    this.waitingBytes(client, watched); // resets the count if engine.io flushed since
    const buffer = client.conn.writeBuffer;
    if (watched.buffer?.deref() !== buffer) watched.buffer = new WeakRef(buffer);
    watched.queuedBytes += packetBytes(encoded, opts);
    this.write!.call(client, encoded, opts);
  }

  /** What waits for this socket in user space: engine.io's buffer since its last flush, and ws's. */
  private waitingBytes(client: EngineClient, watched: Watched): number {
    const conn = client.conn;
    if (conn.writeBuffer.length === 0 || watched.buffer?.deref() !== conn.writeBuffer) {
      watched.buffer = null;
      watched.queuedBytes = 0;
    }
    return watched.queuedBytes + (conn.transport.socket?.bufferedAmount ?? 0);
  }

  /**
   * The transport says `ready` each time ws has written out a flush (engine.io, listening first,
   * has flushed its buffer again by then): the held updates go once the waiting bytes are under the limit.
   */
  private awaitDrain(client: EngineClient, watched: Watched): void {
    if (watched.waitingForDrain) return;
    watched.waitingForDrain = true;
    client.conn.transport.once('ready', () => {
      watched.waitingForDrain = false;
      if (!watched.behind) return;
      if (this.waitingBytes(client, watched) < this.limitBytes) this.release(client, watched);
      else this.awaitDrain(client, watched);
    });
  }

  /** A socket that closes while behind no longer counts as behind (listened for once it first falls behind). */
  private watchClose(client: EngineClient, watched: Watched): void {
    if (watched.closeWatched) return;
    watched.closeWatched = true;
    client.conn.once('close', () => {
      watched.held = null;
      if (watched.behind) this.events.behind(false);
      watched.behind = false;
    });
  }

  private release(client: EngineClient, watched: Watched): void {
    const held = watched.held ? [...watched.held.values()] : [];
    watched.held = null;
    watched.behind = false;
    this.events.behind(false);
    for (const { encoded, opts } of held) this.send(client, watched, encoded, opts);
  }
}

function newWatched(): Watched {
  return { queuedBytes: 0, buffer: null, behind: false, waitingForDrain: false, closeWatched: false, held: null };
}
