import { Admission, TokenBucket } from './token-bucket';

describe('token bucket and admission', () => {
  it('allows a burst, then the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.waitMs()).toBe(500);
    now = 500;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('admits the configured number per second and spreads the refused over later seconds', () => {
    let now = 10_000;
    const admission = new Admission(2, () => now);
    expect(admission.admit()).toBeNull();
    expect(admission.admit()).toBeNull();
    const waits = [admission.admit(), admission.admit(), admission.admit(), admission.admit()];
    expect(waits).toEqual([1000, 1000, 2000, 2000]);
    now = 11_000;
    expect(admission.admit()).toBeNull();
  });
});
