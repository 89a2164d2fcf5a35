import type { Redis } from 'ioredis';

/**
 * INCR each key and, on the first hit of a window, EXPIRE it, in one script, so a crash between the
 * two can never leave a counter without expiry (a counter that somehow lost its TTL gets one back).
 * Returns, per key, the count after this hit and the milliseconds left in its window.
 */
const COUNT_HIT = `
local result = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 or redis.call('TTL', key) < 0 then redis.call('EXPIRE', key, ARGV[1]) end
  result[#result + 1] = count
  result[#result + 1] = redis.call('PTTL', key)
end
return result`;

export interface WindowCount {
  count: number;
  /** milliseconds until the window closes */
  remainingMs: number;
}

/** Counts one hit on every key in fixed windows of `windowSeconds`, shared by every process on the Redis. */
export async function countHit(redis: Redis, keys: string[], windowSeconds: number): Promise<WindowCount[]> {
  const reply = (await redis.eval(COUNT_HIT, keys.length, ...keys, windowSeconds)) as number[];
  return keys.map((_, index) => ({
    count: Number(reply[index * 2]),
    remainingMs: Math.max(0, Number(reply[index * 2 + 1])),
  }));
}
