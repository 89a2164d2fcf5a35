import type { LiveAttendanceEvent } from '@hocvuso/jobs';
import { type AttendanceBatch, AttendanceBuffer } from './attendance-buffer';

let counter = 0;
const event = (): LiveAttendanceEvent => ({
  eventId: `e${++counter}`,
  sessionId: 's',
  participantId: 'p',
  kind: 'GUEST',
  action: 'JOIN',
  residentId: null,
  venueId: null,
  villageId: 'v',
  communeCode: '00001',
  at: new Date().toISOString(),
});

describe('AttendanceBuffer', () => {
  it('seals events into batches of the batch size and sends them in order', async () => {
    const sent: AttendanceBatch[] = [];
    const buffer = new AttendanceBuffer(async (batch) => void sent.push(batch), { batchSize: 2, capacity: 100 });
    const events = [event(), event(), event()];
    for (const e of events) buffer.record(e);
    await buffer.flush();
    expect(sent.flatMap((batch) => batch.events)).toEqual(events);
    expect(sent.map((batch) => batch.events.length)).toEqual([2, 1]);
    expect(buffer.size).toBe(0);
  });

  it('keeps a refused batch, under the same id, until the queue takes it', async () => {
    const offered: string[] = [];
    const sent: AttendanceBatch[] = [];
    let reachable = false;
    const buffer = new AttendanceBuffer(
      async (batch) => {
        offered.push(batch.batchId);
        if (!reachable) throw new Error('redis unreachable');
        sent.push(batch);
      },
      { batchSize: 10, capacity: 100 },
    );
    buffer.record(event());
    expect(await buffer.flush()).toBe(false);
    buffer.record(event());
    expect(await buffer.flush()).toBe(false);
    expect(buffer.size).toBe(2);
    const firstId = offered[0];
    expect(offered).toEqual([firstId, firstId]);

    reachable = true;
    expect(await buffer.flush()).toBe(true);
    expect(sent.map((batch) => batch.batchId)[0]).toBe(firstId);
    expect(sent.flatMap((batch) => batch.events)).toHaveLength(2);
    expect(buffer.size).toBe(0);
  });

  it('sends a backlog in larger batches, a few at once, each event once', async () => {
    const sent: AttendanceBatch[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const buffer = new AttendanceBuffer(
      async (batch) => {
        mostAtOnce = Math.max(mostAtOnce, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        sent.push(batch);
      },
      { batchSize: 2, largeBatchSize: 4, inFlight: 2, capacity: 100 },
    );
    const events = Array.from({ length: 11 }, event);
    // recorded in one go, as the closes of a mass leave are: the first batch's flush is under way
    for (const e of events) buffer.record(e);
    expect(await buffer.flush()).toBe(true);
    expect(mostAtOnce).toBe(2);
    expect(sent.map((batch) => batch.events.length)).toEqual([2, 4, 4, 1]);
    expect(new Set(sent.map((batch) => batch.batchId)).size).toBe(4);
    expect(sent.flatMap((batch) => batch.events).sort((a, b) => a.eventId.localeCompare(b.eventId))).toEqual(
      [...events].sort((a, b) => a.eventId.localeCompare(b.eventId)),
    );
  });

  it('keeps the refused batches of a wave and the order of the rest, and offers one batch first after a refusal', async () => {
    const offered: string[] = [];
    const sent: string[] = [];
    let refuse = new Set<number>([1]);
    let calls = 0;
    const buffer = new AttendanceBuffer(
      async (batch) => {
        offered.push(batch.batchId);
        if (refuse.has(calls++)) throw new Error('timed out');
        sent.push(batch.batchId);
      },
      { batchSize: 1, inFlight: 3, capacity: 100 },
    );
    for (let i = 0; i < 3; i++) buffer.record(event());
    expect(await buffer.flush()).toBe(false);
    const [a, b, c] = offered;
    expect(sent).toEqual(expect.arrayContaining([a, c]));
    expect(buffer.size).toBe(1);

    refuse = new Set();
    buffer.record(event());
    expect(await buffer.flush()).toBe(true);
    // b alone first (the queue refused last time), then the new one
    expect(offered.slice(3)).toEqual([b, expect.any(String)]);
    expect(buffer.size).toBe(0);
  });

  it('says it is full at its capacity and no longer once drained', async () => {
    let reachable = false;
    const buffer = new AttendanceBuffer(
      async () => {
        if (!reachable) throw new Error('down');
      },
      { batchSize: 2, capacity: 3 },
    );
    buffer.record(event());
    buffer.record(event());
    buffer.record(event());
    await buffer.flush();
    expect(buffer.full).toBe(true);
    reachable = true;
    await buffer.flush();
    expect(buffer.full).toBe(false);
  });
});
