/**
 * What the benchmark's processes tell each other over their IPC channels, and the one frame all
 * three servers deliver: a socket.io `b` event carrying an announcement whose text holds the
 * benchmark's broadcast number and the sender's clock, so every client can time its delivery.
 */

/** A: raw `ws`; B: bare socket.io; C: the live gateway, reached through the LiveClient library. */
export type Target = 'ws' | 'socketio' | 'live';

export const BROADCAST_EVENT_NAME = 'b';
const BENCH_TEXT = /^bench (\d+) (\d+)$/;

export interface BenchBroadcast {
  seq: number;
  type: string;
  data: unknown;
}

export function benchText(benchSeq: number, sentAtMs: number): string {
  return `bench ${benchSeq} ${sentAtMs}`;
}

/** The benchmark number and send time of an announcement the benchmark sent, or null. */
export function readBenchText(broadcast: BenchBroadcast): { benchSeq: number; sentAtMs: number } | null {
  if (broadcast.type !== 'announcement') return null;
  const text = (broadcast.data as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return null;
  const match = BENCH_TEXT.exec(text);
  return match ? { benchSeq: Number(match[1]), sentAtMs: Number(match[2]) } : null;
}

/** The broadcast as the gateway would send it for `announcement:pin`. */
export function announcement(seq: number, text: string): BenchBroadcast {
  return { seq, type: 'announcement', data: { text } };
}

/** The text of a socket.io EVENT packet inside an engine.io MESSAGE packet: what goes on the wire. */
export function socketIoEventFrame(event: string, payload: unknown): string {
  return `42${JSON.stringify([event, payload])}`;
}

/** Reads a frame built by socketIoEventFrame; null for anything else. */
export function parseSocketIoEventFrame(frame: string): { event: string; payload: unknown } | null {
  if (!frame.startsWith('42[')) return null;
  const parsed = JSON.parse(frame.slice(2)) as unknown[];
  return typeof parsed[0] === 'string' ? { event: parsed[0], payload: parsed[1] } : null;
}

// ---- IPC: every request carries an id; the answer repeats it.

export interface ParticipantSpec {
  secret: string;
  ttlSeconds: number;
  sessionId: string;
  places: { villageId: string; communeCode: string }[];
}

export type SwarmRequest =
  | {
      cmd: 'prepare';
      target: Target;
      url: string;
      count: number;
      /** the offset of this process's first client among all clients (names, places) */
      offset: number;
      addresses: string[];
      concurrency: number;
      participants?: ParticipantSpec;
    }
  | { cmd: 'connect' }
  | { cmd: 'reset' }
  | { cmd: 'collect' }
  | { cmd: 'received'; benchSeq: number }
  | { cmd: 'answer'; pollId: string; options: number; spreadMs: number }
  | { cmd: 'leave' };

export interface SwarmProgress {
  type: 'progress';
  connected: number;
  failed: number;
}

export interface SwarmCollected {
  delivered: number;
  latencies: number[];
  /** the latency of this process's last recipient of each benchmark broadcast */
  lastByBenchSeq: Record<number, number>;
  receivedByBenchSeq: Record<number, number>;
  gaps: number;
  dropped: number;
  connected: number;
}

export interface SwarmConnected {
  connected: number;
  failed: number;
  firstError: string | null;
}

export interface SwarmAnswered {
  counted: number;
  notCounted: number;
  /** answers that were never acknowledged */
  failed: number;
  /** requests sent again after an unacknowledged one */
  retried: number;
  firstError: string | null;
  firstSentAt: number;
  lastAckAt: number;
}

/** `text` is the announcement's text, stamped by the benchmark when it asks for the broadcast. */
export type ServerRequest = { cmd: 'broadcast'; text: string } | { cmd: 'eld-reset' } | { cmd: 'eld' };

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}
