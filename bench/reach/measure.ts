/** Timing, sampling and printing helpers of the reach benchmark. */

const integer = new Intl.NumberFormat('en-US');
export const n = (value: number): string => integer.format(value);
export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
export const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(1)} s`;

/** Progress goes to stderr, so the report on stdout stays a clean record of the run. */
export function progress(line: string): void {
  process.stderr.write(`bench:reach  ${line}\n`);
}

/** Runs one generation step, printing its name before and its duration after. */
export async function step<T>(name: string, work: () => Promise<T>, timings: StepTiming[]): Promise<T> {
  progress(`${name} ...`);
  const started = performance.now();
  const result = await work();
  const elapsed = performance.now() - started;
  timings.push({ name, milliseconds: elapsed });
  progress(`${name}: done in ${seconds(elapsed)}`);
  return result;
}

export interface StepTiming {
  name: string;
  milliseconds: number;
}

/** Nearest-rank percentile of a sample (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; milliseconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - started };
}

/** mulberry32: a small seeded generator, so two runs sample the same units. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` items drawn without replacement (all of them, in order, when count is 0 or too large). */
export function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  if (count === 0 || count >= items.length) return [...items];
  const pool = [...items];
  for (let index = 0; index < count; index++) {
    const swap = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[swap]] = [pool[swap], pool[index]];
  }
  return pool.slice(0, count);
}

/** A plain text table with right-aligned columns after the first. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
