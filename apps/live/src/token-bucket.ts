/**
 * A token bucket: `ratePerSecond` tokens a second, at most `burst` saved up. Used for admission
 * (new connections per gateway) and for each socket's inbound events.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  /** Takes a token if there is one. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token. */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
  }
}

/**
 * Admission control of one gateway: accepts new connections at a fixed rate and tells the rest
 * when to come back, spreading them over the seconds ahead in proportion to the backlog so the
 * retries do not all arrive together.
 */
export class Admission {
  private readonly bucket: TokenBucket;
  private refusedThisSecond = 0;
  private second = 0;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.bucket = new TokenBucket(perSecond, perSecond, now);
  }

  /** null when admitted, else the milliseconds to wait before retrying. */
  admit(): number | null {
    if (this.bucket.take()) return null;
    const second = Math.floor(this.now() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.refusedThisSecond = 0;
    }
    this.refusedThisSecond++;
    return Math.max(this.bucket.waitMs(), 1000 * Math.ceil(this.refusedThisSecond / this.perSecond));
  }
}
