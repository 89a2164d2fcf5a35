import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@hocvuso/config';
import type { LiveAttendanceEvent } from '@hocvuso/jobs';
import type { ParticipantClaims } from '@hocvuso/live';
import { AttendanceBuffer, AttendanceQueue } from '@hocvuso/live/attendance';
import { Gauge, type Registry } from 'prom-client';

/** Joins and leaves per attendance batch; a full batch leaves without waiting for the interval. */
const BATCH_SIZE = 500;
/**
 * A mass leave (a class ends: every socket closes within seconds) goes in batches of up to 1,000,
 * three handed to the queue at once. The worker writes a batch in one transaction holding an
 * advisory lock per participant: a few such transactions at once (LIVE_ATTENDANCE_CONCURRENCY)
 * stay well inside PostgreSQL's default lock table (64 × max_connections entries).
 */
const LARGE_BATCH_SIZE = 1_000;
const BATCHES_IN_FLIGHT = 3;

type AttendanceConfig = Pick<
  AppConfig,
  | 'REDIS_URL'
  | 'REDIS_KEY_PREFIX'
  | 'LIVE_ATTENDANCE_BUFFER_MAX'
  | 'LIVE_ATTENDANCE_FLUSH_MS'
  | 'LIVE_ATTENDANCE_GRACE_MS'
  | 'SHUTDOWN_TIMEOUT_MS'
>;

/**
 * A gateway's side of attendance: it records each participant's join and leave, hands them to
 * the worker's `live-attendance` queue in batches (kept while Redis is away), and asks for the
 * lesson completions when a session ends.
 */
export class GatewayAttendance {
  private readonly logger = new Logger(GatewayAttendance.name);
  private readonly queue: AttendanceQueue;
  private readonly buffer: AttendanceBuffer;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AttendanceConfig,
    registry: Registry,
  ) {
    this.queue = new AttendanceQueue(config.REDIS_URL, config.REDIS_KEY_PREFIX, 'live-attendance');
    const buffer = new AttendanceBuffer((batch) => this.queue.send(batch), {
      batchSize: BATCH_SIZE,
      largeBatchSize: LARGE_BATCH_SIZE,
      inFlight: BATCHES_IN_FLIGHT,
      capacity: config.LIVE_ATTENDANCE_BUFFER_MAX,
    });
    this.buffer = buffer;
    new Gauge({
      name: 'hocvuso_live_attendance_buffered',
      help: 'Joins and leaves this gateway holds for the worker (grows while Redis is unreachable)',
      registers: [registry],
      collect() {
        this.set(buffer.size);
      },
    });
  }

  /** The buffer is at capacity: the gateway admits no new connection until it drains. */
  get full(): boolean {
    return this.buffer.full;
  }

  start(): void {
    this.timer = setInterval(() => void this.buffer.flush(), this.config.LIVE_ATTENDANCE_FLUSH_MS);
    this.timer.unref();
  }

  /** A participant's join or leave; trainers, and participants of no village, are not attendance. */
  record(claims: ParticipantClaims, action: LiveAttendanceEvent['action']): void {
    if (claims.kind === 'TRAINER' || !claims.villageId || !claims.communeCode) return;
    this.buffer.record({
      eventId: randomUUID(),
      sessionId: claims.sessionId,
      participantId: claims.participantId,
      kind: claims.kind,
      action,
      residentId: claims.kind === 'RESIDENT' ? claims.participantId : null,
      venueId: claims.kind === 'VENUE' ? claims.venueId : null,
      villageId: claims.villageId,
      communeCode: claims.communeCode,
      at: new Date().toISOString(),
    });
  }

  /**
   * Every gateway sees the end (whoever ended the session): it hands over what it holds, then
   * asks for the completion after the grace, by which time the other gateways have flushed too.
   * All of them ask under one job id, so the completion runs once.
   */
  async sessionEnded(sessionId: string): Promise<void> {
    await this.buffer.flush();
    await this.queue
      .requestCompletion(sessionId, this.config.LIVE_ATTENDANCE_GRACE_MS)
      .catch((error: Error) => this.logger.warn(`attendance completion request failed: ${error.message}`));
  }

  /**
   * After the sockets are closed (their leaves are in the buffer): hands everything over,
   * retrying while Redis is away for up to half the shutdown timeout.
   */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const giveUpAt = Date.now() + this.config.SHUTDOWN_TIMEOUT_MS / 2;
    while (!(await this.buffer.flush()) && Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (this.buffer.size > 0) {
      this.logger.error({ events: this.buffer.size }, 'attendance not handed over before shutdown');
    }
    await this.queue.close();
  }
}
