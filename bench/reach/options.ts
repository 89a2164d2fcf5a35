import { resolve } from 'node:path';

/** What `npm run bench:reach -- [flags]` was asked for; sizes already scaled. */
export interface BenchOptions {
  residents: number;
  attendance: number;
  visits: number;
  villages: number;
  sessions: number;
  /** local days of data, ending yesterday (the incremental rows land yesterday and today) */
  days: number;
  /** units sampled for the query phase (0 = every province) */
  provinces: number;
  communes: number;
  teams: number;
  rankings: number;
  /** timed runs of each dashboard through the rollups (after one untimed warm-up) */
  repeats: number;
  /** timed runs of the raw-table computation of each dashboard (the first is also the one compared) */
  rawRepeats: number;
  /** share of new raw rows added before the timed incremental refresh */
  incrementalShare: number;
  seed: number;
  keep: boolean;
  unitsFile: string;
}

const NATIONAL = { residents: 1_000_000, attendance: 5_000_000, visits: 500_000 };

export const USAGE = `Usage: npm run bench:reach -- [flags]
  --scale F            multiply residents, attendance and visits by F (default 1: the national data set)
  --residents N        residents (default 1,000,000 x scale)
  --attendance N       live attendance rows (default 5,000,000 x scale)
  --visits N           support visits (default 500,000 x scale)
  --villages N         villages over the 3,321 communes (default 60,000, not scaled)
  --sessions N         live sessions (default attendance / 2,500, at least 20)
  --days N             days of data ending yesterday (default 180)
  --provinces N        provinces sampled for the province dashboard (default 10; 0 = all 34)
  --communes N         communes sampled (default 200)
  --teams N            teams sampled (default 100)
  --rankings N         provinces whose rankings are measured (default 10)
  --repeats K          timed runs per dashboard through the rollups (default 10)
  --raw-repeats K      timed runs per dashboard over the raw tables (default 1)
  --incremental F      share of new rows before the incremental refresh (default 0.01)
  --seed N             sampling seed (default 42)
  --units FILE         official unit list (default ../shared/data/vn-units/units-2026-07-25.json)
  --keep               keep the benchmark database (dropped by default)
`;

export class UsageError extends Error {}

function positive(flag: string, value: string | undefined, { allowZero = false, integer = true } = {}): number {
  const parsed = Number(value);
  const valid =
    value !== undefined &&
    Number.isFinite(parsed) &&
    (allowZero ? parsed >= 0 : parsed > 0) &&
    (!integer || Number.isInteger(parsed));
  if (!valid)
    throw new UsageError(
      `${flag} needs a ${integer ? 'whole ' : ''}number${allowZero ? '' : ' above 0'}, got "${value}"`,
    );
  return parsed;
}

export function parseOptions(argv: readonly string[], repoRoot: string): BenchOptions {
  const given = new Map<string, string>();
  let keep = false;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === '--keep') {
      keep = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') throw new UsageError('');
    if (!flag.startsWith('--')) throw new UsageError(`unexpected argument "${flag}"`);
    const [name, inline] = flag.slice(2).split('=', 2);
    const value = inline ?? argv[++index];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    given.set(name, value);
  }
  const known = new Set([
    'scale',
    'residents',
    'attendance',
    'visits',
    'villages',
    'sessions',
    'days',
    'provinces',
    'communes',
    'teams',
    'rankings',
    'repeats',
    'raw-repeats',
    'incremental',
    'seed',
    'units',
  ]);
  for (const name of given.keys()) if (!known.has(name)) throw new UsageError(`unknown flag --${name}`);

  const scale = given.has('scale') ? positive('--scale', given.get('scale'), { integer: false }) : 1;
  const size = (name: keyof typeof NATIONAL) =>
    given.has(name) ? positive(`--${name}`, given.get(name)) : Math.max(1, Math.round(NATIONAL[name] * scale));
  const count = (name: string, fallback: number, allowZero = false) =>
    given.has(name) ? positive(`--${name}`, given.get(name), { allowZero }) : fallback;

  const attendance = size('attendance');
  const options: BenchOptions = {
    residents: size('residents'),
    attendance,
    visits: size('visits'),
    villages: count('villages', 60_000),
    sessions: count('sessions', Math.max(20, Math.round(attendance / 2_500))),
    days: count('days', 180),
    provinces: count('provinces', 10, true),
    communes: count('communes', 200, true),
    teams: count('teams', 100, true),
    rankings: count('rankings', 10, true),
    repeats: count('repeats', 10),
    rawRepeats: count('raw-repeats', 1),
    incrementalShare: given.has('incremental')
      ? positive('--incremental', given.get('incremental'), { integer: false })
      : 0.01,
    seed: count('seed', 42, true),
    keep,
    unitsFile: resolve(given.get('units') ?? resolve(repoRoot, '../shared/data/vn-units/units-2026-07-25.json')),
  };
  if (options.incrementalShare > 1) throw new UsageError('--incremental is a share between 0 and 1');
  if (options.days < 7) throw new UsageError('--days must be at least 7');
  if (options.villages < 3_321) throw new UsageError('--villages must be at least one per commune (3,321)');
  return options;
}
