import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { Broadcast, TrainerUpdate } from '@hocvuso/live-client/protocol';
import { type CoalescedKind, coalescingKey, SlowSocketGuard } from './slow-socket-guard';

// The packet encoder of the socket.io the gateway runs (its own dependency, not one of ours).
const parser = createRequire(require.resolve('socket.io'))('socket.io-parser') as typeof import('socket.io-parser');
const { PacketType } = parser;
const encoder = new parser.Encoder();
const encode = (event: string, data: unknown) =>
  encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [event, data] }) as string[];
const step = (seq: number): Broadcast => ({ seq, type: 'step', data: { step: seq } });
const trainer = (update: TrainerUpdate) => encode('t', update);

/** engine.io's side as the guard sees it: a buffer that only flushes while the transport is writable. */
class FakeConnection extends EventEmitter {
  transport = Object.assign(new EventEmitter(), { writable: true, socket: { bufferedAmount: 0 } });
  writeBuffer: unknown[] = [];
  sent: string[] = [];

  write(packet: string): void {
    this.writeBuffer.push(packet);
    if (this.transport.writable) this.flush();
  }

  /** the network stalls: what was flushed stays in ws, the rest in engine.io's buffer */
  stall(bufferedAmount: number): void {
    this.transport.writable = false;
    this.transport.socket.bufferedAmount = bufferedAmount;
  }

  drain(): void {
    this.transport.socket.bufferedAmount = 0;
    this.transport.writable = true;
    this.flush();
    this.transport.emit('ready');
  }

  private flush(): void {
    this.sent.push(...(this.writeBuffer as string[]));
    this.writeBuffer = [];
  }
}

/** socket.io's Client as the guard sees it: `writeToEngine` comes from the prototype. */
class FakeClient {
  constructor(readonly conn: FakeConnection) {}

  writeToEngine(encoded: string[]): void {
    for (const packet of encoded) this.conn.write(packet);
  }
}

function watched(limitBytes: number) {
  const conn = new FakeConnection();
  const client = new FakeClient(conn);
  const coalesced: CoalescedKind[] = [];
  let behind = 0;
  const watching = new SlowSocketGuard(limitBytes, {
    coalesced: (kind) => coalesced.push(kind),
    behind: (now) => (behind += now ? 1 : -1),
  }).watch({ client } as never);
  return { conn, client, coalesced, behind: () => behind, watching };
}

describe('slow socket guard', () => {
  it('classifies the packets the gateway encodes: broadcasts, counters and results by poll coalesce', () => {
    expect(coalescingKey(encode('b', step(7)))).toEqual({ key: 'b', kind: 'broadcast' });
    expect(
      coalescingKey(trainer({ type: 'counters', data: { connected: 1, people: 1, venues: 0, byCommune: {} } })),
    ).toEqual({ key: 't:counters', kind: 'counters' });
    const pollId = '6f1c1a4e-9a53-4d47-8f43-54b9f2a0c0de';
    expect(coalescingKey(trainer({ type: 'poll:results-by-commune', data: { pollId, byCommune: {} } }))).toEqual({
      key: `t:results:${pollId}`,
      kind: 'results-by-commune',
    });
    const question = { id: pollId, text: 'Hỏi', askedBy: 'Lan', communeCode: null, askedAt: '2026-01-01T00:00:00Z' };
    expect(coalescingKey(trainer({ type: 'question:new', data: question }))).toBeNull();
    expect(coalescingKey(encode('s', { seq: 1 }))).toBeNull();
    const ack = encoder.encode({ type: PacketType.ACK, nsp: '/', id: 3, data: [{ ok: true }] }) as string[];
    expect(coalescingKey(ack)).toBeNull();
  });

  it('leaves a socket unwatched when the engine does not look as expected', () => {
    const guard = new SlowSocketGuard(1_000, { coalesced: () => undefined, behind: () => undefined });
    expect(guard.watch({ client: { conn: {} } } as never)).toBe(false);
    // a write already wrapped by someone else (an own property) is not wrapped again
    const wrapped = Object.assign(new FakeClient(new FakeConnection()), { writeToEngine: () => undefined });
    expect(guard.watch({ client: wrapped } as never)).toBe(false);
    const { watching } = watched(1_000);
    expect(watching).toBe(true);
  });

  it('writes everything as is while little waits, then keeps only the latest of each kind', () => {
    const { conn, client, coalesced, behind } = watched(1_000);
    for (let seq = 1; seq <= 3; seq++) client.writeToEngine(encode('b', step(seq)));
    expect(conn.sent).toHaveLength(3);

    conn.stall(990);
    client.writeToEngine(encode('b', step(4))); // 990 waiting: still under the limit
    for (let seq = 5; seq <= 50; seq++) client.writeToEngine(encode('b', step(seq)));
    const counters = (connected: number) =>
      trainer({ type: 'counters', data: { connected, people: connected, venues: 0, byCommune: {} } });
    client.writeToEngine(counters(1));
    client.writeToEngine(counters(2));
    const ack = encoder.encode({ type: PacketType.ACK, nsp: '/', id: 9, data: [{ ok: true }] }) as string[];
    client.writeToEngine(ack);

    expect(conn.writeBuffer).toEqual([encode('b', step(4))[0], ack[0]]);
    expect(behind()).toBe(1);
    expect(coalesced.filter((kind) => kind === 'broadcast')).toHaveLength(45);
    expect(coalesced.filter((kind) => kind === 'counters')).toHaveLength(1);

    conn.drain();
    expect(conn.sent.slice(3)).toEqual([encode('b', step(4))[0], ack[0], encode('b', step(50))[0], counters(2)[0]]);
    expect(behind()).toBe(0);
  });

  it('drops a held update that a newer one of its kind overtakes once the socket has room again', () => {
    const { conn, client, coalesced } = watched(1_000);
    conn.stall(2_000);
    client.writeToEngine(encode('b', step(1)));
    conn.transport.socket.bufferedAmount = 0; // ws wrote out, the transport has not said ready yet
    client.writeToEngine(encode('b', step(2)));
    expect(conn.writeBuffer).toEqual([encode('b', step(2))[0]]);
    expect(coalesced).toEqual(['broadcast']);
  });
});
