import { randomUUID } from 'node:crypto';
import { loadConfig } from '@hocvuso/config';
import { QueueName } from '@hocvuso/jobs';
import { BASIC_PROGRAMME_SLUGS } from '@hocvuso/statistics';
import { StatisticsProcessor } from '../apps/worker/src/statistics/statistics.processor';
import { ApiHarness, type GraphQLResult } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import { type TestQueue, WorkerHarness } from './support/worker-harness';
import { buildReachFixture, type ReachFixture } from './support/reach-fixture';

const FIGURES = `classesHeld livePersonTimes venueHeadcount supportVisits visitsByTask { task visits } personTimes
  completions uniquePeople residentsConfirmed residentsConfirmedToDate adultPopulation targetPeople
  reachedShare confirmedShare targetProgress villages villagesWithClass villagesWithTeam villagesWithClassAndTeam`;
const STATS = `query ($unit: ReachUnitInput!, $from: String!, $to: String!) {
  reachStatistics(unit: $unit, from: $from, to: $to) {
    unit { kind code id name } from to asOf figures { ${FIGURES} }
    breakdown { unit { kind code id } figures { classesHeld livePersonTimes supportVisits completions uniquePeople adultPopulation } }
    days: series(interval: DAY) { start classesHeld livePersonTimes supportVisits completions uniquePeople }
    weeks: series(interval: WEEK) { start livePersonTimes uniquePeople }
  }
}`;
const RANKING = `query ($metric: RankingMetric!) {
  reachRanking(provinceCode: "74", by: COMMUNES, metric: $metric, from: "2026-10-01", to: "2026-10-31") {
    asOf rows { rank unit { code } completions members adultPopulation value }
  }
}`;
const REFRESH = `mutation ($full: Boolean!) { refreshReachStatistics(full: $full) { jobId full } }`;

type Figures = Record<string, unknown> & { visitsByTask: { task: string; visits: number }[] };
interface Stats {
  unit: { kind: string; code: string | null; id: string | null; name: string };
  from: string;
  to: string;
  asOf: string | null;
  figures: Figures;
  breakdown: {
    unit: { kind: string; code: string | null; id: string | null };
    figures: Record<string, number | null>;
  }[];
  days: Record<string, number | string>[];
  weeks: { start: string; livePersonTimes: number; uniquePeople: number }[];
}
const PERIOD = { from: '2026-10-01', to: '2026-10-31' };
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const tasks = (counts: Partial<Record<string, number>>) =>
  ['VNEID_ACTIVATION', 'PUBLIC_SERVICE_APPLICATION', 'DIGITAL_SIGNATURE', 'APP_INSTALL', 'SCAM_AWARENESS', 'OTHER'].map(
    (task) => ({ task, visits: counts[task] ?? 0 }),
  );

/**
 * Province 74 (a code no official unit and no other test uses). Commune 74001 has villages A1
 * (covered by team T, two members) and A2 (venue V); commune 74002 has village B1. Residents r1–r3
 * live in A1, r4 in A2, r5 in B1. Every figure is counted by hand below, recomputed from the raw
 * tables with plain SQL, and compared with the API, before and after a refresh.
 */
describe('reach statistics match hand counts and the raw rows, before and after a refresh', () => {
  const config = loadConfig();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let statistics: TestQueue<'statistics'>;
  let admin: TestActor;
  let official: TestActor;
  let otherOfficial: TestActor;
  let volunteer: TestActor;
  let visit: ReachFixture['visit'];
  let id: Record<string, string>;

  const stats = async (unit: Record<string, string>, token = official.token, period = PERIOD) => {
    const result = await api.gql<{ reachStatistics: Stats }>(STATS, { unit, ...period }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.reachStatistics;
  };
  const refresh = async (full: boolean) => {
    const result = await api.gql<{ refreshReachStatistics: { jobId: string } }>(REFRESH, { full }, admin.token);
    expect(result.errors).toBeUndefined();
    return statistics.finished<{ full: boolean }>(result.data!.refreshReachStatistics.jobId);
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    worker = await WorkerHarness.start();
    statistics = await worker.queue(QueueName.statistics);
    const fixture = await buildReachFixture(api);
    ({ id, volunteer, visit } = fixture);
    admin = await createActor(api, [[Role.ADMIN, scopes.nation()]]);
    official = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('74')]]);
    otherOfficial = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('74002', '74')]]);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** The same figures from the raw tables, with plain SQL: no rollup involved. */
  async function rawFigures(communeCode: string, period = PERIOD) {
    const day = (column: string) => `((${column}) at time zone 'Asia/Ho_Chi_Minh')::date`;
    const sessionDay = day('coalesce(s.started_at, s.scheduled_start)');
    const inPeriod = `between '${period.from}' and '${period.to}'`;
    const slugs = `{${BASIC_PROGRAMME_SLUGS.join(',')}}`;
    const [row] = await api.sql<Record<string, number>>(
      `select
         (select count(distinct a.session_id) from live_attendance a join live_session s on s.id = a.session_id
            join village v on v.id = a.village_id
           where v.commune_code = $1 and s.status = 'ENDED' and ${sessionDay} ${inPeriod})::int as "classesHeld",
         (select count(distinct a.village_id) from live_attendance a join live_session s on s.id = a.session_id
            join village v on v.id = a.village_id
           where v.commune_code = $1 and s.status = 'ENDED' and ${sessionDay} ${inPeriod})::int as "villagesWithClass",
         (select coalesce(sum(case when a.kind = 'VENUE' then coalesce(a.headcount, 1) else 1 end), 0)
            from live_attendance a join live_session s on s.id = a.session_id join village v on v.id = a.village_id
           where v.commune_code = $1 and ${sessionDay} ${inPeriod})::int as "livePersonTimes",
         (select count(*) from support_visit sv join village v on v.id = sv.village_id
           where v.commune_code = $1 and ${day('sv.occurred_at')} ${inPeriod})::int as "supportVisits",
         (select count(*) from enrollment e join resident r on r.id = e.resident_id join village v on v.id = r.village_id
           where v.commune_code = $1 and ${day('e.completed_at')} ${inPeriod})::int as completions,
         (select count(distinct x.resident_id) from (
             select a.resident_id from live_attendance a join live_session s on s.id = a.session_id
              where a.kind = 'RESIDENT' and ${sessionDay} ${inPeriod}
             union all select k.resident_id from live_check_in k join live_session s on s.id = k.session_id where ${sessionDay} ${inPeriod}
             union all select e.resident_id from enrollment e where ${day('e.completed_at')} ${inPeriod}
             union all select sv.resident_id from support_visit sv where sv.resident_id is not null and ${day('sv.occurred_at')} ${inPeriod}
           ) x join resident r on r.id = x.resident_id join village v on v.id = r.village_id where v.commune_code = $1)::int as "uniquePeople",
         (select count(*) from (
             select e.resident_id, max(${day('e.completed_at')}) as confirmed_on
               from enrollment e join course c on c.id = e.course_id join resident r on r.id = e.resident_id
               join village v on v.id = r.village_id
              where v.commune_code = $1 and c.slug = any($2::text[]) and e.completed_at is not null
              group by e.resident_id having count(distinct c.slug) = cardinality($2::text[])
           ) confirmed where confirmed_on <= '${period.to}')::int as "residentsConfirmedToDate"`
        .replace(/\$1/g, '?')
        .replace(/\$2/g, '?'),
      [...Array<string>(7).fill(communeCode), slugs, slugs],
    );
    return row;
  }

  /** 74001 counted by hand. */
  const commune74001 = {
    classesHeld: 2, // S1 (A1, A2) and S2 (A1): one class each, however many villages attended
    livePersonTimes: 18, // S1: r1, r2, a guest, venue V's 12; S2: r1, venue V2 (1); S3: r3
    venueHeadcount: 13,
    supportVisits: 3,
    visitsByTask: tasks({ VNEID_ACTIVATION: 1, SCAM_AWARENESS: 1, APP_INSTALL: 1 }),
    personTimes: 21,
    completions: 8, // r1 five, r2 three; r4's were in September
    uniquePeople: 4, // r1, r2, r3, r4 (checked in at V, visited): the guest is nobody we know
    residentsConfirmed: 1, // r1 in October
    residentsConfirmedToDate: 2, // and r4 in September
    adultPopulation: 100, // the commune's own row due 2026-12-31, not the past one of 90
    targetPeople: 80,
    reachedShare: 0.04,
    confirmedShare: 0.02,
    targetProgress: 2 / 80,
    villages: 2,
    villagesWithClass: 2,
    villagesWithTeam: 1,
    villagesWithClassAndTeam: 1,
  };

  it('answers with no figures counted yet before the first refresh, and everything after it', async () => {
    const before = await stats({ kind: 'COMMUNE', code: '74001' });
    // Another refresh may have run in this run's database; our rows arrived after any of them.
    expect(before.figures).toMatchObject({ classesHeld: 0, livePersonTimes: 0, uniquePeople: 0, completions: 0 });

    await expect(refresh(true)).resolves.toMatchObject({ full: true });

    const after = await stats({ kind: 'COMMUNE', code: '74001' });
    expect(after.unit).toEqual({ kind: 'COMMUNE', code: '74001', id: null, name: 'Xã Thống Kê' });
    expect(after.figures).toEqual(commune74001);
    expect(new Date(after.asOf!).getTime()).toBeGreaterThan(before.asOf ? new Date(before.asOf).getTime() : 0);
    const raw = await rawFigures('74001');
    expect(raw).toEqual({
      classesHeld: commune74001.classesHeld,
      villagesWithClass: commune74001.villagesWithClass,
      livePersonTimes: commune74001.livePersonTimes,
      supportVisits: commune74001.supportVisits,
      completions: commune74001.completions,
      uniquePeople: commune74001.uniquePeople,
      residentsConfirmedToDate: commune74001.residentsConfirmedToDate,
    });
  });

  it('counts a class once in a province however many villages attended it, and sums the rest', async () => {
    const province = await stats({ kind: 'PROVINCE', code: '74' });
    expect(province.figures).toMatchObject({
      classesHeld: 2, // S1 and S2: 74001 has 2 and 74002 has 1, but S1 is the same class
      livePersonTimes: 19,
      supportVisits: 3,
      completions: 9,
      uniquePeople: 5,
      residentsConfirmedToDate: 2,
      adultPopulation: 110, // 74001's own 100 + 74002's village 10
      targetPeople: 90,
      villages: 3,
      villagesWithClass: 3,
      villagesWithTeam: 1,
    });
    expect(province.breakdown).toEqual([
      {
        unit: { kind: 'COMMUNE', code: '74001', id: null },
        figures: {
          classesHeld: 2,
          livePersonTimes: 18,
          supportVisits: 3,
          completions: 8,
          uniquePeople: 4,
          adultPopulation: 100,
        },
      },
      {
        unit: { kind: 'COMMUNE', code: '74002', id: null },
        figures: {
          classesHeld: 1,
          livePersonTimes: 1,
          supportVisits: 0,
          completions: 1,
          uniquePeople: 1,
          adultPopulation: 10,
        },
      },
    ]);
    expect(await rawFigures('74002')).toMatchObject({
      classesHeld: 1,
      livePersonTimes: 1,
      completions: 1,
      uniquePeople: 1,
    });
  });

  it('breaks a commune into villages and teams, and reports a team by the villages it covers', async () => {
    const commune = await stats({ kind: 'COMMUNE', code: '74001' });
    const byUnit = new Map(commune.breakdown.map((row) => [row.unit.id, row.figures]));
    expect(byUnit.get(id.A1)).toEqual({
      classesHeld: 2,
      livePersonTimes: 5,
      supportVisits: 2,
      completions: 8,
      uniquePeople: 3,
      adultPopulation: 40,
    });
    expect(byUnit.get(id.A2)).toEqual({
      classesHeld: 1,
      livePersonTimes: 13,
      supportVisits: 1,
      completions: 0,
      uniquePeople: 1,
      adultPopulation: null,
    });
    expect(byUnit.get(id.T)).toEqual(byUnit.get(id.A1));
    expect(commune.breakdown.map((row) => row.unit.kind)).toEqual(['VILLAGE', 'VILLAGE', 'TEAM']);

    const team = await stats({ kind: 'TEAM', id: id.T });
    expect(team.figures).toMatchObject({
      supportVisits: 2,
      visitsByTask: tasks({ VNEID_ACTIVATION: 1, SCAM_AWARENESS: 1 }),
      uniquePeople: 3,
      adultPopulation: 40,
      targetPeople: 20,
      villages: 1,
      villagesWithTeam: 1,
    });
  });

  it('gives a series of days and weeks whose unique people are distinct per bucket', async () => {
    const commune = await stats({ kind: 'COMMUNE', code: '74001' });
    expect(commune.days).toHaveLength(31);
    const day = (start: string) => commune.days.find((point) => point.start === start);
    expect(day('2026-10-10')).toEqual({
      start: '2026-10-10',
      classesHeld: 1,
      livePersonTimes: 15,
      supportVisits: 0,
      completions: 0,
      uniquePeople: 3, // r1, r2 attended; r4 checked in
    });
    expect(day('2026-10-21')).toMatchObject({ classesHeld: 1, livePersonTimes: 2, uniquePeople: 1 });
    expect(day('2026-10-20')).toMatchObject({ classesHeld: 0, livePersonTimes: 0 });
    const sum = (key: string) => commune.days.reduce((total, point) => total + Number(point[key]), 0);
    expect(sum('livePersonTimes')).toBe(18);
    expect(sum('completions')).toBe(8);
    expect(sum('uniquePeople')).toBeGreaterThan(commune74001.uniquePeople); // r1 counts on several days
    expect(commune.weeks.map((week) => week.start)).toEqual([
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
    ]);
    expect(commune.weeks.reduce((total, week) => total + week.livePersonTimes, 0)).toBe(18);
  });

  it('counts people, classes and villages with a class over any part of the period as the raw rows do', async () => {
    // Every day with something counted in either commune, a day with nothing, a stretch between
    // two classes, and each week: a person or village counts only when one of its days falls inside.
    const series = await Promise.all(['74001', '74002'].map((code) => stats({ kind: 'COMMUNE', code })));
    const busy = new Set(
      series.flatMap((commune) =>
        commune.days
          .filter((point) => ['livePersonTimes', 'completions', 'supportVisits'].some((key) => Number(point[key]) > 0))
          .map((point) => String(point.start)),
      ),
    );
    expect(busy.size).toBeGreaterThan(3);
    const plusDays = (day: string, days: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const periods = [
      ...[...busy].map((day) => ({ from: day, to: day })),
      { from: '2026-10-20', to: '2026-10-20' },
      { from: '2026-10-11', to: '2026-10-20' },
      ...series[0].weeks.map((week) => ({ from: week.start, to: plusDays(week.start, 6) })),
    ];
    for (const period of periods) {
      for (const code of ['74001', '74002']) {
        const { figures } = await stats({ kind: 'COMMUNE', code }, official.token, period);
        const raw = await rawFigures(code, period);
        const counted = Object.fromEntries(Object.keys(raw).map((key) => [key, figures[key]]));
        expect({ code, period, ...counted }).toEqual({ code, period, ...raw });
      }
    }
  });

  it('ranks communes per team member and per adult', async () => {
    const perMember = await api.gql<{ reachRanking: { rows: unknown[] } }>(
      RANKING,
      { metric: 'COMPLETIONS_PER_MEMBER' },
      official.token,
    );
    expect(perMember.data!.reachRanking.rows).toEqual([
      { rank: 1, unit: { code: '74001' }, completions: 8, members: 2, adultPopulation: 100, value: 4 },
      { rank: 2, unit: { code: '74002' }, completions: 1, members: 0, adultPopulation: 10, value: null },
    ]);
    const perAdult = await api.gql<{ reachRanking: { rows: unknown[] } }>(
      RANKING,
      { metric: 'COMPLETIONS_PER_ADULT' },
      official.token,
    );
    expect(perAdult.data!.reachRanking.rows).toEqual([
      { rank: 1, unit: { code: '74002' }, completions: 1, members: 0, adultPopulation: 10, value: 0.1 },
      { rank: 2, unit: { code: '74001' }, completions: 8, members: 2, adultPopulation: 100, value: 0.08 },
    ]);
  });

  it('keeps answering from the rollups until the next refresh, then counts the new rows', async () => {
    const before = await stats({ kind: 'COMMUNE', code: '74001' });
    // r2 also attended S2 (one more person-time, nobody new); a new resident r6 of A2 was visited.
    await api.sql(
      `insert into live_attendance (session_id, participant_id, kind, resident_id, village_id, commune_code, province_code, first_joined_at, last_seen_at)
       select s.id, 'RESIDENT-late', 'RESIDENT', ?::uuid, ?::uuid, '74001', '74', s.started_at, now() from live_session s where s.id = ?`,
      [id.r2, id.A1, id.S2],
    );
    id.r6 = randomUUID();
    await api.sql(`insert into resident (id, village_id) values (?, ?)`, [id.r6, id.A2]);
    await visit('r6', 'A2', null, 'PUBLIC_SERVICE_APPLICATION', '2026-10-09T03:00:00Z');
    // Team T takes on A2 too: coverage is counted as of the refresh, like everything else.
    await api.sql(`insert into team_village (team_id, village_id) values (?, ?)`, [id.T, id.A2]);

    const stale = await stats({ kind: 'COMMUNE', code: '74001' });
    expect(stale.figures).toEqual(before.figures);
    expect(stale.asOf).toBe(before.asOf);
    expect(await rawFigures('74001')).toMatchObject({ livePersonTimes: 19, supportVisits: 4, uniquePeople: 5 });

    await expect(refresh(false)).resolves.toMatchObject({ full: false });

    const fresh = await stats({ kind: 'COMMUNE', code: '74001' });
    expect(new Date(fresh.asOf!).getTime()).toBeGreaterThan(new Date(before.asOf!).getTime());
    expect(fresh.figures).toEqual({
      ...commune74001,
      livePersonTimes: 19,
      supportVisits: 4,
      visitsByTask: tasks({ VNEID_ACTIVATION: 1, SCAM_AWARENESS: 1, APP_INSTALL: 1, PUBLIC_SERVICE_APPLICATION: 1 }),
      personTimes: 23,
      uniquePeople: 5,
      reachedShare: 0.05,
      villagesWithTeam: 2,
      villagesWithClassAndTeam: 2,
    });
    const raw = await rawFigures('74001');
    expect(raw).toMatchObject({
      livePersonTimes: fresh.figures.livePersonTimes,
      supportVisits: fresh.figures.supportVisits,
      uniquePeople: fresh.figures.uniquePeople,
      classesHeld: fresh.figures.classesHeld,
      completions: fresh.figures.completions,
    });
    // A full rebuild agrees with the incremental one.
    await refresh(true);
    expect((await stats({ kind: 'COMMUNE', code: '74001' })).figures).toEqual(fresh.figures);
  });

  it('answers a unit outside the caller’s scope as not found, and lets only admins refresh', async () => {
    const outside = await api.gql(STATS, { unit: { kind: 'COMMUNE', code: '74001' }, ...PERIOD }, otherOfficial.token);
    expect(codeOf(outside)).toBe('UNIT_NOT_FOUND');
    const unknown = await api.gql(STATS, { unit: { kind: 'COMMUNE', code: '74009' }, ...PERIOD }, official.token);
    expect(codeOf(unknown)).toBe('UNIT_NOT_FOUND');
    expect(unknown.errors![0].message).toBe(outside.errors![0].message);
    const ownCommune = await api.gql(
      STATS,
      { unit: { kind: 'COMMUNE', code: '74002' }, ...PERIOD },
      otherOfficial.token,
    );
    expect(ownCommune.errors).toBeUndefined();
    const team = await api.gql(STATS, { unit: { kind: 'TEAM', id: id.T }, ...PERIOD }, otherOfficial.token);
    expect(codeOf(team)).toBe('UNIT_NOT_FOUND');
    const ranking = await api.gql(RANKING, { metric: 'COMPLETIONS_PER_ADULT' }, otherOfficial.token);
    expect(codeOf(ranking)).toBe('UNIT_NOT_FOUND');
    const byVolunteer = await api.gql(STATS, { unit: { kind: 'COMMUNE', code: '74001' }, ...PERIOD }, volunteer.token);
    expect(codeOf(byVolunteer)).toBe('UNIT_NOT_FOUND');
    expect(codeOf(await api.gql(REFRESH, { full: true }, official.token))).toBe('FORBIDDEN');
    const badPeriod = await api.gql(
      STATS,
      { unit: { kind: 'COMMUNE', code: '74001' }, from: '2026-10-31', to: '2026-10-01' },
      official.token,
    );
    expect(codeOf(badPeriod)).toBe('INVALID_PERIOD');
    const wrongKey = await api.gql(STATS, { unit: { kind: 'VILLAGE', code: '74001' }, ...PERIOD }, official.token);
    expect(codeOf(wrongKey)).toBe('INVALID_UNIT');
  });

  it('schedules the incremental refresh as a repeatable job when an interval is configured, and removes it at 0', async () => {
    // The worker's APP_CONFIG is this same parsed object; the run starts with the schedule off.
    const settings = config as { STATISTICS_REFRESH_INTERVAL_SECONDS: number };
    const processor = worker.app.get(StatisticsProcessor);
    try {
      settings.STATISTICS_REFRESH_INTERVAL_SECONDS = 3_600;
      await processor.onApplicationBootstrap();
      const schedulers = await statistics.queue.getJobSchedulers();
      expect(schedulers).toEqual([
        expect.objectContaining({ key: 'refresh-reach', name: 'refresh-reach', every: 3_600_000 }),
      ]);
    } finally {
      settings.STATISTICS_REFRESH_INTERVAL_SECONDS = 0;
      await processor.onApplicationBootstrap();
    }
    expect(await statistics.queue.getJobSchedulers()).toEqual([]);
  });
});
