import type { EntityManager } from '@mikro-orm/postgresql';
import type { BenchOptions } from './options';
import { n, progress, step, type StepTiming } from './measure';

/**
 * The national data set, generated in SQL (generate_series into insert … select), never through
 * the ORM. Every id is md5(prefix || index)::uuid and every random choice a hash of the row's
 * index, so a row can name another (a resident's village, a visit's team) without a lookup, and
 * two runs with the same sizes generate the same figures. `bench_*` tables are the generator's
 * index maps; they live in the throwaway database only.
 */

const ZONE = 'Asia/Ho_Chi_Minh';
const MEMBERS_PER_TEAM = 6;
const CHUNK = 250_000;

/** Local days of the data: `start`..`end` (yesterday); `today` is where the incremental rows land. */
export interface DataPeriod {
  start: string;
  end: string;
  today: string;
}

export interface DatasetShape {
  period: DataPeriod;
  villages: number;
  venues: number;
  teams: number;
  members: number;
  sessions: number;
}

const run = (em: EntityManager, text: string, params: unknown[] = []) => em.execute(text, params);

/** The tables the generator fills in bulk: their secondary indexes are built after the load. */
const BULK_TABLES = [
  'resident',
  'live_attendance',
  'live_venue_headcount',
  'live_check_in',
  'enrollment',
  'support_visit',
];

let skipTriggers = false;

/**
 * A bulk insert. When the role may (a superuser), foreign-key triggers are off for it
 * (session_replication_role = replica): the generator's rows reference what it generated, and
 * checkForeignKeys verifies every reference once at the end, which is far cheaper than a trigger
 * per row. Check, not-null and primary-key constraints apply as always.
 */
function bulk(em: EntityManager, text: string, params: unknown[] = []): Promise<unknown> {
  if (!skipTriggers) return em.execute(text, params);
  return em.transactional(async (tx) => {
    await tx.execute(`set local session_replication_role = replica`);
    await tx.execute(text, params);
  });
}

/** Drops the secondary indexes of the bulk tables (constraint indexes stay); returns their definitions. */
async function dropSecondaryIndexes(em: EntityManager): Promise<string[]> {
  const [{ superuser }] = await em.execute<{ superuser: boolean }[]>(
    `select rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  skipTriggers = superuser;
  const indexes = await em.execute<{ name: string; definition: string }[]>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any(?::text[])
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [`{${BULK_TABLES.join(',')}}`],
  );
  for (const index of indexes) await run(em, `drop index "${index.name}"`);
  return indexes.map((index) => index.definition);
}

/** Every single-column foreign key of the bulk tables holds: no row references a missing one. */
async function checkForeignKeys(em: EntityManager): Promise<number> {
  const keys = await em.execute<{ name: string; child: string; column: string; parent: string; target: string }[]>(
    `select c.conname as name, c.conrelid::regclass::text as child, a.attname as column,
            c.confrelid::regclass::text as parent, p.attname as target
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute p on p.attrelid = c.confrelid and p.attnum = c.confkey[1]
      where c.contype = 'f' and cardinality(c.conkey) = 1 and c.conrelid::regclass::text = any(?::text[])`,
    [`{${BULK_TABLES.join(',')}}`],
  );
  for (const key of keys) {
    const broken = await scalar(
      em,
      `select count(*) as value from ${key.child} x
        where x.${key.column} is not null and not exists (select 1 from ${key.parent} y where y.${key.target} = x.${key.column})`,
    );
    if (broken > 0) throw new Error(`${n(broken)} rows break foreign key ${key.name} (${key.child}.${key.column})`);
  }
  return keys.length;
}

async function scalar(em: EntityManager, text: string, params: unknown[] = []): Promise<number> {
  const [row] = await em.execute<{ value: string | number }[]>(text, params);
  return Number(row.value);
}

/** Chunks loaded at once, on as many connections: the inserts are CPU-bound and independent. */
const LOADERS = 2;

/** Runs `insert` for [lo, hi) chunks of `total` rows, `LOADERS` at a time, printing progress after each. */
async function chunked(label: string, total: number, insert: (lo: number, hi: number) => Promise<unknown>) {
  let next = 0;
  let done = 0;
  const loader = async () => {
    while (next < total) {
      const lo = next;
      const hi = Math.min(total, lo + CHUNK);
      next = hi;
      await insert(lo, hi);
      done += hi - lo;
      progress(`  ${label}: ${n(done)}/${n(total)}`);
    }
  };
  await Promise.all(Array.from({ length: LOADERS }, loader));
}

/** Deterministic pseudo-random numbers in SQL: a hash of (row index, salt). */
export async function createHelpers(em: EntityManager): Promise<void> {
  await run(
    em,
    `create function bench_h(i bigint, salt bigint) returns bigint language sql immutable parallel safe
       as $$ select hashint8extended(i, salt) & 2147483647 $$`,
  );
  await run(
    em,
    `create function bench_u(i bigint, salt bigint) returns float8 language sql immutable parallel safe
       as $$ select (hashint8extended(i, salt) & 2147483647)::float8 / 2147483648.0 $$`,
  );
  await run(
    em,
    `create function bench_n(i bigint, salt bigint, m bigint) returns int language sql immutable parallel safe
       as $$ select floor((hashint8extended(i, salt) & 2147483647)::float8 / 2147483648.0 * m)::int $$`,
  );
  await run(
    em,
    `create function bench_id(prefix text, i bigint) returns uuid language sql immutable parallel safe
       as $$ select md5(prefix || i)::uuid $$`,
  );
}

export async function dataPeriod(em: EntityManager, days: number): Promise<DataPeriod> {
  const [row] = await em.execute<{ today: string; first: string; last: string }[]>(
    `select d::text as today, (d - 1)::text as last, (d - ?::int)::text as first
       from (select (now() at time zone '${ZONE}')::date as d) x`,
    [days],
  );
  return { start: row.first, end: row.last, today: row.today };
}

/** ~`villages` villages over the imported communes (3 to ~33 each), one venue per ten villages. */
async function generateVillages(
  em: EntityManager,
  options: BenchOptions,
): Promise<{ villages: number; venues: number }> {
  const perCommune = options.villages / (await scalar(em, `select count(*) as value from commune`));
  await run(
    em,
    `create table bench_commune as
       select (row_number() over (order by code) - 1)::int as idx, code, province_code,
              greatest(3, round(? * (0.3 + 1.4 * bench_u(hashtext(code), 1))))::int as n_villages
         from commune`,
    [perCommune],
  );
  await run(
    em,
    `alter table bench_commune add column first_village int, add column n_teams int, add column first_team int`,
  );
  await run(
    em,
    `update bench_commune c set first_village = x.first, n_teams = x.teams, first_team = x.first_team
       from (select idx, (sum(n_villages) over (order by idx) - n_villages)::int as first,
                    t.teams, (sum(t.teams) over (order by idx) - t.teams)::int as first_team
               from bench_commune
               cross join lateral (select case when bench_u(idx, 2) < 0.1 then 0
                                               when bench_u(idx, 2) < 0.6 then 1 else 2 end as teams) t) x
      where x.idx = c.idx`,
  );
  await run(em, `alter table bench_commune add primary key (idx)`);
  await run(
    em,
    `create table bench_village as
       select (c.first_village + g)::int as idx, bench_id('vi', c.first_village + g) as id, g::int as ord,
              c.idx as commune_idx, c.code as commune_code, c.province_code, 0 as n_residents
         from bench_commune c cross join lateral generate_series(0, c.n_villages - 1) g`,
  );
  await run(em, `alter table bench_village add primary key (idx)`);
  await run(
    em,
    `insert into village (id, commune_code, name, kind, search_text)
     select id, commune_code, 'Thôn ' || (ord + 1), 'THON', 'thon ' || (ord + 1) from bench_village order by idx`,
  );
  await run(
    em,
    `create table bench_venue as
       select (row_number() over (order by idx) - 1)::int as idx, idx as village_idx, id as village_id, ord
         from bench_village where ord % 10 = 0`,
  );
  await run(em, `update bench_venue set ord = idx`);
  await run(em, `alter table bench_venue add primary key (idx)`);
  await run(
    em,
    `insert into venue (id, village_id, name, capacity, search_text)
     select bench_id('ve', idx), village_id, 'Nhà văn hóa thôn', 120, 'nha van hoa thon' from bench_venue`,
  );
  return {
    villages: await scalar(em, `select count(*) as value from bench_village`),
    venues: await scalar(em, `select count(*) as value from bench_venue`),
  };
}

async function generateResidents(em: EntityManager, options: BenchOptions, villages: number): Promise<void> {
  // A resident's home village is bench_n(i, 1, villages): attendance and visits compute it the same way.
  await chunked('residents', options.residents, (lo, hi) =>
    bulk(
      em,
      `insert into resident (id, village_id, full_name, birth_year, gender, erased_at)
       select bench_id('r', i), bench_id('vi', bench_n(i, 1, ?)),
              case when bench_u(i, 41) < 0.001 then null else 'Người dân ' || i end,
              1940 + bench_n(i, 42, 66),
              (array['MALE', 'FEMALE'])[1 + bench_n(i, 43, 2)]::gender,
              case when bench_u(i, 41) < 0.001 then now() end
         from generate_series(?::bigint, ?::bigint - 1) i`,
      [villages, lo, hi],
    ),
  );
  await run(
    em,
    `create table bench_village_resident as
       select bench_n(i, 1, ?) as village_idx, (row_number() over (partition by bench_n(i, 1, ?) order by i) - 1)::int as ord,
              bench_id('r', i) as resident_id
         from generate_series(0::bigint, ?::bigint - 1) i`,
    [villages, villages, options.residents],
  );
  await run(em, `alter table bench_village_resident add primary key (village_idx, ord)`);
  await run(
    em,
    `update bench_village v set n_residents = x.count
       from (select village_idx, count(*)::int as count from bench_village_resident group by 1) x
      where x.village_idx = v.idx`,
  );
}

/** Youth unions, ~1.3 teams per commune with six member accounts each, covering part of its villages. */
async function generateTeams(em: EntityManager, period: DataPeriod): Promise<{ teams: number; members: number }> {
  await run(
    em,
    `insert into youth_unit (id, level, parent_id, province_code, commune_code, village_id, name)
     select bench_id('yp', code::bigint), 'PROVINCE', null, code, null, null, 'Tỉnh đoàn ' || name from province`,
  );
  await run(
    em,
    `insert into youth_unit (id, level, parent_id, province_code, commune_code, village_id, name)
     select bench_id('yc', code::bigint), 'COMMUNE', bench_id('yp', province_code::bigint), province_code, code, null,
            'Đoàn ' || full_name
       from commune`,
  );
  await run(
    em,
    `create table bench_team as
       select (c.first_team + k)::int as idx, bench_id('t', c.first_team + k) as id, c.idx as commune_idx,
              c.code as commune_code, c.province_code, k as ord,
              (floor(k * c.n_villages::numeric / (c.n_teams + 1)))::int as first_ord,
              (floor((k + 1) * c.n_villages::numeric / (c.n_teams + 1)) - floor(k * c.n_villages::numeric / (c.n_teams + 1)))::int
                as n_villages
         from bench_commune c cross join lateral generate_series(0, c.n_teams - 1) k`,
  );
  await run(em, `alter table bench_team add primary key (idx)`);
  await run(
    em,
    `create table bench_team_village as
       select t.idx as team_idx, g::int as ord, (c.first_village + t.first_ord + g)::int as village_idx
         from bench_team t join bench_commune c on c.idx = t.commune_idx
        cross join lateral generate_series(0, t.n_villages - 1) g`,
  );
  await run(em, `alter table bench_team_village add primary key (team_idx, ord)`);
  await run(
    em,
    `insert into account (id, username, display_name, password_hash)
     select bench_id('a', t.idx * ${MEMBERS_PER_TEAM} + m), 'bench' || (t.idx * ${MEMBERS_PER_TEAM} + m),
            'Tình nguyện viên ' || (t.idx * ${MEMBERS_PER_TEAM} + m), 'bench-no-login'
       from bench_team t cross join generate_series(0, ${MEMBERS_PER_TEAM - 1}) m`,
  );
  await run(
    em,
    `insert into team (id, youth_unit_id, province_code, commune_code, name, name_key, leader_account_id)
     select id, bench_id('yc', commune_code::bigint), province_code, commune_code, 'Đội hình ' || (ord + 1),
            'doi hinh ' || (ord + 1), bench_id('a', idx * ${MEMBERS_PER_TEAM})
       from bench_team`,
  );
  // Members join from a month before the data to its end; one in seven left during it.
  await run(
    em,
    `insert into team_member (id, team_id, account_id, joined_on, left_on)
     select bench_id('tm', a), t.id, bench_id('a', a), j.joined, case when bench_u(a, 51) < 0.15 then j.joined + 10 + bench_n(a, 52, 100) end
       from bench_team t cross join generate_series(0, ${MEMBERS_PER_TEAM - 1}) m
      cross join lateral (select t.idx * ${MEMBERS_PER_TEAM} + m as a) x(a)
      cross join lateral (select ?::date - 30 + bench_n(a, 50, 150) as joined) j`,
    [period.start],
  );
  await run(
    em,
    `insert into team_village (team_id, village_id)
     select t.id, bench_id('vi', tv.village_idx) from bench_team_village tv join bench_team t on t.idx = tv.team_idx`,
  );
  return {
    teams: await scalar(em, `select count(*) as value from bench_team`),
    members: await scalar(em, `select count(*) as value from team_member`),
  };
}

/**
 * Sessions [first, first + count): national classes at 19:00 local time, one in ten at 06:30
 * (the previous day in UTC), spread over the data's days. MIXED: the data set's sessions, last
 * changed when they ended, one in 97 never ended (still LIVE); ENDED: sessions that ended since
 * the last refresh, changed now.
 */
async function generateSessions(
  em: EntityManager,
  first: number,
  count: number,
  days: { start: string; count: number },
  status: 'ENDED' | 'MIXED',
): Promise<void> {
  await run(
    em,
    `insert into bench_session (idx, id, started_at, ended_at)
     select k, bench_id('s', k), st.started, case when ? = 'MIXED' and k % 97 = 5 then null else st.started + interval '90 minutes' end
       from generate_series(?::int, ?::int - 1) k
      cross join lateral (select ((?::date + floor((k - ?) * ?::numeric / ?)::int)
                                   + case when k % 10 = 3 then time '06:30' else time '19:00' end) at time zone '${ZONE}'
                                 + bench_n(k, 70, 10) * interval '1 minute' as started) st`,
    [status, first, first + count, days.start, first, days.count, count],
  );
  await run(
    em,
    `insert into live_session (id, title, scheduled_start, scheduled_end, stream_url, target_province_codes, join_code,
                               status, started_at, ended_at, created_at, updated_at)
     select s.id, 'Lớp học trực tuyến ' || s.idx, s.started_at - interval '5 minutes', s.started_at + interval '85 minutes',
            'https://live.example.vn/' || s.idx, p.codes, upper(substr(md5('j' || s.idx), 1, 8)),
            case when s.ended_at is null then 'LIVE' else 'ENDED' end::live_session_status, s.started_at, s.ended_at,
            s.started_at - interval '7 days', case when ? then now() else coalesce(s.ended_at, s.started_at) end
       from bench_session s cross join (select array_agg(code order by code) as codes from province) p
      where s.idx >= ? and s.idx < ?`,
    [status === 'ENDED', first, first + count],
  );
}

/**
 * Attendance rows [lo, hi) over sessions [first, first + count): row k is position (k - base) / count
 * of session first + (k - base) % count, so positions within a session are distinct and so are its
 * residents and venues. 84% residents (nine in ten from their home village), 12% guests, 4% venues
 * (seven in ten reported a headcount).
 */
async function insertAttendance(
  em: EntityManager,
  rows: { lo: number; hi: number; base: number },
  sessions: { first: number; count: number },
  shape: { residents: number; villages: number; venues: number },
): Promise<void> {
  await bulk(
    em,
    `insert into live_attendance (session_id, participant_id, kind, resident_id, venue_id, village_id, commune_code,
                                  province_code, first_joined_at, last_seen_at, seconds_present, headcount)
     select s.id,
            case t.kind when 'RESIDENT' then 'resident:' || bench_id('r', t.ridx)
                        when 'GUEST' then 'guest:' || t.sidx || ':' || t.pos
                        else 'venue:' || bench_id('ve', t.vnidx) end,
            t.kind,
            case when t.kind = 'RESIDENT' then bench_id('r', t.ridx) end,
            case when t.kind = 'VENUE' then bench_id('ve', t.vnidx) end,
            v.id, v.commune_code, v.province_code, j.joined, j.seen, extract(epoch from j.seen - j.joined)::int,
            case when t.kind = 'VENUE' and s.ended_at is not null and bench_u(t.k, 10) < 0.7 then 5 + bench_n(t.k, 11, 76) end
       from (select k, x.sidx, x.pos,
                    case when bench_u(k, 1) < 0.04 then 'VENUE' when bench_u(k, 1) < 0.16 then 'GUEST' else 'RESIDENT' end as kind,
                    (bench_h(x.sidx, 2) + x.pos) % ? as ridx,
                    (bench_h(x.sidx, 3) + x.pos) % ? as vnidx
               from generate_series(?::bigint, ?::bigint - 1) k
              cross join lateral (select ? + (k - ?) % ? as sidx, (k - ?) / ? as pos) x) t
       join bench_session s on s.idx = t.sidx
       left join bench_venue ve on ve.idx = t.vnidx
       join bench_village v on v.idx = case t.kind
                                         when 'VENUE' then ve.village_idx
                                         when 'GUEST' then bench_n(t.k, 4, ?)
                                         else case when bench_u(t.k, 5) < 0.9 then bench_n(t.ridx, 1, ?) else bench_n(t.k, 6, ?) end
                                       end
      cross join lateral (select s.started_at + bench_n(t.k, 8, 900) * interval '1 second' as joined) f
      cross join lateral (select f.joined,
                                 greatest(f.joined, least(f.joined + (600 + bench_n(t.k, 9, 4800)) * interval '1 second',
                                                           coalesce(s.ended_at, now()))) as seen) j`,
    [
      shape.residents,
      shape.venues,
      rows.lo,
      rows.hi,
      sessions.first,
      rows.base,
      sessions.count,
      rows.base,
      sessions.count,
      shape.villages,
      shape.villages,
      shape.villages,
    ],
  );
}

/**
 * Venue headcount reports (1 to 3, the largest equal to the attendance row's headcount; a LIVE
 * session's rows have reports but no headcount yet) and check-ins of residents at the venues.
 */
async function insertVenueRows(
  em: EntityManager,
  sessions: { first: number; count: number },
  residents: number,
): Promise<void> {
  await bulk(
    em,
    `insert into live_venue_headcount (session_id, venue_id, commune_code, headcount, reported_by, reported_at)
     select a.session_id, a.venue_id, a.commune_code, greatest(0, h.largest - case when m = 0 then 0 else bench_n(h.key + m, 82, 10) end),
            '00000000-0000-4000-8000-00000000bec0', a.first_joined_at + m * interval '10 minutes'
       from live_attendance a join bench_session s on s.id = a.session_id
      cross join lateral (select hashtext(a.participant_id || s.idx)::bigint as key) k
      cross join lateral (select k.key, coalesce(a.headcount, case when s.ended_at is null and bench_u(k.key, 80) < 0.7
                                                                 then 5 + bench_n(k.key, 81, 76) end) as largest) h
      cross join lateral generate_series(0, bench_n(k.key, 83, 3)) m
      where a.kind = 'VENUE' and s.idx >= ? and s.idx < ? and h.largest is not null`,
    [sessions.first, sessions.first + sessions.count],
  );
  await bulk(
    em,
    `insert into live_check_in (id, session_id, venue_id, resident_id, checked_in_by, checked_in_at)
     select gen_random_uuid(), x.session_id, x.venue_id, bench_id('r', (bench_h(x.sidx, 13) + x.vr * 4 + t) % ?),
            '00000000-0000-4000-8000-00000000bec0', x.first_joined_at + t * interval '1 minute'
       from (select a.session_id, a.venue_id, a.first_joined_at, a.participant_id, s.idx as sidx,
                    row_number() over (partition by a.session_id order by a.participant_id) - 1 as vr
               from live_attendance a join bench_session s on s.id = a.session_id
              where a.kind = 'VENUE' and s.idx >= ? and s.idx < ?) x
      cross join generate_series(0, 3) t
      where bench_u(hashtext(x.participant_id || x.sidx) + t, 14) < 0.6`,
    [residents, sessions.first, sessions.first + sessions.count],
  );
}

/** A quarter of the residents enrolled in the five basic courses (three in ten also in the sixth); 80% of enrollments completed. */
async function generateEnrollments(em: EntityManager, options: BenchOptions, period: DataPeriod): Promise<void> {
  await run(
    em,
    `create table bench_course as
       select (row_number() over (order by c.slug) - 1)::int as idx, c.id, v.id as version_id, v.audience = 'RESIDENTS' as basic
         from course c join course_version v on v.course_id = c.id and v.number = 1`,
  );
  await chunked('enrollments (residents)', options.residents, (lo, hi) =>
    bulk(
      em,
      `insert into enrollment (id, resident_id, course_id, course_version_id, enrolled_at, completed_at)
       select gen_random_uuid(), bench_id('r', i), c.id, c.version_id, d.at - interval '3 days',
              case when bench_u(i * 8 + c.idx, 21) < 0.8 then d.at end
         from generate_series(?::bigint, ?::bigint - 1) i
        cross join bench_course c
        cross join lateral (select (?::date)::timestamp at time zone '${ZONE}'
                                   + bench_n(i * 8 + c.idx, 23, ? * 86400) * interval '1 second' as at) d
        where bench_u(i, 20) < 0.25 and (c.basic or bench_u(i * 8 + c.idx, 22) < 0.3)`,
      [lo, hi, period.start, dayCount(period)],
    ),
  );
}

const dayCount = (period: DataPeriod) =>
  Math.round((Date.parse(`${period.end}T00:00:00Z`) - Date.parse(`${period.start}T00:00:00Z`)) / 86_400_000) + 1;

const TASKS = `array['VNEID_ACTIVATION', 'PUBLIC_SERVICE_APPLICATION', 'DIGITAL_SIGNATURE', 'APP_INSTALL', 'SCAM_AWARENESS', 'OTHER']`;

/**
 * Support visits [lo, hi): by a member of a random team in one of the villages it covers (one in
 * ten recorded outside any team), six in ten naming a resident of the village, occurring within
 * `occurred` and synced up to three days later (never after `syncedBy`).
 */
async function insertVisits(
  em: EntityManager,
  rows: { lo: number; hi: number },
  occurred: { from: string; seconds: number },
  syncedBy: string,
  shape: { teams: number; venues: number },
): Promise<void> {
  await bulk(
    em,
    `insert into support_visit (id, volunteer_account_id, team_id, resident_id, province_code, commune_code, village_id,
                                task, note, place, venue_id, occurred_at, minutes, content_hash, synced_at)
     select bench_id('sv', x.k), bench_id('a', t.idx * ${MEMBERS_PER_TEAM} + bench_n(x.k, 32, ${MEMBERS_PER_TEAM})),
            case when bench_u(x.k, 33) < 0.1 then null else t.id end,
            case when bench_u(x.k, 34) < 0.6 then vr.resident_id end,
            v.province_code, v.commune_code, v.id, task.value::support_task,
            case when task.value = 'OTHER' then 'Hỗ trợ cài đặt ứng dụng nhắn tin' end,
            place.value::support_place, case when place.value = 'VENUE' then bench_id('ve', bench_n(x.k, 37, ?)) end,
            o.at, 5 + bench_n(x.k, 39, 115), encode(sha256(('bench-visit-' || x.k)::bytea), 'hex'),
            least(o.at + bench_n(x.k, 38, 259200) * interval '1 second', ?::timestamptz)
       from (select k, bench_n(k, 30, ?) as tidx from generate_series(?::bigint, ?::bigint - 1) k) x
       join bench_team t on t.idx = x.tidx
       join bench_team_village tv on tv.team_idx = t.idx and tv.ord = bench_n(x.k, 31, t.n_villages)
       join bench_village v on v.idx = tv.village_idx
       left join bench_village_resident vr on vr.village_idx = v.idx and vr.ord = bench_n(x.k, 35, greatest(v.n_residents, 1))
      cross join lateral (select (${TASKS})[1 + bench_n(x.k, 36, 6)] as value) task
      cross join lateral (select case when bench_u(x.k, 40) < 0.7 then 'DOOR_TO_DOOR'
                                      when bench_u(x.k, 40) < 0.9 then 'PUBLIC_SERVICE_CENTRE' else 'VENUE' end as value) place
      cross join lateral (select ?::timestamptz + bench_n(x.k, 44, ?) * interval '1 second' as at) o`,
    [shape.venues, syncedBy, shape.teams, rows.lo, rows.hi, occurred.from, occurred.seconds],
  );
}

/**
 * Targets: four communes in ten have their own rows (due before and after the period's end; one in
 * four of those also has village rows, which the commune's own row overrides), four in ten have
 * rows per village only, two in ten none.
 */
async function generateTargets(em: EntityManager, period: DataPeriod): Promise<number> {
  await run(
    em,
    `insert into reach_target (id, province_code, commune_code, village_id, adult_population, target_percent, due_on)
     select gen_random_uuid(), c.province_code, c.code, null, c.n_villages * 180 + bench_n(c.idx, 61, 500),
            60 + bench_n(c.idx * 2 + d, 62, 40), ?::date + due
       from bench_commune c cross join (values (0, 90), (1, 365)) x(d, due)
      where bench_u(c.idx, 60) < 0.4`,
    [period.start],
  );
  await run(
    em,
    `insert into reach_target (id, province_code, commune_code, village_id, adult_population, target_percent, due_on)
     select gen_random_uuid(), v.province_code, v.commune_code, v.id, 20 + bench_n(v.idx, 63, 400),
            50 + bench_n(v.idx * 2 + d, 64, 50), ?::date + due
       from bench_village v join bench_commune c on c.idx = v.commune_idx
      cross join (values (0, 60), (1, 200)) x(d, due)
      where bench_u(c.idx, 60) >= 0.3 and bench_u(c.idx, 60) < 0.8 and (d = 1 or bench_u(v.idx, 65) < 0.5)`,
    [period.start],
  );
  return scalar(em, `select count(*) as value from reach_target`);
}

/** Generates the whole data set into a migrated database holding the units and the catalog. */
export async function generateDataset(
  em: EntityManager,
  options: BenchOptions,
  timings: StepTiming[],
): Promise<DatasetShape> {
  await createHelpers(em);
  const period = await dataPeriod(em, options.days);
  const indexes = await dropSecondaryIndexes(em);
  const places = await step(
    `villages (~${n(options.villages)}) and venues`,
    () => generateVillages(em, options),
    timings,
  );
  progress(`  ${n(places.villages)} villages, ${n(places.venues)} venues`);
  const perSession = Math.ceil(options.attendance / options.sessions);
  if (perSession > Math.min(options.residents, places.venues)) {
    throw new Error(
      `${n(perSession)} attendance rows per session is more than the residents or venues: ask for more --sessions`,
    );
  }
  await step(`residents (${n(options.residents)})`, () => generateResidents(em, options, places.villages), timings);
  const people = await step('youth unions, teams, members, team villages', () => generateTeams(em, period), timings);
  progress(`  ${n(people.teams)} teams, ${n(people.members)} members`);

  await run(
    em,
    `create table bench_session (idx int primary key, id uuid not null, started_at timestamptz not null, ended_at timestamptz)`,
  );
  const days = { start: period.start, count: dayCount(period) };
  await step(
    `live sessions (${n(options.sessions)})`,
    () => generateSessions(em, 0, options.sessions, days, 'MIXED'),
    timings,
  );
  const shape = { residents: options.residents, villages: places.villages, venues: places.venues };
  await step(
    `live attendance (${n(options.attendance)})`,
    () =>
      chunked('live attendance', options.attendance, (lo, hi) =>
        insertAttendance(em, { lo, hi, base: 0 }, { first: 0, count: options.sessions }, shape),
      ),
    timings,
  );
  await step(
    'venue headcount reports and check-ins',
    () => insertVenueRows(em, { first: 0, count: options.sessions }, options.residents),
    timings,
  );
  await step('enrollments and completions', () => generateEnrollments(em, options, period), timings);
  const [{ now }] = await em.execute<{ now: string }[]>(`select (now() - interval '1 hour')::text as now`);
  await step(
    `support visits (${n(options.visits)})`,
    () =>
      chunked('support visits', options.visits, (lo, hi) =>
        insertVisits(em, { lo, hi }, { from: `${period.start} 00:00:00+07`, seconds: days.count * 86_400 }, now, {
          teams: people.teams,
          venues: places.venues,
        }),
      ),
    timings,
  );
  const targets = await step('reach targets', () => generateTargets(em, period), timings);
  progress(`  ${n(targets)} target rows`);
  await step(
    `secondary indexes (${indexes.length}), built after the load`,
    async () => {
      for (const definition of indexes) await run(em, definition);
    },
    timings,
  );
  const keys = await step('foreign keys checked', () => checkForeignKeys(em), timings);
  progress(
    `  ${keys} foreign keys hold${skipTriggers ? '' : ' (also checked row by row: the role is not a superuser)'}`,
  );
  await step('analyze', () => run(em, 'analyze'), timings);
  return { period, ...places, ...people, sessions: options.sessions };
}

export interface IncrementalRows {
  sessions: number;
  attendance: number;
  visits: number;
  completions: number;
}

/**
 * What arrives between two refreshes, `share` of each raw table: sessions held yesterday and one
 * still live today with their attendance, visits synced now from the last week (offline phones),
 * and enrollments completed now.
 */
export async function addIncrementalRows(
  em: EntityManager,
  options: BenchOptions,
  shape: DatasetShape,
): Promise<IncrementalRows> {
  // Rows arriving between refreshes go through every trigger, like the application's writes.
  skipTriggers = false;
  const sessions = Math.max(2, Math.round(options.sessions * options.incrementalShare));
  const attendance = Math.max(sessions, Math.round(options.attendance * options.incrementalShare));
  const visits = Math.max(1, Math.round(options.visits * options.incrementalShare));
  const first = shape.sessions;
  await generateSessions(em, first, sessions - 1, { start: shape.period.end, count: 1 }, 'ENDED');
  await run(
    em,
    `insert into bench_session (idx, id, started_at, ended_at) values (?, bench_id('s', ?), now() - interval '30 minutes', null)`,
    [first + sessions - 1, first + sessions - 1],
  );
  await run(
    em,
    `insert into live_session (id, title, scheduled_start, scheduled_end, stream_url, target_province_codes, join_code,
                               status, started_at)
     select s.id, 'Lớp học đang diễn ra', s.started_at, s.started_at + interval '90 minutes', 'https://live.example.vn/now',
            '{01}', upper(substr(md5('j' || s.idx), 1, 8)), 'LIVE', s.started_at
       from bench_session s where s.idx = ?`,
    [first + sessions - 1],
  );
  const base = options.attendance;
  await insertAttendance(
    em,
    { lo: base, hi: base + attendance, base },
    { first, count: sessions },
    {
      residents: options.residents,
      villages: shape.villages,
      venues: shape.venues,
    },
  );
  await insertVenueRows(em, { first, count: sessions }, options.residents);
  await insertVisits(
    em,
    { lo: options.visits, hi: options.visits + visits },
    { from: `${addDays(shape.period.today, -7)} 00:00:00+07`, seconds: 6 * 86_400 },
    new Date().toISOString(),
    { teams: shape.teams, venues: shape.venues },
  );
  // Late-synced visits are stamped now, whatever day they occurred.
  await run(
    em,
    `update support_visit set synced_at = now() where id in (select bench_id('sv', k) from generate_series(?::bigint, ?::bigint - 1) k)`,
    [options.visits, options.visits + visits],
  );
  const completions = Math.max(
    1,
    Math.round(Number(await scalar(em, `select count(*) as value from enrollment`)) * options.incrementalShare),
  );
  await run(
    em,
    `update enrollment set completed_at = clock_timestamp()
      where id in (select id from enrollment where completed_at is null order by id limit ?)`,
    [completions],
  );
  await run(em, 'analyze');
  return { sessions, attendance, visits, completions };
}

function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}
