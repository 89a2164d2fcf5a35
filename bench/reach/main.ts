import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { type Actor, NATION, Role } from '@hocvuso/access';
import { loadConfig } from '@hocvuso/config';
import { createOrmOptions, dropDatabase, ensureDatabase, migrateUp } from '@hocvuso/database';
import { UnitsImportService } from '@hocvuso/geography';
import {
  RankingMetric,
  RankingSubject,
  type ReachFigures,
  type ReachPeriod,
  ReachRefreshService,
  ReachStatisticsService,
  ReachUnitKind,
} from '@hocvuso/statistics';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadCatalog } from '../../prisma-seeds';
import { addIncrementalRows, type DatasetShape, generateDataset } from './dataset';
import {
  ms,
  n,
  percentile,
  progress,
  sample,
  seconds,
  seededRandom,
  step,
  type StepTiming,
  table,
  timed,
} from './measure';
import { type BenchOptions, parseOptions, USAGE, UsageError } from './options';
import { RawFigures, type RawUnit } from './raw-figures';

/**
 * `npm run bench:reach`: generates the national data set in a fresh database, refreshes the reach
 * rollups (full, then incremental after 1% new rows), and measures the dashboards (province,
 * commune, team, ranking) through ReachStatisticsService against the same figures computed over
 * the raw tables, checking that every figure agrees. A missed p95 target is printed, not fatal:
 * exit 1 on any disagreement, 2 on bad usage or a crash.
 */

const TARGET_P95_MS = 100;
const ADMIN: Actor = {
  kind: 'account',
  accountId: '00000000-0000-4000-8000-00000000bec0',
  residentId: null,
  sessionId: 'bench-reach',
  grants: [{ id: 'bench-reach', role: Role.ADMIN, scope: NATION }],
};

interface Measured {
  name: string;
  units: number;
  rollup: number[];
  raw: number[];
}

class Mismatches {
  readonly lines: string[] = [];
  compared = 0;

  figures(where: string, rollup: ReachFigures, raw: ReachFigures): void {
    for (const field of Object.keys(raw) as (keyof ReachFigures)[]) {
      this.compared++;
      const a = JSON.stringify(rollup[field]);
      const b = JSON.stringify(raw[field]);
      if (a !== b) this.lines.push(`${where} ${field}: rollup ${a}, raw ${b}`);
    }
  }

  value(where: string, rollup: unknown, raw: unknown): void {
    this.compared++;
    const a = JSON.stringify(rollup);
    const b = JSON.stringify(raw);
    if (a !== b) this.lines.push(`${where}: rollup ${a}, raw ${b}`);
  }
}

/** One level down, as the GraphQL breakdown lists it: province → communes; commune → villages, then teams; team → villages. */
async function childKeys(raw: MikroORM, unit: RawUnit): Promise<{ level: ReachUnitKind; keys: string[] }[]> {
  const em = raw.em.fork();
  const list = async (text: string) => (await em.execute<{ key: string }[]>(text, [unit.key])).map((row) => row.key);
  switch (unit.kind) {
    case ReachUnitKind.PROVINCE:
      return [
        {
          level: ReachUnitKind.COMMUNE,
          keys: await list(`select code as key from commune where province_code = ? order by code`),
        },
      ];
    case ReachUnitKind.COMMUNE:
      return [
        {
          level: ReachUnitKind.VILLAGE,
          keys: await list(`select id::text as key from village where commune_code = ? order by name, id`),
        },
        {
          level: ReachUnitKind.TEAM,
          keys: await list(`select id::text as key from team where commune_code = ? order by name, id`),
        },
      ];
    case ReachUnitKind.TEAM:
      return [
        {
          level: ReachUnitKind.VILLAGE,
          keys: await list(
            `select v.id::text as key from team_village tv join village v on v.id = tv.village_id where tv.team_id = ? order by v.name, v.id`,
          ),
        },
      ];
    default:
      return [];
  }
}

async function measureDashboards(
  orm: MikroORM,
  name: string,
  units: RawUnit[],
  period: ReachPeriod,
  options: BenchOptions,
  mismatches: Mismatches,
): Promise<Measured> {
  const service = new ReachStatisticsService(orm.em.fork());
  const raw = new RawFigures(orm.em.fork());
  const measured: Measured = { name, units: units.length, rollup: [], raw: [] };
  const byCode = (kind: ReachUnitKind) => kind === ReachUnitKind.PROVINCE || kind === ReachUnitKind.COMMUNE;
  // What the reachStatistics resolver runs for { figures, breakdown { figures } }.
  const dashboard = async (unit: RawUnit) => {
    const ref = byCode(unit.kind) ? { kind: unit.kind, code: unit.key } : { kind: unit.kind, id: unit.key };
    const report = await service.report(ADMIN, ref, period.from, period.to);
    return { report, breakdown: await service.breakdown(report) };
  };
  const baseline = async (unit: RawUnit, levels: { level: ReachUnitKind; keys: string[] }[]) => {
    const own = await raw.figures(unit, unit.kind, period, [unit.key]);
    const children = [];
    for (const { level, keys } of levels)
      children.push({ level, figures: await raw.figures(unit, level, period, keys) });
    return { own: own.get(unit.key)!, children };
  };

  for (const [index, unit] of units.entries()) {
    await dashboard(unit);
    let result!: Awaited<ReturnType<typeof dashboard>>;
    for (let run = 0; run < options.repeats; run++) {
      const { result: answer, milliseconds } = await timed(() => dashboard(unit));
      measured.rollup.push(milliseconds);
      result = answer;
    }
    const levels = await childKeys(orm, unit);
    let expected!: Awaited<ReturnType<typeof baseline>>;
    for (let run = 0; run < options.rawRepeats; run++) {
      const { result: answer, milliseconds } = await timed(() => baseline(unit, levels));
      measured.raw.push(milliseconds);
      expected = answer;
    }

    const where = `${unit.kind} ${unit.key}`;
    mismatches.figures(where, result.report.figures, expected.own);
    mismatches.value(
      `${where} breakdown units`,
      result.breakdown.map((row) => `${row.unit.kind}:${row.unit.key}`),
      levels.flatMap(({ level, keys }) => keys.map((key) => `${level}:${key}`)),
    );
    for (const row of result.breakdown) {
      const level = expected.children.find((child) => child.level === row.unit.kind);
      const figures = level?.figures.get(row.unit.key);
      if (figures) mismatches.figures(`${where} > ${row.unit.kind} ${row.unit.key}`, row.figures, figures);
    }
    if ((index + 1) % 10 === 0 || index + 1 === units.length) {
      progress(
        `  ${name}: ${index + 1}/${units.length} (rollup p50 ${ms(percentile(measured.rollup, 50))} ms, raw p50 ${ms(percentile(measured.raw, 50))} ms)`,
      );
    }
  }
  return measured;
}

async function measureRankings(
  orm: MikroORM,
  provinces: string[],
  period: ReachPeriod,
  options: BenchOptions,
  mismatches: Mismatches,
): Promise<Measured> {
  const service = new ReachStatisticsService(orm.em.fork());
  const raw = new RawFigures(orm.em.fork());
  const measured: Measured = { name: 'ranking', units: provinces.length * 2, rollup: [], raw: [] };
  const kinds = [
    { subject: RankingSubject.COMMUNES, level: ReachUnitKind.COMMUNE, metric: RankingMetric.COMPLETIONS_PER_ADULT },
    { subject: RankingSubject.TEAMS, level: ReachUnitKind.TEAM, metric: RankingMetric.COMPLETIONS_PER_MEMBER },
  ] as const;
  for (const [index, province] of provinces.entries()) {
    for (const { subject, level, metric } of kinds) {
      const ranking = () => service.ranking(ADMIN, province, subject, metric, period.from, period.to);
      await ranking();
      let rows!: Awaited<ReturnType<typeof ranking>>['rows'];
      for (let run = 0; run < options.repeats; run++) {
        const { result, milliseconds } = await timed(ranking);
        measured.rollup.push(milliseconds);
        rows = result.rows;
      }
      // The same ranking from the raw tables: value = completions / denominator, null (last) when it is 0 or unknown.
      const rawRanking = async () => {
        const inputs = await raw.rankingInputs(province, level, period);
        const ranked = [...inputs].map(([key, input]) => {
          const denominator = metric === RankingMetric.COMPLETIONS_PER_MEMBER ? input.members : input.adults;
          return { key, ...input, value: denominator ? input.completions / denominator : null };
        });
        ranked.sort(
          (a, b) =>
            (b.value ?? -1) - (a.value ?? -1) ||
            b.completions - a.completions ||
            (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
        );
        return ranked;
      };
      let expected!: Awaited<ReturnType<typeof rawRanking>>;
      for (let run = 0; run < options.rawRepeats; run++) {
        const { result, milliseconds } = await timed(rawRanking);
        measured.raw.push(milliseconds);
        expected = result;
      }
      mismatches.value(
        `ranking ${province} ${subject} ${metric}`,
        rows.map((row) => [row.rank, row.unit.key, row.completions, row.members, row.adultPopulation, row.value]),
        expected.map((row, position) => [position + 1, row.key, row.completions, row.members, row.adults, row.value]),
      );
    }
    progress(`  ranking: ${index + 1}/${provinces.length}`);
  }
  return measured;
}

async function rollupSizes(orm: MikroORM): Promise<string> {
  const tables = [
    'reach_village_day',
    'reach_visit_day',
    'reach_session_village',
    'reach_resident_day',
    'reach_confirmed',
    'reach_commune_day',
    'reach_province_day',
    'reach_resident_reach',
    'reach_village_coverage',
  ];
  const counts = await Promise.all(
    tables.map(async (name) => {
      const [row] = await orm.em.fork().execute<{ count: string }[]>(`select count(*) as count from ${name}`);
      return `${name} ${n(Number(row.count))}`;
    }),
  );
  return counts.join(', ');
}

async function rawSizes(orm: MikroORM): Promise<string> {
  const [row] = await orm.em.fork().execute<Record<string, string>[]>(
    `select (select count(*) from resident) as residents, (select count(*) from live_attendance) as attendance,
            (select count(*) from support_visit) as visits, (select count(*) from live_check_in) as check_ins,
            (select count(*) from live_venue_headcount) as headcount_reports, (select count(*) from live_session) as sessions,
            (select count(*) from enrollment) as enrollments, (select count(*) from enrollment where completed_at is not null) as completions,
            (select count(*) from province) as provinces, (select count(*) from commune) as communes, (select count(*) from village) as villages,
            (select count(*) from team) as teams, (select count(*) from team_member) as members, (select count(*) from reach_target) as targets`,
  );
  return Object.entries(row)
    .map(([name, value]) => `${name.replace('_', ' ')} ${n(Number(value))}`)
    .join(', ');
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv, resolve(__dirname, '../..'));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}`);
    return error.message ? 2 : 0;
  }
  Logger.overrideLogger(['error', 'warn']);
  const config = loadConfig();
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/hocvuso_bench_reach_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = { ...config, DATABASE_URL: url.toString() };
  const timings: StepTiming[] = [];
  const out: string[] = [];
  const say = (line = '') => out.push(line);
  let orm: MikroORM | null = null;
  const started = performance.now();
  // Ctrl-C (or a kill) still drops the database: `drop … with (force)` ends the bench's own connections.
  const interrupted = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping`);
    const drop = options.keep ? Promise.resolve() : dropDatabase(database);
    drop.then(
      () => process.exit(130),
      () => process.exit(130),
    );
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    progress(`database ${url.pathname.slice(1)} on ${url.host}`);
    await step(
      'create and migrate the database',
      async () => {
        await ensureDatabase(database);
        await migrateUp(database);
      },
      timings,
    );
    orm = await MikroORM.init(createOrmOptions(database));
    const db = orm;
    await step(
      'official units (34 provinces, 3,321 communes)',
      () => new UnitsImportService(db.em.fork()).importFile(options.unitsFile),
      timings,
    );
    await step('seed course catalog', () => loadCatalog(db.em.fork()), timings);
    const shape: DatasetShape = await generateDataset(db.em.fork(), options, timings);
    const generated = timings.reduce((sum, timing) => sum + timing.milliseconds, 0);

    const refresher = new ReachRefreshService(db.em.fork());
    const full = await step('full rollup refresh', () => refresher.refresh({ full: true }), timings);
    const fullMs = timings.at(-1)!.milliseconds;
    const fullSizes = await rollupSizes(db);
    const added = await step(
      `new rows (${options.incrementalShare * 100}% of each raw table)`,
      () => addIncrementalRows(db.em.fork(), options, shape),
      timings,
    );
    const incremental = await step('incremental rollup refresh', () => refresher.refresh({ full: false }), timings);
    const incrementalMs = timings.at(-1)!.milliseconds;

    const period: ReachPeriod = { from: shape.period.start, to: shape.period.today };
    const random = seededRandom(options.seed);
    const codes = async (text: string) => (await db.em.fork().execute<{ key: string }[]>(text)).map((row) => row.key);
    const provinces = sample(await codes(`select code as key from province order by code`), options.provinces, random);
    const communes = sample(await codes(`select code as key from commune order by code`), options.communes, random);
    const teams = sample(await codes(`select id::text as key from team order by id`), options.teams, random);
    const rankings = sample(await codes(`select code as key from province order by code`), options.rankings, random);
    const mismatches = new Mismatches();
    const measured: Measured[] = [];
    progress(
      `queries over ${period.from}..${period.to}: ${options.repeats} warm runs through the rollups, ${options.rawRepeats} over the raw tables`,
    );
    const as = (kind: ReachUnitKind, keys: string[]) => keys.map((key) => ({ kind, key }));
    measured.push(
      await measureDashboards(
        db,
        'province dashboard',
        as(ReachUnitKind.PROVINCE, provinces),
        period,
        options,
        mismatches,
      ),
    );
    measured.push(
      await measureDashboards(
        db,
        'commune dashboard',
        as(ReachUnitKind.COMMUNE, communes),
        period,
        options,
        mismatches,
      ),
    );
    measured.push(
      await measureDashboards(db, 'team dashboard', as(ReachUnitKind.TEAM, teams), period, options, mismatches),
    );
    if (rankings.length > 0) measured.push(await measureRankings(db, rankings, period, options, mismatches));

    say('bench:reach — reach statistics at national scale: rollups against plain aggregation over the raw tables');
    say();
    say(`Data set: ${await rawSizes(db)}`);
    say(
      `  (${n(shape.villages)} villages, ${n(shape.venues)} venues; data ${shape.period.start}..${shape.period.end}, incremental rows on ${shape.period.end}..${shape.period.today})`,
    );
    say();
    say(`Generation (${seconds(generated)} in all):`);
    say(
      table(
        ['step', 'time'],
        timings
          .filter((timing) => !timing.name.includes('refresh') && !timing.name.startsWith('new rows'))
          .map((timing) => [timing.name, seconds(timing.milliseconds)]),
      ),
    );
    say();
    say(`Full rollup refresh: ${seconds(fullMs)} (${n(full.days)} days, ${n(full.sessions)} sessions)`);
    say(`  rollup rows: ${fullSizes}`);
    say(
      `Incremental refresh after ${n(added.sessions)} sessions with ${n(added.attendance)} attendance rows, ${n(added.visits)} late-synced visits and ${n(added.completions)} completions: ` +
        `${seconds(incrementalMs)} (${n(incremental.days)} days, ${n(incremental.sessions)} sessions recomputed)`,
    );
    const interval = config.STATISTICS_REFRESH_INTERVAL_SECONDS;
    say(
      interval > 0
        ? `Staleness: figures lag the raw rows by at most STATISTICS_REFRESH_INTERVAL_SECONDS (${interval} s) + one incremental refresh (${seconds(incrementalMs)}) = ${((interval * 1000 + incrementalMs) / 1000).toFixed(1)} s (plus queue pickup)`
        : `Staleness: the scheduled refresh is off (STATISTICS_REFRESH_INTERVAL_SECONDS=0); figures are as old as the last requested refresh`,
    );
    say();
    say(
      `Dashboards over ${period.from}..${period.to} (${options.repeats} warm runs each through ReachStatisticsService, ${options.rawRepeats} over the raw tables; ms):`,
    );
    say(
      table(
        ['query', 'units', 'rollup p50', 'rollup p95', 'raw p50', 'raw p95', 'raw/rollup p50', 'raw/rollup p95'],
        measured.map((m) => {
          const [r50, r95, b50, b95] = [
            percentile(m.rollup, 50),
            percentile(m.rollup, 95),
            percentile(m.raw, 50),
            percentile(m.raw, 95),
          ];
          return [
            m.name,
            n(m.units),
            ms(r50),
            ms(r95),
            ms(b50),
            ms(b95),
            `${(b50 / r50).toFixed(0)}x`,
            `${(b95 / r95).toFixed(0)}x`,
          ];
        }),
      ),
    );
    say();
    say(`Agreement: ${n(mismatches.compared)} figures compared, ${n(mismatches.lines.length)} mismatches`);
    for (const line of mismatches.lines.slice(0, 40)) say(`  MISMATCH ${line}`);
    if (mismatches.lines.length > 40) say(`  ... and ${n(mismatches.lines.length - 40)} more`);
    for (const name of ['province dashboard', 'commune dashboard']) {
      const m = measured.find((entry) => entry.name === name);
      if (!m || m.units === 0) continue;
      const p95 = percentile(m.rollup, 95);
      const pass = p95 < TARGET_P95_MS;
      say(`Target: ${name} p95 ${ms(p95)} ms < ${TARGET_P95_MS} ms: ${pass ? 'PASS' : 'FAIL'}`);
    }
    say(`Total run time: ${seconds(performance.now() - started)}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return mismatches.lines.length > 0 ? 1 : 0;
  } finally {
    await orm?.close(true);
    if (options.keep) progress(`kept database ${url.pathname.slice(1)} (--keep)`);
    else {
      await dropDatabase(database);
      progress(`dropped database ${url.pathname.slice(1)}`);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench:reach failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
