import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { BASIC_PROGRAMME_SLUGS } from '@hocvuso/statistics';
import type { ApiHarness } from './api-harness';
import { createActor, Role, scopes, type TestActor } from './actors';

export interface ReachFixture {
  provinceCode: string;
  /** the commune with villages A1, A2 and team T, and the one with village B1 */
  communeCodes: [string, string];
  /** ids by key: villages A1 A2 B1, venues V V2, residents r1–r5, team T, sessions S0–S3 */
  id: Record<string, string>;
  /** a volunteer of the first commune, member of team T, who records the support visits */
  volunteer: TestActor;
  /** records a support visit (by resident and village key) as the volunteer */
  visit(resident: string | null, village: string, team: string | null, task: string, at: string): Promise<void>;
}

/**
 * The hand-counted reach fixture, in a province of its own (`provinceCode`, a code no official
 * unit uses; communes `<code>001` and `<code>002`), so several suites can build it in one run's
 * database. Commune 1 has villages A1 (covered by team T, two members) and A2 (venue V);
 * commune 2 has village B1. Residents r1–r3 live in A1, r4 in A2, r5 in B1. The counts it gives
 * are worked out in reach-statistics-match-hand-counts-and-raw-sql-before-and-after-refresh.
 */
export async function buildReachFixture(
  api: ApiHarness,
  provinceCode = '74',
  names: { province: string } = { province: 'Bảy Tư' },
): Promise<ReachFixture> {
  const p = provinceCode;
  const [c1, c2] = [`${p}001`, `${p}002`];
  const tag = randomUUID().slice(0, 6);
  const id: Record<string, string> = {};
  let volunteer!: TestActor;

  async function build(): Promise<void> {
    await insertReachPlaces(api, id, tag, {
      provinceCode: p,
      provinceName: names.province,
      communes: [
        { name: 'Xã Thống Kê', nameEn: 'Thong Ke' },
        { name: 'Xã Bên Cạnh', nameEn: 'Ben Canh' },
      ],
      residents: [
        ['r1', 'A1'],
        ['r2', 'A1'],
        ['r3', 'A1'],
        ['r4', 'A2'],
        ['r5', 'B1'],
      ],
      birthYear: 1970,
    });
    volunteer = await createActor(api, [[Role.VOLUNTEER, scopes.commune(c1, p)]]);
    const memberTwo = await createActor(api, [[Role.VOLUNTEER, scopes.commune(c1, p)]]);

    // The youth union and team T covering A1, with two members.
    const [provinceUnion, communeUnion] = [randomUUID(), randomUUID()];
    await api.sql(`insert into youth_unit (id, level, province_code, name) values (?, 'PROVINCE', ?, ?)`, [
      provinceUnion,
      p,
      `Tỉnh đoàn ${names.province}`,
    ]);
    await api.sql(
      `insert into youth_unit (id, level, parent_id, province_code, commune_code, name) values (?, 'COMMUNE', ?, ?, ?, 'Đoàn xã Thống Kê')`,
      [communeUnion, provinceUnion, p, c1],
    );
    id.T = randomUUID();
    await api.sql(
      `insert into team (id, youth_unit_id, province_code, commune_code, name, name_key) values (?, ?, ?, ?, ?, ?)`,
      [id.T, communeUnion, p, c1, `Đội T ${tag}`, `doi t ${tag}`],
    );
    await api.sql(`insert into team_village (team_id, village_id) values (?, ?)`, [id.T, id.A1]);
    for (const account of [volunteer.accountId, memberTwo.accountId]) {
      await api.sql(`insert into team_member (id, team_id, account_id, joined_on) values (?, ?, ?, '2026-01-01')`, [
        randomUUID(),
        id.T,
        account,
      ]);
    }

    // Sessions. S2 starts at 23:30 UTC on 20 October: 06:30 on the 21st in Vietnam.
    const sessions: [string, string, string][] = [
      ['S0', 'ENDED', '2026-09-30T02:00:00Z'],
      ['S1', 'ENDED', '2026-10-10T01:00:00Z'],
      ['S2', 'ENDED', '2026-10-20T23:30:00Z'],
      ['S3', 'LIVE', '2026-10-25T01:00:00Z'],
    ];
    for (const [key, status, start] of sessions) {
      id[key] = randomUUID();
      await api.sql(
        `insert into live_session (id, title, scheduled_start, scheduled_end, stream_url, target_province_codes, join_code, status, started_at, ended_at)
         values (?, ?, ?::timestamptz, ?::timestamptz + interval '2 hours', 'https://example.org/live', ?, ?, ?, ?::timestamptz,
                 case when ? = 'ENDED' then ?::timestamptz + interval '2 hours' end)`,
        [id[key], `Buổi ${key}`, start, start, `{${p}}`, randomUUID().slice(0, 8), status, start, status, start],
      );
    }
    const attend = (
      session: string,
      kind: string,
      who: string | null,
      village: string,
      headcount: number | null = null,
    ) =>
      api.sql(
        `insert into live_attendance (session_id, participant_id, kind, resident_id, venue_id, village_id, commune_code, province_code,
                                      first_joined_at, last_seen_at, seconds_present, headcount)
         select s.id, ?, ?, ?::uuid, ?::uuid, v.id, v.commune_code, ?, s.started_at, s.started_at + interval '1 hour', 3600, ?::int
           from live_session s, village v where s.id = ? and v.id = ?`,
        [
          `${kind}-${who ?? randomUUID()}`,
          kind,
          kind === 'RESIDENT' ? id[who!] : null,
          kind === 'VENUE' ? id[who!] : null,
          p,
          headcount,
          id[session],
          id[village],
        ],
      );
    await attend('S0', 'RESIDENT', 'r2', 'A1');
    await attend('S1', 'RESIDENT', 'r1', 'A1');
    await attend('S1', 'RESIDENT', 'r2', 'A1');
    await attend('S1', 'GUEST', null, 'A2');
    await attend('S1', 'VENUE', 'V', 'A2', 12);
    await attend('S1', 'RESIDENT', 'r5', 'B1');
    await attend('S2', 'RESIDENT', 'r1', 'A1');
    await attend('S2', 'VENUE', 'V2', 'A1'); // no headcount reported: counts one
    await attend('S3', 'RESIDENT', 'r3', 'A1'); // still live: person-times, but no class held yet
    await api.sql(
      `insert into live_check_in (id, session_id, venue_id, resident_id, checked_in_by, checked_in_at) values (?, ?, ?, ?, ?, '2026-10-10T01:10:00Z')`,
      [randomUUID(), id.S1, id.V, id.r4, volunteer.accountId],
    );

    await visit('r3', 'A1', id.T, 'VNEID_ACTIVATION', '2026-10-05T03:00:00Z');
    await visit(null, 'A1', id.T, 'SCAM_AWARENESS', '2026-10-06T03:00:00Z');
    await visit('r4', 'A2', null, 'APP_INSTALL', '2026-10-07T03:00:00Z');
    await visit('r1', 'A1', id.T, 'VNEID_ACTIVATION', '2026-10-31T18:00:00Z'); // 1 November in Vietnam: outside

    // Completions: r1 the whole programme (last on 15 October), r2 three of its courses, r4 the
    // whole programme in September, r5 a course outside the programme.
    const programme: string[] = [];
    for (const slug of BASIC_PROGRAMME_SLUGS) programme.push(await course(slug, null));
    const other = await course(`khoa-khac-${tag}`, p);
    for (const [index, courseId] of programme.entries()) {
      await complete('r1', courseId, index === programme.length - 1 ? '2026-10-15T02:00:00Z' : '2026-10-11T02:00:00Z');
      if (index < 3) await complete('r2', courseId, '2026-10-12T02:00:00Z');
      await complete('r4', courseId, index === programme.length - 1 ? '2026-09-25T02:00:00Z' : '2026-09-20T02:00:00Z');
    }
    await complete('r5', other, '2026-10-03T02:00:00Z');

    // Targets: 74001 has a past and a future row (the future one applies) and a row for A1;
    // 74002 has only its village's row, which stands for the commune.
    for (const [commune, village, adults, percent, due] of [
      [c1, null, 90, 50, '2026-06-30'],
      [c1, null, 100, 80, '2026-12-31'],
      [c1, id.A1, 40, 50, '2026-12-31'],
      [c2, id.B1, 10, 100, '2026-12-31'],
    ] as const) {
      await api.sql(
        `insert into reach_target (id, province_code, commune_code, village_id, adult_population, target_percent, due_on) values (?, ?, ?, ?, ?, ?, ?)`,
        [randomUUID(), p, commune, village, adults, percent, due],
      );
    }
  }

  async function visit(resident: string | null, village: string, team: string | null, task: string, at: string) {
    await api.sql(
      `insert into support_visit (id, volunteer_account_id, team_id, resident_id, province_code, commune_code, village_id, task, place, occurred_at, minutes, content_hash)
       select ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, v.commune_code, v.id, ?::support_task, 'DOOR_TO_DOOR', ?::timestamptz, 20, 'hash'
         from village v where v.id = ?`,
      [randomUUID(), volunteer.accountId, team, resident ? id[resident] : null, p, task, at, id[village]],
    );
  }

  async function course(slug: string, provinceCode: string | null): Promise<string> {
    await api.sql(`insert into course (id, slug, province_code) values (?, ?, ?) on conflict (slug) do nothing`, [
      randomUUID(),
      slug,
      provinceCode,
    ]);
    const [{ id: courseId }] = await api.sql<{ id: string }>(`select id from course where slug = ?`, [slug]);
    await api.sql(
      `insert into course_version (id, course_id, number, title, summary, audience, topic, estimated_minutes, search_text)
       select ?::uuid, ?::uuid, coalesce(max(number), 0) + 1, 'Khóa thử', 'Tóm tắt', 'RESIDENTS', 'DIGITAL_IDENTITY', 30, 'khoa thu'
         from course_version where course_id = ?
       on conflict do nothing`,
      [randomUUID(), courseId, courseId],
    );
    return courseId;
  }

  async function complete(resident: string, courseId: string, at: string) {
    await api.sql(
      `insert into enrollment (id, resident_id, course_id, course_version_id, enrolled_at, completed_at)
       select ?::uuid, ?::uuid, ?::uuid, (select id from course_version where course_id = ? order by number desc limit 1), ?::timestamptz - interval '1 day', ?::timestamptz`,
      [randomUUID(), id[resident], courseId, courseId, at, at],
    );
  }

  await build();
  return { provinceCode: p, communeCodes: [c1, c2], id, volunteer, visit };
}

export interface ReachPlacesSpec {
  provinceCode: string;
  provinceName: string;
  /** communes `<code>001` and `<code>002` */
  communes: [{ name: string; nameEn: string }, { name: string; nameEn: string }];
  /** resident key and the key of its village */
  residents: [string, string][];
  birthYear: number;
}

/**
 * The places both reach fixtures stand on: the province, its two communes, villages A1 and A2 in
 * the first and B1 in the second, venue V in A2 and V2 in A1, and the residents; every id goes
 * into `id` under its key.
 */
export async function insertReachPlaces(
  api: ApiHarness,
  id: Record<string, string>,
  tag: string,
  spec: ReachPlacesSpec,
): Promise<void> {
  const p = spec.provinceCode;
  const [c1, c2] = [`${p}001`, `${p}002`];
  await api.sql(
    `insert into province (code, name, full_name, name_en, kind, search_text) values (?, ?, ?, ?, 'PROVINCE', ?)
     on conflict (code) do nothing`,
    [p, spec.provinceName, `Tỉnh ${spec.provinceName}`, `Test ${p}`, foldVietnamese(spec.provinceName)],
  );
  for (const [code, commune] of [
    [c1, spec.communes[0]],
    [c2, spec.communes[1]],
  ] as const) {
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text)
       values (?, ?, ?, ?, ?, 'XA', ?) on conflict (code) do nothing`,
      [code, p, commune.name, commune.name, commune.nameEn, foldVietnamese(commune.name)],
    );
  }
  for (const [key, commune] of [
    ['A1', c1],
    ['A2', c1],
    ['B1', c2],
  ]) {
    id[key] = randomUUID();
    const name = `Thôn ${key} ${tag}`;
    await api.sql(`insert into village (id, commune_code, name, kind, search_text) values (?, ?, ?, 'THON', ?)`, [
      id[key],
      commune,
      name,
      foldVietnamese(name),
    ]);
  }
  for (const [key, village] of [
    ['V', 'A2'],
    ['V2', 'A1'],
  ]) {
    id[key] = randomUUID();
    await api.sql(`insert into venue (id, village_id, name, search_text) values (?, ?, ?, ?)`, [
      id[key],
      id[village],
      `Nhà văn hóa ${key} ${tag}`,
      `nha van hoa ${key.toLowerCase()} ${tag}`,
    ]);
  }
  for (const [key, village] of spec.residents) {
    id[key] = randomUUID();
    await api.sql(`insert into resident (id, village_id, birth_year) values (?, ?, ?)`, [
      id[key],
      id[village],
      spec.birthYear,
    ]);
  }
}
