import { admissionDelay, backoffDelay } from './backoff';

describe('reconnect backoff', () => {
  const options = { baseDelayMs: 100, maxDelayMs: 5_000 };

  it('doubles the ceiling each attempt up to the maximum', () => {
    const top = () => 0.999_999;
    expect(backoffDelay(0, options, top)).toBe(99);
    expect(backoffDelay(3, options, top)).toBe(799);
    expect(backoffDelay(20, options, top)).toBe(4_999);
  });

  it('spreads waits over the whole window (full jitter)', () => {
    expect(backoffDelay(5, options, () => 0)).toBe(0);
    expect(backoffDelay(5, options, () => 0.5)).toBe(1_600);
  });

  it('never retries an admission refusal before the gateway said to', () => {
    expect(admissionDelay(1_000, () => 0)).toBe(1_000);
    expect(admissionDelay(1_000, () => 0.999)).toBeLessThanOrEqual(2_000);
  });
});
