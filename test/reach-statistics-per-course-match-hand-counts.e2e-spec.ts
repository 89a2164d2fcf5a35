import { randomUUID } from 'node:crypto';
import { QueueName } from '@hocvuso/jobs';
import { ApiHarness, type GraphQLResult } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';
import { insertReachPlaces } from './support/reach-fixture';
import { type TestQueue, WorkerHarness } from './support/worker-harness';

const FIGURES = `classesHeld livePersonTimes venueHeadcount supportVisits visitsByTask { task visits } personTimes
  completions uniquePeople residentsConfirmed residentsConfirmedToDate adultPopulation targetPeople
  reachedShare confirmedShare targetProgress villages villagesWithClass villagesWithTeam villagesWithClassAndTeam`;
const STATS = `query ($unit: ReachUnitInput!, $from: String!, $to: String!, $courseId: ID) {
  reachStatistics(unit: $unit, from: $from, to: $to, courseId: $courseId) {
    courseId asOf figures { ${FIGURES} }
    breakdown { unit { kind code id } figures { classesHeld livePersonTimes supportVisits completions uniquePeople } }
    days: series(interval: DAY) { start classesHeld livePersonTimes supportVisits completions uniquePeople }
  }
}`;
const RANKING = `query ($metric: RankingMetric!, $courseId: ID) {
  reachRanking(provinceCode: "76", by: COMMUNES, metric: $metric, from: "2026-10-01", to: "2026-10-31", courseId: $courseId) {
    courseId rows { rank unit { code } completions members adultPopulation value }
  }
}`;
const COURSES = `query ($unit: ReachUnitInput!, $courseId: ID) {
  reachStatistics(unit: $unit, from: "2026-10-01", to: "2026-10-31", courseId: $courseId) {
    courses { courseId slug title classesHeld livePersonTimes venueHeadcount completions uniquePeople }
  }
}`;
const REFRESH = `mutation ($full: Boolean!) { refreshReachStatistics(full: $full) { jobId full } }`;

type Figures = Record<string, unknown>;
interface Stats {
  courseId: string | null;
  asOf: string | null;
  figures: Figures;
  breakdown: { unit: { kind: string; code: string | null; id: string | null }; figures: Figures }[];
  days: Record<string, number | string | null>[];
}
const PERIOD = { from: '2026-10-01', to: '2026-10-31' };
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

/** What a course's figures never have: visits are not about a course, confirmation is about the programme. */
const NOT_PER_COURSE = {
  supportVisits: null,
  visitsByTask: null,
  residentsConfirmed: null,
  residentsConfirmedToDate: null,
  confirmedShare: null,
  targetProgress: null,
};

/**
 * Province 76 (used by no other test). Commune 76001 has villages A1 (covered by team T, one
 * member; venue V2) and A2 (venue V); commune 76002 has village B1. Residents r1, r2, r5 live in
 * A1, r3 in A2, r4 in B1. Sessions teach course K1, course K2 or no course. Every figure of each
 * course is counted by hand, recomputed from the raw tables with plain SQL, and compared with the
 * API, after a full refresh, after an incremental one, and after a full one again.
 */
describe('reach statistics per course match hand counts and the raw rows', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let statistics: TestQueue<'statistics'>;
  let admin: TestActor;
  let official: TestActor;
  let otherOfficial: TestActor;
  const tag = randomUUID().slice(0, 6);
  const id: Record<string, string> = {};

  const query = (unit: Record<string, string>, courseId: string | null, token = official.token) =>
    api.gql<{ reachStatistics: Stats }>(STATS, { unit, ...PERIOD, courseId }, token);
  const stats = async (unit: Record<string, string>, courseId: string | null, token = official.token) => {
    const result = await query(unit, courseId, token);
    expect(result.errors).toBeUndefined();
    return result.data!.reachStatistics;
  };
  const commune = (code: string) => ({ kind: 'COMMUNE', code });
  const refresh = async (full: boolean) => {
    const result = await api.gql<{ refreshReachStatistics: { jobId: string } }>(REFRESH, { full }, admin.token);
    expect(result.errors).toBeUndefined();
    return statistics.finished<{ full: boolean }>(result.data!.refreshReachStatistics.jobId);
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    worker = await WorkerHarness.start();
    statistics = await worker.queue(QueueName.statistics);
    admin = await createActor(api, [[Role.ADMIN, scopes.nation()]]);
    official = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('76')]]);
    otherOfficial = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('76002', '76')]]);
    await buildFixture();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function buildFixture(): Promise<void> {
    await insertReachPlaces(api, id, tag, {
      provinceCode: '76',
      provinceName: 'Bảy Sáu',
      communes: [
        { name: 'Xã Khóa Học', nameEn: 'Khoa Hoc' },
        { name: 'Xã Láng Giềng', nameEn: 'Lang Gieng' },
      ],
      residents: [
        ['r1', 'A1'],
        ['r2', 'A1'],
        ['r3', 'A2'],
        ['r4', 'B1'],
        ['r5', 'A1'],
      ],
      birthYear: 1980,
    });
    const member = await createActor(api, [[Role.VOLUNTEER, scopes.commune('76001', '76')]]);

    const [provinceUnion, communeUnion] = [randomUUID(), randomUUID()];
    await api.sql(
      `insert into youth_unit (id, level, province_code, name) values (?, 'PROVINCE', '76', 'Tỉnh đoàn Bảy Sáu')`,
      [provinceUnion],
    );
    await api.sql(
      `insert into youth_unit (id, level, parent_id, province_code, commune_code, name) values (?, 'COMMUNE', ?, '76', '76001', 'Đoàn xã Khóa Học')`,
      [communeUnion, provinceUnion],
    );
    id.T = randomUUID();
    await api.sql(
      `insert into team (id, youth_unit_id, province_code, commune_code, name, name_key) values (?, ?, '76', '76001', ?, ?)`,
      [id.T, communeUnion, `Đội T ${tag}`, `doi t ${tag}`],
    );
    await api.sql(`insert into team_village (team_id, village_id) values (?, ?)`, [id.T, id.A1]);
    await api.sql(`insert into team_member (id, team_id, account_id, joined_on) values (?, ?, ?, '2026-01-01')`, [
      randomUUID(),
      id.T,
      member.accountId,
    ]);

    id.K1 = await course(`k1-${tag}`);
    id.K2 = await course(`k2-${tag}`);

    // S5 is in September (outside the period); S4 is still live: person-times, no class yet.
    const sessions: [string, string | null, string, string][] = [
      ['S1', 'K1', 'ENDED', '2026-10-05T01:00:00Z'],
      ['S2', 'K2', 'ENDED', '2026-10-06T01:00:00Z'],
      ['S3', null, 'ENDED', '2026-10-07T01:00:00Z'],
      ['S4', 'K1', 'LIVE', '2026-10-20T01:00:00Z'],
      ['S5', 'K2', 'ENDED', '2026-09-28T01:00:00Z'],
    ];
    for (const [key, courseKey, status, start] of sessions) {
      id[key] = randomUUID();
      await api.sql(
        `insert into live_session (id, title, course_id, scheduled_start, scheduled_end, stream_url, target_province_codes, join_code, status, started_at, ended_at)
         values (?, ?, ?::uuid, ?::timestamptz, ?::timestamptz + interval '2 hours', 'https://example.org/live', '{76}', ?, ?, ?::timestamptz,
                 case when ? = 'ENDED' then ?::timestamptz + interval '2 hours' end)`,
        [
          id[key],
          `Buổi ${key}`,
          courseKey ? id[courseKey] : null,
          start,
          start,
          randomUUID().slice(0, 8),
          status,
          start,
          status,
          start,
        ],
      );
    }
    await attend('S1', 'RESIDENT', 'r1', 'A1');
    await attend('S1', 'RESIDENT', 'r2', 'A1');
    await attend('S1', 'GUEST', null, 'A2');
    await attend('S1', 'VENUE', 'V', 'A2', 10);
    await attend('S1', 'RESIDENT', 'r4', 'B1');
    await attend('S2', 'RESIDENT', 'r1', 'A1');
    await attend('S2', 'VENUE', 'V2', 'A1'); // no headcount reported: counts one
    await attend('S3', 'RESIDENT', 'r2', 'A1');
    await attend('S3', 'RESIDENT', 'r3', 'A2');
    await attend('S3', 'RESIDENT', 'r5', 'A1');
    await attend('S4', 'RESIDENT', 'r3', 'A2');
    await attend('S5', 'RESIDENT', 'r2', 'A1');
    await api.sql(
      `insert into live_check_in (id, session_id, venue_id, resident_id, checked_in_by, checked_in_at) values (?, ?, ?, ?, ?, '2026-10-05T01:10:00Z')`,
      [randomUUID(), id.S1, id.V, id.r3, member.accountId],
    );
    // A support visit reaches r3 for the programme, never for a course.
    await api.sql(
      `insert into support_visit (id, volunteer_account_id, team_id, resident_id, province_code, commune_code, village_id, task, place, occurred_at, minutes, content_hash)
       values (?, ?, null, ?, '76', '76001', ?, 'VNEID_ACTIVATION', 'DOOR_TO_DOOR', '2026-10-08T03:00:00Z', 20, 'hash')`,
      [randomUUID(), member.accountId, id.r3, id.A2],
    );

    await enrol('r1', 'K1', '2026-10-10T02:00:00Z');
    await enrol('r2', 'K2', '2026-10-11T02:00:00Z');
    await enrol('r3', 'K2', '2026-09-15T02:00:00Z'); // before the period
    await enrol('r4', 'K1', '2026-10-12T02:00:00Z');
    await enrol('r5', 'K1', null); // enrolled, not completed: not reached by K1

    for (const [communeCode, village, adults, percent] of [
      ['76001', null, 200, 50],
      ['76002', id.B1, 20, 100],
    ] as const) {
      await api.sql(
        `insert into reach_target (id, province_code, commune_code, village_id, adult_population, target_percent, due_on) values (?, '76', ?, ?, ?, ?, '2026-12-31')`,
        [randomUUID(), communeCode, village, adults, percent],
      );
    }
  }

  function attend(session: string, kind: string, who: string | null, village: string, headcount: number | null = null) {
    return api.sql(
      `insert into live_attendance (session_id, participant_id, kind, resident_id, venue_id, village_id, commune_code, province_code,
                                    first_joined_at, last_seen_at, seconds_present, headcount)
       select s.id, ?, ?, ?::uuid, ?::uuid, v.id, v.commune_code, '76', s.started_at, s.started_at + interval '1 hour', 3600, ?::int
         from live_session s, village v where s.id = ? and v.id = ?`,
      [
        `${kind}-${who ?? randomUUID()}`,
        kind,
        kind === 'RESIDENT' ? id[who!] : null,
        kind === 'VENUE' ? id[who!] : null,
        headcount,
        id[session],
        id[village],
      ],
    );
  }

  async function course(slug: string): Promise<string> {
    const courseId = randomUUID();
    await api.sql(`insert into course (id, slug, province_code) values (?, ?, '76')`, [courseId, slug]);
    await api.sql(
      `insert into course_version (id, course_id, number, title, summary, audience, topic, estimated_minutes, search_text)
       values (?, ?, 1, 'Khóa thử', 'Tóm tắt', 'RESIDENTS', 'DIGITAL_IDENTITY', 30, 'khoa thu')`,
      [randomUUID(), courseId],
    );
    return courseId;
  }

  async function enrol(resident: string, courseKey: string, completedAt: string | null) {
    await api.sql(
      `insert into enrollment (id, resident_id, course_id, course_version_id, enrolled_at, completed_at)
       select ?::uuid, ?::uuid, ?::uuid, (select id from course_version where course_id = ?), '2026-09-01T00:00:00Z', ?::timestamptz`,
      [randomUUID(), id[resident], id[courseKey], id[courseKey], completedAt],
    );
  }

  /** A course's figures for a commune from the raw tables, with plain SQL: no rollup involved. */
  async function rawCourseFigures(communeCode: string, courseKey: string) {
    const day = (column: string) => `((${column}) at time zone 'Asia/Ho_Chi_Minh')::date`;
    const sessionDay = day('coalesce(s.started_at, s.scheduled_start)');
    const inPeriod = `between '2026-10-01' and '2026-10-31'`;
    const ofCourse = `s.course_id = $2::uuid and ${sessionDay} ${inPeriod}`;
    const text = `select
         (select count(distinct a.session_id) from live_attendance a join live_session s on s.id = a.session_id
            join village v on v.id = a.village_id
           where v.commune_code = $1 and s.status = 'ENDED' and ${ofCourse})::int as "classesHeld",
         (select coalesce(sum(case when a.kind = 'VENUE' then coalesce(a.headcount, 1) else 1 end), 0)
            from live_attendance a join live_session s on s.id = a.session_id join village v on v.id = a.village_id
           where v.commune_code = $1 and ${ofCourse})::int as "livePersonTimes",
         (select count(*) from enrollment e join resident r on r.id = e.resident_id join village v on v.id = r.village_id
           where v.commune_code = $1 and e.course_id = $2::uuid and ${day('e.completed_at')} ${inPeriod})::int as completions,
         (select count(distinct x.resident_id) from (
             select a.resident_id from live_attendance a join live_session s on s.id = a.session_id
              where a.kind = 'RESIDENT' and ${ofCourse}
             union all select k.resident_id from live_check_in k join live_session s on s.id = k.session_id where ${ofCourse}
             union all select e.resident_id from enrollment e where e.course_id = $2::uuid and ${day('e.completed_at')} ${inPeriod}
           ) x join resident r on r.id = x.resident_id join village v on v.id = r.village_id where v.commune_code = $1)::int as "uniquePeople",
         (select count(distinct a.village_id) from live_attendance a join live_session s on s.id = a.session_id
            join village v on v.id = a.village_id
           where v.commune_code = $1 and s.status = 'ENDED' and ${ofCourse})::int as "villagesWithClass"`;
    // The driver takes `?` placeholders: $1 and $2 become `?` with their values in text order.
    const values: Record<string, string> = { $1: communeCode, $2: id[courseKey] };
    const params = (text.match(/\$[12]/g) ?? []).map((placeholder) => values[placeholder]);
    const [row] = await api.sql<Record<string, number>>(text.replace(/\$[12]/g, '?'), params);
    return row;
  }
  const rawMatches = async (communeCode: string, courseKey: string, figures: Figures) =>
    expect(await rawCourseFigures(communeCode, courseKey)).toEqual({
      classesHeld: figures.classesHeld,
      livePersonTimes: figures.livePersonTimes,
      completions: figures.completions,
      uniquePeople: figures.uniquePeople,
      villagesWithClass: figures.villagesWithClass,
    });

  /** 76001 counted by hand, per course. */
  const k1In76001 = {
    classesHeld: 1, // S1, attended from A1 and A2; S4 is still live
    livePersonTimes: 14, // S1: r1, r2, a guest, venue V's 10; S4: r3
    venueHeadcount: 10,
    ...NOT_PER_COURSE,
    personTimes: 14,
    completions: 1, // r1; r4 lives in 76002
    uniquePeople: 3, // r1, r2 attended S1, r3 checked in at V; r5 only enrolled
    adultPopulation: 200,
    targetPeople: 100,
    reachedShare: 3 / 200,
    villages: 2,
    villagesWithClass: 2,
    villagesWithTeam: 1,
    villagesWithClassAndTeam: 1,
  };
  const k2In76001 = {
    classesHeld: 1, // S2 from A1; S5 was in September
    livePersonTimes: 2, // S2: r1 and venue V2 (no headcount: one)
    venueHeadcount: 1,
    ...NOT_PER_COURSE,
    personTimes: 2,
    completions: 1, // r2; r3's was in September
    uniquePeople: 2, // r1 attended, r2 completed
    adultPopulation: 200,
    targetPeople: 100,
    reachedShare: 2 / 200,
    villages: 2,
    villagesWithClass: 1, // A1 only
    villagesWithTeam: 1,
    villagesWithClassAndTeam: 1,
  };

  it('counts nothing for a course before the refresh, then each course’s own figures, equal to the raw rows', async () => {
    const before = await stats(commune('76001'), id.K1);
    expect(before.figures).toMatchObject({ classesHeld: 0, livePersonTimes: 0, completions: 0, uniquePeople: 0 });

    await expect(refresh(true)).resolves.toMatchObject({ full: true });

    const k1 = await stats(commune('76001'), id.K1);
    expect(k1.courseId).toBe(id.K1);
    expect(k1.figures).toEqual({ ...k1In76001, visitsByTask: null });
    await rawMatches('76001', 'K1', k1.figures);
    const k2 = await stats(commune('76001'), id.K2);
    expect(k2.figures).toEqual({ ...k2In76001, visitsByTask: null });
    await rawMatches('76001', 'K2', k2.figures);

    // Programme-wide figures are untouched: S3 (no course) counts there, and so do visits.
    const all = await stats(commune('76001'), null);
    expect(all.courseId).toBeNull();
    expect(all.figures).toMatchObject({
      classesHeld: 3, // S1, S2, S3
      livePersonTimes: 19, // 14 + 2 + S3's three
      supportVisits: 1,
      completions: 2,
      uniquePeople: 4, // r1, r2, r3, r5
      residentsConfirmedToDate: 0,
    });
  });

  it('counts a course once per class across villages in a province, and breaks it down by commune', async () => {
    const province = await stats({ kind: 'PROVINCE', code: '76' }, id.K1);
    expect(province.figures).toMatchObject({
      classesHeld: 1, // S1, attended from three villages of two communes
      livePersonTimes: 15,
      completions: 2,
      uniquePeople: 4,
      supportVisits: null,
      residentsConfirmed: null,
      adultPopulation: 220,
      villages: 3,
      villagesWithClass: 3,
    });
    expect(province.breakdown).toEqual([
      {
        unit: { kind: 'COMMUNE', code: '76001', id: null },
        figures: { classesHeld: 1, livePersonTimes: 14, supportVisits: null, completions: 1, uniquePeople: 3 },
      },
      {
        unit: { kind: 'COMMUNE', code: '76002', id: null },
        figures: { classesHeld: 1, livePersonTimes: 1, supportVisits: null, completions: 1, uniquePeople: 1 },
      },
    ]);
    await rawMatches('76002', 'K1', (await stats(commune('76002'), id.K1)).figures);
    const k2 = await stats({ kind: 'PROVINCE', code: '76' }, id.K2);
    expect(k2.breakdown.map((row) => row.figures.livePersonTimes)).toEqual([2, 0]);
  });

  it('breaks a commune’s course into villages and teams, and reports a team by the villages it covers', async () => {
    const k1 = await stats(commune('76001'), id.K1);
    const byUnit = new Map(k1.breakdown.map((row) => [row.unit.id, row.figures]));
    expect(byUnit.get(id.A1)).toEqual({
      classesHeld: 1,
      livePersonTimes: 2, // r1, r2
      supportVisits: null,
      completions: 1,
      uniquePeople: 2,
    });
    expect(byUnit.get(id.A2)).toEqual({
      classesHeld: 1,
      livePersonTimes: 12, // the guest, V's 10, r3 in S4
      supportVisits: null,
      completions: 0,
      uniquePeople: 1, // r3
    });
    expect(byUnit.get(id.T)).toEqual(byUnit.get(id.A1));

    const team = await stats({ kind: 'TEAM', id: id.T }, id.K2);
    expect(team.figures).toMatchObject({
      classesHeld: 1,
      livePersonTimes: 2,
      completions: 1,
      uniquePeople: 2,
      supportVisits: null,
      villagesWithClass: 1,
    });
    const village = await stats({ kind: 'VILLAGE', id: id.A2 }, id.K2);
    expect(village.figures).toMatchObject({ classesHeld: 0, livePersonTimes: 0, completions: 0, uniquePeople: 0 });
  });

  it('gives a course’s series by day, with no support visits in it', async () => {
    const k1 = await stats(commune('76001'), id.K1);
    expect(k1.days).toHaveLength(31);
    const day = (start: string) => k1.days.find((point) => point.start === start);
    expect(day('2026-10-05')).toEqual({
      start: '2026-10-05',
      classesHeld: 1,
      livePersonTimes: 13,
      supportVisits: null,
      completions: 0,
      uniquePeople: 3, // r1, r2 attended; r3 checked in
    });
    expect(day('2026-10-07')).toMatchObject({ classesHeld: 0, livePersonTimes: 0, uniquePeople: 0 }); // S3: no course
    expect(day('2026-10-10')).toMatchObject({ completions: 1, uniquePeople: 1 });
    expect(day('2026-10-20')).toMatchObject({ classesHeld: 0, livePersonTimes: 1, uniquePeople: 1 });
    expect(k1.days.every((point) => point.supportVisits === null)).toBe(true);
    expect(k1.days.reduce((total, point) => total + Number(point.livePersonTimes), 0)).toBe(14);
  });

  it('ranks communes by one course’s completions', async () => {
    const perAdult = await api.gql<{ reachRanking: { courseId: string; rows: unknown[] } }>(
      RANKING,
      { metric: 'COMPLETIONS_PER_ADULT', courseId: id.K1 },
      official.token,
    );
    expect(perAdult.errors).toBeUndefined();
    expect(perAdult.data!.reachRanking).toEqual({
      courseId: id.K1,
      rows: [
        { rank: 1, unit: { code: '76002' }, completions: 1, members: 0, adultPopulation: 20, value: 0.05 },
        { rank: 2, unit: { code: '76001' }, completions: 1, members: 1, adultPopulation: 200, value: 0.005 },
      ],
    });
    const perMember = await api.gql<{ reachRanking: { rows: unknown[] } }>(
      RANKING,
      { metric: 'COMPLETIONS_PER_MEMBER', courseId: id.K2 },
      official.token,
    );
    expect(perMember.data!.reachRanking.rows).toEqual([
      { rank: 1, unit: { code: '76001' }, completions: 1, members: 1, adultPopulation: 200, value: 1 },
      { rank: 2, unit: { code: '76002' }, completions: 0, members: 0, adultPopulation: 20, value: null },
    ]);
  });

  it('lists the courses that reached a unit, each with the figures it has when asked for alone', async () => {
    const courses = async (unit: Record<string, string>, courseId: string | null = null) => {
      const result = await api.gql<{ reachStatistics: { courses: Record<string, unknown>[] } }>(
        COURSES,
        { unit, courseId },
        official.token,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.reachStatistics.courses;
    };
    const k1 = {
      courseId: id.K1,
      slug: `k1-${tag}`,
      title: 'Khóa thử',
      classesHeld: 1,
      livePersonTimes: 14,
      venueHeadcount: 10,
      completions: 1,
      uniquePeople: 3,
    };
    const k2 = {
      courseId: id.K2,
      slug: `k2-${tag}`,
      title: 'Khóa thử',
      classesHeld: 1,
      livePersonTimes: 2,
      venueHeadcount: 1,
      completions: 1,
      uniquePeople: 2,
    };
    expect(await courses(commune('76001'))).toEqual([k1, k2]); // most people reached first
    expect(await courses(commune('76001'), id.K2)).toEqual([k2]);
    expect(await courses({ kind: 'PROVINCE', code: '76' })).toEqual([
      { ...k1, livePersonTimes: 15, completions: 2, uniquePeople: 4 },
      k2,
    ]);
    expect(await courses({ kind: 'VILLAGE', id: id.A2 })).toEqual([
      { ...k1, livePersonTimes: 12, completions: 0, uniquePeople: 1 },
    ]);
    expect(await courses({ kind: 'VILLAGE', id: id.B1 }, id.K2)).toEqual([]);
  });

  it('follows a session moved to a course and late attendance in an incremental refresh, as a full one does', async () => {
    // S3 is recorded as teaching K1 after all; r3 joined S2 from A2 late.
    await api.sql(`update live_session set course_id = ?, updated_at = now() where id = ?`, [id.K1, id.S3]);
    await api.sql(
      `insert into live_attendance (session_id, participant_id, kind, resident_id, village_id, commune_code, province_code, first_joined_at, last_seen_at)
       select s.id, 'RESIDENT-late', 'RESIDENT', ?::uuid, ?::uuid, '76001', '76', s.started_at, now() from live_session s where s.id = ?`,
      [id.r3, id.A2, id.S2],
    );
    const stale = await stats(commune('76001'), id.K1);
    expect(stale.figures).toMatchObject({ classesHeld: 1, livePersonTimes: 14 });

    await expect(refresh(false)).resolves.toMatchObject({ full: false });

    const k1 = await stats(commune('76001'), id.K1);
    expect(k1.figures).toEqual({
      ...k1In76001,
      visitsByTask: null,
      classesHeld: 2, // S1 and S3
      livePersonTimes: 17,
      personTimes: 17,
      uniquePeople: 4, // r5 attended S3
      reachedShare: 4 / 200,
    });
    await rawMatches('76001', 'K1', k1.figures);
    const k2 = await stats(commune('76001'), id.K2);
    expect(k2.figures).toEqual({
      ...k2In76001,
      visitsByTask: null,
      livePersonTimes: 3,
      personTimes: 3,
      uniquePeople: 3, // and r3
      reachedShare: 3 / 200,
      villagesWithClass: 2, // A2 attended S2 now
    });
    await rawMatches('76001', 'K2', k2.figures);

    await refresh(true);
    expect((await stats(commune('76001'), id.K1)).figures).toEqual(k1.figures);
    expect((await stats(commune('76001'), id.K2)).figures).toEqual(k2.figures);
  });

  it('keeps a course’s figures inside the caller’s scope and refuses an unknown course', async () => {
    const outside = await query(commune('76001'), id.K1, otherOfficial.token);
    expect(codeOf(outside)).toBe('UNIT_NOT_FOUND');
    const own = await stats(commune('76002'), id.K1, otherOfficial.token);
    expect(own.figures).toMatchObject({ classesHeld: 1, livePersonTimes: 1, completions: 1, uniquePeople: 1 });
    const ranking = await api.gql(RANKING, { metric: 'COMPLETIONS_PER_ADULT', courseId: id.K1 }, otherOfficial.token);
    expect(codeOf(ranking)).toBe('UNIT_NOT_FOUND');

    expect(codeOf(await query(commune('76001'), randomUUID()))).toBe('COURSE_NOT_FOUND');
    expect(codeOf(await query(commune('76001'), 'not-a-course'))).toBe('COURSE_NOT_FOUND');
    const unknownRanked = await api.gql(
      RANKING,
      { metric: 'COMPLETIONS_PER_ADULT', courseId: randomUUID() },
      official.token,
    );
    expect(codeOf(unknownRanked)).toBe('COURSE_NOT_FOUND');
  });
});
