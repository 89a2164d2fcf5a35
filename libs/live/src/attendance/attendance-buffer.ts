import { randomUUID } from 'node:crypto';
import type { LiveAttendanceEvent } from '@hocvuso/jobs';

/** A sealed group of events with its own id: re-sending it under that id is harmless. */
export interface AttendanceBatch {
  batchId: string;
  events: LiveAttendanceEvent[];
}

/** Hands a batch to the queue; rejects when it could not (Redis unreachable, timed out). */
export type BatchSender = (batch: AttendanceBatch) => Promise<void>;

export interface AttendanceBufferOptions {
  /** events per batch; reaching it starts a flush without waiting for the interval */
  batchSize: number;
  /** events per batch while more than `inFlight` batches' worth wait (a mass leave); default batchSize */
  largeBatchSize?: number;
  /** batches handed to the queue at once; default 1 */
  inFlight?: number;
  /** events held at most before the gateway stops admitting new connections */
  capacity: number;
}

/**
 * A gateway's joins and leaves on their way to the worker. Events are sealed into batches with
 * a fresh id; a batch stays here until the queue has taken it, so when Redis is unreachable
 * nothing is dropped: the same batch (same id) is offered again at the next flush. Memory is
 * bounded by the gateway refusing new connections once `capacity` events wait (see `full`),
 * while the leaves of sockets already connected are always kept (at most one per socket).
 *
 * A backlog (thousands of leaves when a class ends) goes out in larger batches, several at once:
 * the round trips to the queue are few and overlap while the gateway is busy closing sockets.
 */
export class AttendanceBuffer {
  private pending: LiveAttendanceEvent[] = [];
  private sealed: AttendanceBatch[] = [];
  private sealedEvents = 0;
  private running: Promise<boolean> | null = null;
  private again = false;
  /** the last send was refused: the next flush offers one batch before the others follow */
  private refused = false;

  constructor(
    private readonly send: BatchSender,
    private readonly options: AttendanceBufferOptions,
  ) {}

  /** Events waiting, in batches or not yet sealed. */
  get size(): number {
    return this.pending.length + this.sealedEvents;
  }

  get full(): boolean {
    return this.size >= this.options.capacity;
  }

  /** Keeps an event; a full batch's worth starts a flush (errors stay in the buffer, not thrown). */
  record(event: LiveAttendanceEvent): void {
    this.pending.push(event);
    if (this.pending.length >= this.options.batchSize) void this.flush();
  }

  /**
   * Sends every waiting batch in order, stopping at the first refusal (the rest wait for the next
   * flush). Resolves true when the buffer is empty. One flush runs at a time; a call during a
   * flush makes it go round once more.
   */
  flush(): Promise<boolean> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<boolean> {
    let empty: boolean;
    do {
      this.again = false;
      this.seal();
      empty = await this.sendSealed();
    } while (this.again && empty);
    return empty && this.pending.length === 0;
  }

  private seal(): void {
    const { batchSize, largeBatchSize = batchSize, inFlight = 1 } = this.options;
    while (this.pending.length > 0) {
      const size = this.pending.length > batchSize * inFlight ? largeBatchSize : batchSize;
      const events = this.pending.splice(0, size);
      this.sealed.push({ batchId: randomUUID(), events });
      this.sealedEvents += events.length;
    }
  }

  /** Offers the sealed batches a few at a time; those taken leave, the refused stay (same id). */
  private async sendSealed(): Promise<boolean> {
    while (this.sealed.length > 0) {
      const wave = this.sealed.slice(0, this.refused ? 1 : (this.options.inFlight ?? 1));
      const outcomes = await Promise.allSettled(wave.map((batch) => this.send(batch)));
      const taken = new Set(wave.filter((_, i) => outcomes[i].status === 'fulfilled'));
      this.sealed = this.sealed.filter((batch) => !taken.has(batch));
      for (const batch of taken) this.sealedEvents -= batch.events.length;
      this.refused = taken.size < wave.length;
      if (this.refused) return false;
    }
    return true;
  }
}
