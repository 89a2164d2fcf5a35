export interface BackoffOptions {
  /** first ceiling, milliseconds */
  baseDelayMs: number;
  /** the ceiling never grows past this */
  maxDelayMs: number;
}

/**
 * "Full jitter" exponential backoff: a uniformly random wait between 0 and base·2^attempt
 * (capped). When a gateway drops, its clients spread their reconnects over the whole window
 * instead of arriving together (no thundering herd).
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/**
 * The wait after an admission refusal: at least what the gateway asked for, plus a jitter of up
 * to the same amount so refused clients do not all come back in the same millisecond.
 */
export function admissionDelay(retryAfterMs: number, random: () => number = Math.random): number {
  return Math.ceil(retryAfterMs + random() * retryAfterMs);
}
