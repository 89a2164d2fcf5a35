import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BASIC_PROGRAMME_SLUGS } from './basic-programme';
import { localDay, REACH_TIME_ZONE, sessionDay } from './reach-calendar';
import { EMPTY, pgArray, raw, sql, type SqlFragment } from './sql-fragment';

/** What a refresh did. */
export interface ReachRefreshOutcome {
  full: boolean;
  /** local days whose rollups were recomputed (every day with data for a full refresh) */
  days: number;
  sessions: number;
  refreshedAt: Date;
}

/**
 * Rows are stamped with the writer's transaction time, which may commit after a refresh took its
 * snapshot: the next refresh looks this far back again, and recomputing a day twice is harmless.
 */
const CHANGE_OVERLAP = "interval '5 minutes'";

/** Two refreshes (the schedule and an admin's request) never interleave their deletes and inserts. */
const REFRESH_LOCK = "hashtext('reach_refresh')";

interface DayScope {
  /** null: every day (a full refresh) */
  days: string[] | null;
}

/**
 * Maintains the reach rollups from the raw rows. A full refresh rebuilds them; an incremental
 * one finds what changed since the last refresh (attendance seen, check-ins, sessions ended or
 * edited, visits synced, courses completed), and recomputes those whole days, those sessions and
 * those residents — a day is recomputed from scratch, never patched, so a refresh is idempotent.
 * Changes it cannot see (a resident moving village, a village moving commune, the programme list
 * changing) wait for the next full refresh.
 */
@Injectable()
export class ReachRefreshService {
  private readonly logger = new Logger(ReachRefreshService.name);

  constructor(private readonly em: EntityManager) {}

  async refresh(options: { full: boolean }): Promise<ReachRefreshOutcome> {
    const outcome = await this.em.transactional(async (em) => {
      await em.execute(`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
      const [state] = await em.execute<{ changes_since: Date }[]>(`select changes_since from reach_refresh`);
      const full = options.full || !state;
      return full ? this.rebuild(em) : this.catchUp(em, state.changes_since);
    });
    this.logger.log(
      `reach rollups refreshed (${outcome.full ? 'full' : 'incremental'}): ${outcome.days} days, ${outcome.sessions} sessions`,
    );
    await this.vacuum();
    return outcome;
  }

  /**
   * A refresh deletes and rewrites rollup rows (all of them for a rebuild, a few days' worth
   * otherwise, spread over most pages). Until a vacuum marks those pages all-visible again, the
   * dashboards' index-only scans go back to the table for each row (and after a rebuild the planner
   * works from the old statistics), so every refresh vacuums and analyzes the rollups once it has
   * committed. VACUUM cannot run inside a transaction; dashboards keep reading while it runs.
   */
  private async vacuum(): Promise<void> {
    const started = Date.now();
    await this.em.execute(`vacuum (analyze) ${[...DAY_TABLES, ...OTHER_TABLES].join(', ')}`);
    this.logger.log(`reach rollups vacuumed and analyzed in ${Date.now() - started} ms`);
  }

  private async rebuild(em: EntityManager): Promise<ReachRefreshOutcome> {
    for (const table of [...DAY_TABLES, ...OTHER_TABLES]) {
      await em.execute(`delete from ${table}`);
    }
    const sessions = await this.insertSessionVillages(em, null);
    await this.insertDays(em, { days: null });
    await this.insertConfirmed(em, null);
    await this.insertResidentReach(em, null);
    await this.updateVillageCoverage(em, null);
    const [{ days }] = await em.execute<{ days: number }[]>(
      `select count(distinct day)::int as days from (select day from reach_village_day union select day from reach_visit_day union select day from reach_resident_day) d`,
    );
    const refreshedAt = await this.stamp(em, { full: true, days });
    return { full: true, days, sessions, refreshedAt };
  }

  private async catchUp(em: EntityManager, since: Date): Promise<ReachRefreshOutcome> {
    const sessionIds = await this.changedSessions(em, since);
    const days = await this.changedDays(em, since, sessionIds);
    const residents = await this.residentsWithNewCompletions(em, since);
    // Who was reached on the days about to be recomputed, and which villages the changed sessions
    // reached: their per-person and per-village rows are recomputed, whether they gain or lose days.
    await em.execute(`create temporary table reach_touched_resident (id uuid primary key) on commit drop`);
    await em.execute(`create temporary table reach_touched_village (id uuid primary key) on commit drop`);
    const touch = async () => {
      await em.execute(
        `insert into reach_touched_resident select distinct resident_id from reach_resident_day where day = any(?::date[])
         on conflict do nothing`,
        [pgArray(days)],
      );
      await em.execute(
        `insert into reach_touched_village select distinct village_id from reach_session_village where session_id = any(?::uuid[])
         on conflict do nothing`,
        [pgArray(sessionIds)],
      );
    };
    await touch();

    if (sessionIds.length > 0) {
      await em.execute(`delete from reach_session_village where session_id = any(?::uuid[])`, [pgArray(sessionIds)]);
      await this.insertSessionVillages(em, sessionIds);
    }
    const scope: DayScope = { days };
    for (const table of DAY_TABLES) {
      await em.execute(`delete from ${table} where day = any(?::date[])`, [pgArray(days)]);
    }
    await this.insertDays(em, scope);
    if (residents.length > 0) {
      await em.execute(`delete from reach_confirmed where resident_id = any(?::uuid[])`, [pgArray(residents)]);
      await this.insertConfirmed(em, residents);
    }
    await touch();
    await em.execute(`delete from reach_resident_reach where resident_id in (select id from reach_touched_resident)`);
    await this.insertResidentReach(em, raw('reach_touched_resident'));
    await this.updateVillageCoverage(em, raw('reach_touched_village'));
    const refreshedAt = await this.stamp(em, { full: false, days: days.length });
    return { full: false, days: days.length, sessions: sessionIds.length, refreshedAt };
  }

  /** Sessions whose attendance, check-ins, headcount reports or status changed since `since`. */
  private async changedSessions(em: EntityManager, since: Date): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select id from live_session where updated_at >= ?::timestamptz - ${CHANGE_OVERLAP}
          or ended_at >= ?::timestamptz - ${CHANGE_OVERLAP}
       union select session_id from live_attendance where last_seen_at >= ?::timestamptz - ${CHANGE_OVERLAP}
       union select session_id from live_check_in where checked_in_at >= ?::timestamptz - ${CHANGE_OVERLAP}
       union select session_id from live_venue_headcount where reported_at >= ?::timestamptz - ${CHANGE_OVERLAP}`,
      [since, since, since, since, since],
    );
    return rows.map((row) => row.id);
  }

  /** The local days to recompute: those of changed sessions, synced visits and new completions, plus today and yesterday. */
  private async changedDays(em: EntityManager, since: Date, sessionIds: string[]): Promise<string[]> {
    const query = sql`
      select (${localDay('now()')})::text as day
      union select (${localDay('now()')} - 1)::text
      union select (${sessionDay('s')})::text from live_session s where s.id = any(${pgArray(sessionIds)}::uuid[])
      union select (${localDay('v.occurred_at')})::text from support_visit v
        where v.synced_at >= ${since}::timestamptz - ${raw(CHANGE_OVERLAP)}
      union select (${localDay('e.completed_at')})::text from enrollment e
        where e.completed_at >= ${since}::timestamptz - ${raw(CHANGE_OVERLAP)}`;
    const rows = await em.execute<{ day: string }[]>(query.text, [...query.params]);
    return rows.map((row) => row.day).sort();
  }

  private async residentsWithNewCompletions(em: EntityManager, since: Date): Promise<string[]> {
    const rows = await em.execute<{ resident_id: string }[]>(
      `select distinct resident_id from enrollment where completed_at >= ?::timestamptz - ${CHANGE_OVERLAP}`,
      [since],
    );
    return rows.map((row) => row.resident_id);
  }

  /** An ENDED session is a class held in every village it was attended from, a class of the course it teaches. */
  private async insertSessionVillages(em: EntityManager, sessionIds: string[] | null): Promise<number> {
    const only = sessionIds ? sql`and s.id = any(${pgArray(sessionIds)}::uuid[])` : EMPTY;
    const query = sql`
      insert into reach_session_village (session_id, village_id, commune_code, province_code, day, course_id)
      select distinct a.session_id, a.village_id, v.commune_code, c.province_code, ${sessionDay('s')}, s.course_id
        from live_attendance a
        join live_session s on s.id = a.session_id
        join village v on v.id = a.village_id
        join commune c on c.code = v.commune_code
       where s.status = 'ENDED' ${only}`;
    await em.execute(query.text, [...query.params]);
    if (sessionIds) return sessionIds.length;
    const [{ count }] = await em.execute<{ count: number }[]>(
      `select count(distinct session_id)::int as count from reach_session_village`,
    );
    return count;
  }

  private async insertDays(em: EntityManager, scope: DayScope): Promise<void> {
    for (const perCourse of [false, true]) {
      await this.insertVillageDays(em, scope, perCourse);
      await this.insertResidentDays(em, scope, perCourse);
    }
    await this.insertCommuneDays(em, scope);
    await this.insertVisitDays(em, scope);
  }

  /**
   * The village-day sums added up per commune, and the classes held each day per commune and per
   * province (from reach_session_village, which a refresh rewrites first).
   */
  private async insertCommuneDays(em: EntityManager, scope: DayScope): Promise<void> {
    const communes = sql`
      insert into reach_commune_day
             (day, commune_code, province_code, live_person_times, venue_headcount, completions, classes_held)
      select x.day, x.commune_code, x.province_code,
             sum(x.live)::int, sum(x.venue)::int, sum(x.completions)::int, sum(x.classes)::int
        from (
          select r.day, r.commune_code, r.province_code,
                 r.live_person_times as live, r.venue_headcount as venue, r.completions, 0 as classes
            from reach_village_day r
           where true ${onDays(raw('r.day'), scope)}
          union all
          select s.day, s.commune_code, s.province_code, 0, 0, 0, count(distinct s.session_id)
            from reach_session_village s
           where true ${onDays(raw('s.day'), scope)}
           group by s.day, s.commune_code, s.province_code
        ) x
       group by x.day, x.commune_code, x.province_code`;
    await em.execute(communes.text, [...communes.params]);
    const provinces = sql`
      insert into reach_province_day (day, province_code, classes_held)
      select s.day, s.province_code, count(distinct s.session_id)::int
        from reach_session_village s
       where true ${onDays(raw('s.day'), scope)}
       group by s.day, s.province_code`;
    await em.execute(provinces.text, [...provinces.params]);
  }

  /**
   * One row per person reached (all of them, or those listed in `touched`), under their current
   * home village, with every local day they were reached on.
   */
  private async insertResidentReach(em: EntityManager, touched: SqlFragment | null): Promise<void> {
    const only = touched ? sql`where d.resident_id in (select id from ${touched})` : EMPTY;
    const query = sql`
      insert into reach_resident_reach (resident_id, village_id, commune_code, province_code, days)
      select d.resident_id, r.village_id, v.commune_code, c.province_code, d.days
        from (select d.resident_id, range_agg(daterange(d.day, d.day, '[]')) as days
                from reach_resident_day d ${only} group by d.resident_id) d
        join resident r on r.id = d.resident_id
        join village v on v.id = r.village_id
        join commune c on c.code = v.commune_code`;
    await em.execute(query.text, [...query.params]);
  }

  /**
   * A row per village with where it lies and whether a team covers it (every village, every
   * refresh: teams take villages on and off between refreshes), then the days it had a class, for
   * every village or for those listed in `touched`.
   */
  private async updateVillageCoverage(em: EntityManager, touched: SqlFragment | null): Promise<void> {
    await em.execute(
      `insert into reach_village_coverage as g (village_id, commune_code, province_code, has_team)
       select v.id, v.commune_code, c.province_code, exists (select 1 from team_village t where t.village_id = v.id)
         from village v join commune c on c.code = v.commune_code
       on conflict (village_id) do update
          set commune_code = excluded.commune_code, province_code = excluded.province_code, has_team = excluded.has_team
        where (g.commune_code, g.province_code, g.has_team) is distinct from
              (excluded.commune_code, excluded.province_code, excluded.has_team)`,
    );
    if (touched) {
      await em.execute(
        `update reach_village_coverage set class_days = '{}' where village_id in (select id from ${touched.text})`,
      );
    }
    const only = touched ? sql`where s.village_id in (select id from ${touched})` : EMPTY;
    const query = sql`
      update reach_village_coverage g set class_days = x.days
        from (select s.village_id, range_agg(daterange(s.day, s.day, '[]')) as days
                from reach_session_village s ${only} group by s.village_id) x
       where g.village_id = x.village_id`;
    await em.execute(query.text, [...query.params]);
  }

  /**
   * Person-times: one per RESIDENT or GUEST attendance, a venue's headcount for a VENUE (the
   * largest reported, on the attendance row or in the headcount reports; 1 when none was
   * reported: somebody was there). Completions fall under the resident's home village. Per
   * course: the attendances of sessions that teach it, the completions of it.
   */
  private async insertVillageDays(em: EntityManager, scope: DayScope, perCourse: boolean): Promise<void> {
    const course = perCourseColumns(perCourse);
    const query = sql`
      insert into ${raw(perCourse ? 'reach_course_village_day' : 'reach_village_day')}
             (${course.column} day, village_id, commune_code, province_code, live_person_times, venue_headcount, completions)
      select ${course.x} x.day, x.village_id, v.commune_code, c.province_code,
             sum(x.person_times)::int, sum(x.venue_headcount)::int, sum(x.completions)::int
        from (
          select ${course.session} ${sessionDay('s')} as day, a.village_id,
                 case when a.kind = 'VENUE' then ${VENUE_HEADCOUNT} else 1 end as person_times,
                 case when a.kind = 'VENUE' then ${VENUE_HEADCOUNT} else 0 end as venue_headcount,
                 0 as completions
            from live_attendance a join live_session s on s.id = a.session_id
           where true ${course.sessionFilter} ${onDays(sessionDay('s'), scope)}
          union all
          select ${course.enrollment} ${localDay('e.completed_at')}, r.village_id, 0, 0, 1
            from enrollment e join resident r on r.id = e.resident_id
           where e.completed_at is not null ${onDaysByTime('e.completed_at', scope)}
        ) x
        join village v on v.id = x.village_id
        join commune c on c.code = v.commune_code
       group by ${course.x} x.day, x.village_id, v.commune_code, c.province_code`;
    await em.execute(query.text, [...query.params]);
  }

  private async insertVisitDays(em: EntityManager, scope: DayScope): Promise<void> {
    const query = sql`
      insert into reach_visit_day (day, village_id, commune_code, province_code, team_id, task, visits)
      select ${localDay('sv.occurred_at')} as day, sv.village_id, v.commune_code, c.province_code, sv.team_id, sv.task,
             count(*)::int
        from support_visit sv
        join village v on v.id = sv.village_id
        join commune c on c.code = v.commune_code
       where true ${onDaysByTime('sv.occurred_at', scope)}
       group by 1, sv.village_id, v.commune_code, c.province_code, sv.team_id, sv.task`;
    await em.execute(query.text, [...query.params]);
  }

  /**
   * Everyone reached on a day, by attendance, check-in, completion or a named visit, under their
   * home village. Per course: attendance of or check-in at a session that teaches it, or its
   * completion; visits are not about a course.
   */
  private async insertResidentDays(em: EntityManager, scope: DayScope, perCourse: boolean): Promise<void> {
    const course = perCourseColumns(perCourse);
    const visits = perCourse
      ? EMPTY
      : sql`union
          select sv.resident_id, ${localDay('sv.occurred_at')}
            from support_visit sv
           where sv.resident_id is not null ${onDaysByTime('sv.occurred_at', scope)}`;
    const query = sql`
      insert into ${raw(perCourse ? 'reach_course_resident_day' : 'reach_resident_day')}
             (${course.column} resident_id, day, village_id, commune_code, province_code)
      select ${course.x} x.resident_id, x.day, r.village_id, v.commune_code, c.province_code
        from (
          select ${course.session} a.resident_id, ${sessionDay('s')} as day
            from live_attendance a join live_session s on s.id = a.session_id
           where a.kind = 'RESIDENT' and a.resident_id is not null ${course.sessionFilter} ${onDays(sessionDay('s'), scope)}
          union
          select ${course.session} k.resident_id, ${sessionDay('s')}
            from live_check_in k join live_session s on s.id = k.session_id
           where true ${course.sessionFilter} ${onDays(sessionDay('s'), scope)}
          union
          select ${course.enrollment} e.resident_id, ${localDay('e.completed_at')}
            from enrollment e
           where e.completed_at is not null ${onDaysByTime('e.completed_at', scope)}
          ${visits}
        ) x
        join resident r on r.id = x.resident_id
        join village v on v.id = r.village_id
        join commune c on c.code = v.commune_code`;
    await em.execute(query.text, [...query.params]);
  }

  /** Residents who completed every course of the basic programme, confirmed on the day of the last one. */
  private async insertConfirmed(em: EntityManager, residentIds: string[] | null): Promise<void> {
    const only = residentIds ? sql`and e.resident_id = any(${pgArray(residentIds)}::uuid[])` : EMPTY;
    const slugs = pgArray(BASIC_PROGRAMME_SLUGS);
    const query = sql`
      insert into reach_confirmed (resident_id, village_id, commune_code, province_code, confirmed_on)
      select e.resident_id, r.village_id, v.commune_code, c.province_code, max(${localDay('e.completed_at')})
        from enrollment e
        join course p on p.id = e.course_id and p.slug = any(${slugs}::text[])
        join resident r on r.id = e.resident_id
        join village v on v.id = r.village_id
        join commune c on c.code = v.commune_code
       where e.completed_at is not null ${only}
       group by e.resident_id, r.village_id, v.commune_code, c.province_code
      having count(distinct p.slug) = ${BASIC_PROGRAMME_SLUGS.length}`;
    await em.execute(query.text, [...query.params]);
  }

  private async stamp(em: EntityManager, done: { full: boolean; days: number }): Promise<Date> {
    const [row] = await em.execute<{ refreshed_at: Date }[]>(
      `insert into reach_refresh (id, refreshed_at, changes_since, full_refreshed_at, days_refreshed)
       values (1, clock_timestamp(), now(), case when ? then clock_timestamp() end, ?)
       on conflict (id) do update set refreshed_at = excluded.refreshed_at, changes_since = excluded.changes_since,
         full_refreshed_at = coalesce(excluded.full_refreshed_at, reach_refresh.full_refreshed_at),
         days_refreshed = excluded.days_refreshed
       returning refreshed_at`,
      [done.full, done.days],
    );
    return new Date(row.refreshed_at);
  }
}

/** The rollups kept per local day: a refresh recomputes them a whole day at a time. */
const DAY_TABLES = [
  'reach_village_day',
  'reach_commune_day',
  'reach_province_day',
  'reach_visit_day',
  'reach_resident_day',
  'reach_course_village_day',
  'reach_course_resident_day',
];

/** The rollups a rebuild rewrites besides the daily ones. */
const OTHER_TABLES = ['reach_session_village', 'reach_confirmed', 'reach_resident_reach', 'reach_village_coverage'];

/** The extra course column of the per-course rollups: a session's course, an enrollment's course. */
function perCourseColumns(perCourse: boolean) {
  return perCourse
    ? {
        column: raw('course_id,'),
        x: raw('x.course_id,'),
        session: raw('s.course_id,'),
        enrollment: raw('e.course_id,'),
        sessionFilter: raw('and s.course_id is not null'),
      }
    : { column: EMPTY, x: EMPTY, session: EMPTY, enrollment: EMPTY, sessionFilter: EMPTY };
}

/** A VENUE attendance's people: the largest headcount reported for it, or 1. */
const VENUE_HEADCOUNT = raw(`coalesce(a.headcount,
  (select max(h.headcount) from live_venue_headcount h where h.session_id = a.session_id and h.venue_id = a.venue_id), 1)`);

function onDays(day: SqlFragment, scope: DayScope): SqlFragment {
  return scope.days ? sql`and ${day} = any(${pgArray(scope.days)}::date[])` : EMPTY;
}

/** Day filter on a timestamptz column that an index on the column can serve (a range, then the exact days). */
function onDaysByTime(column: string, scope: DayScope): SqlFragment {
  if (!scope.days) return EMPTY;
  const first = scope.days[0];
  const last = scope.days[scope.days.length - 1];
  return sql`and ${raw(column)} >= (${first}::date)::timestamp at time zone ${raw(`'${REACH_TIME_ZONE}'`)}
    and ${raw(column)} < ((${last}::date) + 1)::timestamp at time zone ${raw(`'${REACH_TIME_ZONE}'`)}
    ${onDays(localDay(column), scope)}`;
}
