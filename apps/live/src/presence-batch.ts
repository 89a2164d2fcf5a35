/** Presence moves by session, then counter field: the deltas to add. */
export type PresenceMoves = Map<string, Map<string, number>>;

/**
 * The presence moves (arrivals, departures) of one event-loop turn, written to Redis together.
 * At a session's end thousands of sockets close within seconds: one pipeline per turn instead of
 * one per socket leaves the gateway's time to the closes themselves and to handing over their
 * attendance. A join still waits for its own move to be written, so its snapshot counts it.
 */
export class PresenceBatch {
  private moves: PresenceMoves = new Map();
  private written: Promise<void> | null = null;

  constructor(private readonly write: (moves: PresenceMoves) => Promise<void>) {}

  /** Resolves once the move is in Redis; rejects, like every move of its turn, if the write fails. */
  move(sessionId: string, fields: ReadonlyMap<string, number>): Promise<void> {
    if (fields.size === 0) return Promise.resolve();
    let session = this.moves.get(sessionId);
    if (!session) this.moves.set(sessionId, (session = new Map()));
    for (const [field, delta] of fields) session.set(field, (session.get(field) ?? 0) + delta);
    this.written ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const moves = this.moves;
      this.moves = new Map();
      this.written = null;
      return this.write(moves);
    });
    return this.written;
  }
}
