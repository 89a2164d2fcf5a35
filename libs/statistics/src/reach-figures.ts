import { SupportTask } from '@hocvuso/youth';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReachInterval } from './reach-calendar';
import { type ReachUnit, ReachUnitKind } from './reach-units';
import { EMPTY, raw, sql, type SqlFragment } from './sql-fragment';

/** A closed range of local days, YYYY-MM-DD. */
export interface ReachPeriod {
  from: string;
  to: string;
}

export interface TaskVisits {
  task: SupportTask;
  visits: number;
}

/**
 * Every figure of a unit over a period. Person-times count occasions (one person twice is two);
 * unique people count residents (once however often they came): the two are never added.
 *
 * For one course (a `course` id given to the queries) the figures keep only what belongs to it:
 * classes and attendance of the sessions that teach it (live_session.course_id), its completions,
 * and as unique people the residents who attended or checked in at such a session or completed
 * it. Support visits are not about a course and confirmation is about the whole programme: both
 * are null for a course. Targets and villages (with a team) describe the unit and stay as they are.
 */
export interface ReachFigures {
  /** distinct ENDED sessions attended from the unit */
  classesHeld: number;
  /** RESIDENT and GUEST attendances plus venue headcounts */
  livePersonTimes: number;
  /** the part of livePersonTimes that venues reported as headcounts */
  venueHeadcount: number;
  /** null for a course */
  supportVisits: number | null;
  /** every task, zeros included, in the order of the enum; null for a course */
  visitsByTask: TaskVisits[] | null;
  /** DESIGN.md's lượt người: livePersonTimes + supportVisits (for a course, livePersonTimes) */
  personTimes: number;
  /** course completions of residents living in the unit */
  completions: number;
  /** distinct residents living in the unit with an attendance, check-in, completion or named visit */
  uniquePeople: number;
  /** residents living in the unit who completed the basic programme during the period; null for a course */
  residentsConfirmed: number | null;
  /** ... on or before the period's last day (what the target is measured against); null for a course */
  residentsConfirmedToDate: number | null;
  /** from the targets in force on the period's last day; null when the unit has none */
  adultPopulation: number | null;
  targetPeople: number | null;
  /** uniquePeople / adultPopulation */
  reachedShare: number | null;
  /** residentsConfirmedToDate / adultPopulation */
  confirmedShare: number | null;
  /** residentsConfirmedToDate / targetPeople */
  targetProgress: number | null;
  villages: number;
  villagesWithClass: number;
  villagesWithTeam: number;
  villagesWithClassAndTeam: number;
}

export interface SeriesPoint {
  /** the bucket's first day (a Monday for weeks) */
  start: string;
  classesHeld: number;
  livePersonTimes: number;
  /** null for a course */
  supportVisits: number | null;
  completions: number;
  /** distinct residents within the bucket: buckets do not add up to the period's uniquePeople */
  uniquePeople: number;
}

/** One course's figures in a unit over a period, as in ReachFigures for that course. */
export interface CourseReach {
  courseId: string;
  classesHeld: number;
  livePersonTimes: number;
  venueHeadcount: number;
  completions: number;
  uniquePeople: number;
}

type Table = 'village' | 'visit';

/** A course id (checked to exist) restricting every figure to that course, or null for all of them. */
export type ReachCourse = string | null;

const ABOVE_VILLAGES: ReadonlySet<ReachUnitKind> = new Set([ReachUnitKind.PROVINCE, ReachUnitKind.COMMUNE]);

/**
 * The rollups a figure reads, programme-wide or for one course, and the filter on the course.
 * Programme-wide figures of a province or commune grouped no lower than communes read the
 * per-commune and per-province day rollups: a commune's day is one row there instead of one per
 * village, and a class (which has one day) is counted in its day's classes_held instead of
 * distinct over every village it reached.
 */
function rollups(course: ReachCourse, unit: ReachUnitKind, level: ReachUnitKind) {
  const perCommune = !course && ABOVE_VILLAGES.has(unit) && ABOVE_VILLAGES.has(level);
  return {
    villageDays: raw(course ? 'reach_course_village_day' : perCommune ? 'reach_commune_day' : 'reach_village_day'),
    classes: perCommune
      ? {
          from: raw(level === ReachUnitKind.PROVINCE ? 'reach_province_day' : 'reach_commune_day'),
          count: raw('sum(r.classes_held)::int'),
          // Per commune, the day sums and the classes are columns of the same rows: one scan reads both.
          inDaySums: level === ReachUnitKind.COMMUNE,
        }
      : { from: raw('reach_session_village'), count: raw('count(distinct r.session_id)::int'), inDaySums: false },
    residentDays: raw(course ? 'reach_course_resident_day' : 'reach_resident_day'),
    onCourse: (alias = 'r') => (course ? sql`and ${raw(alias)}.course_id = ${course}::uuid` : EMPTY),
  };
}

/** The period as a closed range of days, for the multiranges of days in reach_resident_reach and reach_village_coverage. */
const periodRange = (period: ReachPeriod): SqlFragment =>
  sql`daterange(${period.from}::date, ${period.to}::date, '[]')`;

/** How rows are grouped: by unit one level down (or the unit itself), or by day or week. */
export interface Grouping {
  key(table: Table): SqlFragment;
  join(table: Table): SqlFragment;
}

const TEAM_VILLAGES = raw('join team_village tv on tv.village_id = r.village_id');

export function byLevel(level: ReachUnitKind): Grouping {
  switch (level) {
    case ReachUnitKind.PROVINCE:
      return { key: () => raw('r.province_code'), join: () => EMPTY };
    case ReachUnitKind.COMMUNE:
      return { key: () => raw('r.commune_code'), join: () => EMPTY };
    case ReachUnitKind.VILLAGE:
      return { key: () => raw('r.village_id::text'), join: () => EMPTY };
    case ReachUnitKind.TEAM:
      // Village figures of a team are those of the villages it covers; its visits are the ones recorded under it.
      return {
        key: (table) => raw(table === 'visit' ? 'r.team_id::text' : 'tv.team_id::text'),
        join: (table) => (table === 'visit' ? EMPTY : TEAM_VILLAGES),
      };
    default: {
      const unknown: never = level;
      throw new Error(`unknown unit kind ${String(unknown)}`);
    }
  }
}

export function byBucket(interval: ReachInterval): Grouping {
  const key =
    interval === ReachInterval.DAY
      ? "to_char(r.day, 'YYYY-MM-DD')"
      : "to_char(date_trunc('week', r.day), 'YYYY-MM-DD')";
  return { key: () => raw(key), join: () => EMPTY };
}

/** Rows of the unit: its own codes, its village, or for a team the villages it covers (visits: recorded under it). */
export function inUnit(unit: ReachUnit, table: Table): SqlFragment {
  switch (unit.kind) {
    case ReachUnitKind.PROVINCE:
      return sql`r.province_code = ${unit.key}`;
    case ReachUnitKind.COMMUNE:
      return sql`r.commune_code = ${unit.key}`;
    case ReachUnitKind.VILLAGE:
      return sql`r.village_id = ${unit.key}::uuid`;
    case ReachUnitKind.TEAM:
      return table === 'visit'
        ? sql`r.team_id = ${unit.key}::uuid`
        : sql`r.village_id in (select village_id from team_village where team_id = ${unit.key}::uuid)`;
    default: {
      const unknown: never = unit.kind;
      throw new Error(`unknown unit kind ${String(unknown)}`);
    }
  }
}

type Row = { key: string | null } & Record<string, string | number | null>;

async function grouped(em: EntityManager, query: SqlFragment): Promise<Map<string, Row>> {
  const rows = await em.execute<Row[]>(query.text, [...query.params]);
  return new Map(rows.filter((row) => row.key !== null).map((row) => [row.key!, row]));
}

const num = (row: Row | undefined, column: string): number => Number(row?.[column] ?? 0);
const nullableNum = (row: Row | undefined, column: string): number | null =>
  row?.[column] === null || row?.[column] === undefined ? null : Number(row[column]);
const share = (part: number, whole: number | null): number | null => (whole ? part / whole : null);

/** The reach queries over the rollup tables, grouped any way a report needs. */
export class ReachFigureQueries {
  constructor(private readonly em: EntityManager) {}

  /** Figures of `unit` grouped by `grouping`: a map from group key to figures. */
  async figures(
    unit: ReachUnit,
    level: ReachUnitKind,
    period: ReachPeriod,
    keys: readonly string[],
    course: ReachCourse = null,
  ): Promise<Map<string, ReachFigures>> {
    const grouping = byLevel(level);
    const tables = rollups(course, unit.kind, level);
    const onDays = sql`r.day between ${period.from}::date and ${period.to}::date`;
    const where = (table: Table) => sql`${inUnit(unit, table)} and ${onDays}`;
    const select = (table: Table, columns: SqlFragment, from: SqlFragment) =>
      sql`select ${grouping.key(table)} as key, ${columns} from ${from} r ${grouping.join(table)}
           where ${where(table)} ${tables.onCourse()} group by 1`;
    const noRows = Promise.resolve(new Map<string, never>());

    const sums = raw(
      `sum(r.live_person_times)::int as live, sum(r.venue_headcount)::int as venue, sum(r.completions)::int as completions`,
    );
    const classesWithSums = tables.classes.inDaySums;
    const classCount = sql`${tables.classes.count} as classes`;
    const [villageDays, separateClasses, reached, visits, confirmed, coverage, targets] = await Promise.all([
      grouped(this.em, select('village', classesWithSums ? sql`${sums}, ${classCount}` : sums, tables.villageDays)),
      classesWithSums ? noRows : grouped(this.em, select('village', classCount, tables.classes.from)),
      this.people(unit, grouping, period, course),
      course ? noRows : this.visitsByTask(unit, grouping, where('visit')),
      course
        ? noRows
        : grouped(
            this.em,
            sql`select ${grouping.key('village')} as key,
                   count(*) filter (where r.confirmed_on >= ${period.from}::date)::int as in_period,
                   count(*)::int as to_date
              from reach_confirmed r ${grouping.join('village')}
             where ${inUnit(unit, 'village')} and r.confirmed_on <= ${period.to}::date group by 1`,
          ),
      this.coverage(unit, grouping, period, course),
      this.targets(unit, level, grouping, period),
    ]);

    const classes = classesWithSums ? villageDays : separateClasses;
    return new Map(
      keys.map((key) => {
        const day = villageDays.get(key);
        const taskVisits = course
          ? null
          : Object.values(SupportTask).map((task) => ({ task, visits: visits.get(key)?.get(task) ?? 0 }));
        const supportVisits = taskVisits?.reduce((sum, entry) => sum + entry.visits, 0) ?? null;
        const uniquePeople = num(reached.get(key), 'people');
        const confirmedToDate = course ? null : num(confirmed.get(key), 'to_date');
        const adults = nullableNum(targets.get(key), 'adults');
        const targetPeople = nullableNum(targets.get(key), 'target_people');
        const figures: ReachFigures = {
          classesHeld: num(classes.get(key), 'classes'),
          livePersonTimes: num(day, 'live'),
          venueHeadcount: num(day, 'venue'),
          supportVisits,
          visitsByTask: taskVisits,
          personTimes: num(day, 'live') + (supportVisits ?? 0),
          completions: num(day, 'completions'),
          uniquePeople,
          residentsConfirmed: course ? null : num(confirmed.get(key), 'in_period'),
          residentsConfirmedToDate: confirmedToDate,
          adultPopulation: adults,
          targetPeople,
          reachedShare: share(uniquePeople, adults),
          confirmedShare: confirmedToDate === null ? null : share(confirmedToDate, adults),
          targetProgress: confirmedToDate === null ? null : share(confirmedToDate, targetPeople),
          villages: num(coverage.get(key), 'villages'),
          villagesWithClass: num(coverage.get(key), 'with_class'),
          villagesWithTeam: num(coverage.get(key), 'with_team'),
          villagesWithClassAndTeam: num(coverage.get(key), 'with_both'),
        };
        return [key, figures];
      }),
    );
  }

  /** What a ranking divides: completions (of the course) and the adults of the targets, per group. */
  async rankingInputs(
    unit: ReachUnit,
    level: ReachUnitKind,
    period: ReachPeriod,
    keys: readonly string[],
    course: ReachCourse = null,
  ): Promise<Map<string, Pick<ReachFigures, 'completions' | 'adultPopulation'>>> {
    const grouping = byLevel(level);
    const tables = rollups(course, unit.kind, level);
    const [days, targets] = await Promise.all([
      grouped(
        this.em,
        sql`select ${grouping.key('village')} as key, sum(r.completions)::int as completions
              from ${tables.villageDays} r ${grouping.join('village')}
             where ${inUnit(unit, 'village')} and r.day between ${period.from}::date and ${period.to}::date
                   ${tables.onCourse()}
             group by 1`,
      ),
      this.targets(unit, level, grouping, period),
    ]);
    return new Map(
      keys.map((key) => [
        key,
        { completions: num(days.get(key), 'completions'), adultPopulation: nullableNum(targets.get(key), 'adults') },
      ]),
    );
  }

  /**
   * Every course with a class held, attendance, a completion or a person reached in the unit over
   * the period, one grouped query per figure: each reads the unit's slice of a per-course index.
   */
  async courses(unit: ReachUnit, period: ReachPeriod): Promise<CourseReach[]> {
    const where = sql`${inUnit(unit, 'village')} and r.day between ${period.from}::date and ${period.to}::date`;
    const [days, classes, people] = await Promise.all([
      grouped(
        this.em,
        sql`select r.course_id::text as key, sum(r.live_person_times)::int as live, sum(r.venue_headcount)::int as venue,
                   sum(r.completions)::int as completions
              from reach_course_village_day r where ${where} group by 1`,
      ),
      grouped(
        this.em,
        sql`select r.course_id::text as key, count(distinct r.session_id)::int as classes
              from reach_session_village r where ${where} and r.course_id is not null group by 1`,
      ),
      grouped(
        this.em,
        sql`select r.course_id::text as key, count(distinct r.resident_id)::int as people
              from reach_course_resident_day r where ${where} group by 1`,
      ),
    ]);
    const courseIds = new Set([...days.keys(), ...classes.keys(), ...people.keys()]);
    return [...courseIds].map((courseId) => ({
      courseId,
      classesHeld: num(classes.get(courseId), 'classes'),
      livePersonTimes: num(days.get(courseId), 'live'),
      venueHeadcount: num(days.get(courseId), 'venue'),
      completions: num(days.get(courseId), 'completions'),
      uniquePeople: num(people.get(courseId), 'people'),
    }));
  }

  /**
   * Unique people per group. Programme-wide: one overlap test per person reached in the unit
   * (reach_resident_reach keeps their days as a multirange). For a course: distinct residents of
   * the course's per-day rollup.
   */
  private people(unit: ReachUnit, grouping: Grouping, period: ReachPeriod, course: ReachCourse) {
    if (course) {
      return grouped(
        this.em,
        sql`select ${grouping.key('village')} as key, count(distinct r.resident_id)::int as people
              from reach_course_resident_day r ${grouping.join('village')}
             where ${inUnit(unit, 'village')} and r.day between ${period.from}::date and ${period.to}::date
                   and r.course_id = ${course}::uuid
             group by 1`,
      );
    }
    return grouped(
      this.em,
      sql`select ${grouping.key('village')} as key, count(*)::int as people
            from reach_resident_reach r ${grouping.join('village')}
           where ${inUnit(unit, 'village')} and r.days && ${periodRange(period)}
           group by 1`,
    );
  }

  /** Day or week buckets of the unit's additive figures and per-bucket unique people. */
  async series(
    unit: ReachUnit,
    interval: ReachInterval,
    period: ReachPeriod,
    starts: readonly string[],
    course: ReachCourse = null,
  ): Promise<SeriesPoint[]> {
    const grouping = byBucket(interval);
    const figures = await this.figuresByBucket(unit, grouping, period, course);
    return starts.map((start) => ({
      start,
      classesHeld: figures.classes.get(start) ?? 0,
      livePersonTimes: figures.live.get(start) ?? 0,
      supportVisits: figures.visits ? (figures.visits.get(start) ?? 0) : null,
      completions: figures.completions.get(start) ?? 0,
      uniquePeople: figures.people.get(start) ?? 0,
    }));
  }

  private async figuresByBucket(unit: ReachUnit, grouping: Grouping, period: ReachPeriod, course: ReachCourse) {
    const tables = rollups(course, unit.kind, unit.kind);
    const onDays = sql`r.day between ${period.from}::date and ${period.to}::date`;
    const query = (table: Table, column: SqlFragment, from: SqlFragment) =>
      sql`select ${grouping.key(table)} as key, ${column} as value from ${from} r
           where ${inUnit(unit, table)} and ${onDays} ${table === 'visit' ? EMPTY : tables.onCourse()} group by 1`;
    const asMap = async (fragment: SqlFragment, column = 'value') =>
      new Map([...(await grouped(this.em, fragment))].map(([key, row]) => [key, num(row, column)]));
    const days = await grouped(
      this.em,
      sql`select ${grouping.key('village')} as key, sum(r.live_person_times)::int as live, sum(r.completions)::int as completions
            from ${tables.villageDays} r where ${inUnit(unit, 'village')} and ${onDays} ${tables.onCourse()} group by 1`,
    );
    return {
      live: new Map([...days].map(([key, row]) => [key, num(row, 'live')])),
      completions: new Map([...days].map(([key, row]) => [key, num(row, 'completions')])),
      classes: await asMap(query('village', tables.classes.count, tables.classes.from)),
      people: await asMap(query('village', raw('count(distinct r.resident_id)::int'), tables.residentDays)),
      visits: course ? null : await asMap(query('visit', raw('sum(r.visits)::int'), raw('reach_visit_day'))),
    };
  }

  private async visitsByTask(
    unit: ReachUnit,
    grouping: Grouping,
    where: SqlFragment,
  ): Promise<Map<string, Map<string, number>>> {
    const query = sql`select ${grouping.key('visit')} as key, r.task, sum(r.visits)::int as visits
                        from reach_visit_day r ${grouping.join('visit')} where ${where} group by 1, 2`;
    const rows = await this.em.execute<{ key: string | null; task: string; visits: number }[]>(query.text, [
      ...query.params,
    ]);
    const result = new Map<string, Map<string, number>>();
    for (const row of rows) {
      if (row.key === null) continue;
      const tasks = result.get(row.key) ?? new Map<string, number>();
      tasks.set(row.task, Number(row.visits));
      result.set(row.key, tasks);
    }
    return result;
  }

  /**
   * Villages of each group, and how many had a class (of the course) in the period, have a team,
   * or both: one row per village in reach_village_coverage, with its class days as a multirange.
   */
  private coverage(
    unit: ReachUnit,
    grouping: Grouping,
    period: ReachPeriod,
    course: ReachCourse,
  ): Promise<Map<string, Row>> {
    const hasClass = course
      ? sql`exists (select 1 from reach_session_village s where s.village_id = r.village_id
                 and s.day between ${period.from}::date and ${period.to}::date and s.course_id = ${course}::uuid)`
      : sql`r.class_days && ${periodRange(period)}`;
    return grouped(
      this.em,
      sql`select key, count(*)::int as villages,
                 count(*) filter (where has_class)::int as with_class,
                 count(*) filter (where has_team)::int as with_team,
                 count(*) filter (where has_class and has_team)::int as with_both
            from (select ${grouping.key('village')} as key, ${hasClass} as has_class, r.has_team
                    from reach_village_coverage r ${grouping.join('village')}
                   where ${inUnit(unit, 'village')}) x
           group by 1`,
    );
  }

  /**
   * Adults and people to confirm, from the targets in force on the period's last day: per unit and
   * due day there may be several rows; the one due soonest on or after that day applies, else the
   * latest past one. A commune's own row wins over the sum of its villages' rows; a province adds
   * up its communes; a team adds up the villages it covers.
   */
  private targets(
    unit: ReachUnit,
    level: ReachUnitKind,
    grouping: Grouping,
    period: ReachPeriod,
  ): Promise<Map<string, Row>> {
    const chosen = sql`select distinct on (t.commune_code, t.village_id) t.commune_code, t.village_id, t.province_code,
                              t.adult_population as adults,
                              ceil(t.adult_population * t.target_percent / 100.0)::int as target_people
                         from reach_target t
                        where ${targetFilter(unit)}
                        order by t.commune_code, t.village_id, (t.due_on < ${period.to}::date), abs(t.due_on - ${period.to}::date)`;
    if (level === ReachUnitKind.COMMUNE || level === ReachUnitKind.PROVINCE) {
      return grouped(
        this.em,
        sql`with chosen as (${chosen}),
             per_commune as (
               select commune_code, province_code,
                      coalesce(max(adults) filter (where village_id is null), sum(adults) filter (where village_id is not null)) as adults,
                      coalesce(max(target_people) filter (where village_id is null),
                               sum(target_people) filter (where village_id is not null)) as target_people
                 from chosen group by commune_code, province_code)
           select ${grouping.key('village')} as key, sum(r.adults)::int as adults, sum(r.target_people)::int as target_people
             from per_commune r
            group by 1`,
      );
    }
    return grouped(
      this.em,
      sql`with chosen as (${chosen})
          select ${grouping.key('village')} as key, sum(r.adults)::int as adults, sum(r.target_people)::int as target_people
            from (select ch.village_id, ch.adults, ch.target_people, ch.commune_code from chosen ch where ch.village_id is not null) r
            ${grouping.join('village')}
           group by 1`,
    );
  }
}

function targetFilter(unit: ReachUnit): SqlFragment {
  switch (unit.kind) {
    case ReachUnitKind.PROVINCE:
      return sql`t.province_code = ${unit.key}`;
    case ReachUnitKind.COMMUNE:
      return sql`t.commune_code = ${unit.key}`;
    case ReachUnitKind.VILLAGE:
      return sql`t.village_id = ${unit.key}::uuid`;
    case ReachUnitKind.TEAM:
      return sql`t.village_id in (select village_id from team_village where team_id = ${unit.key}::uuid)`;
    default: {
      const unknown: never = unit.kind;
      throw new Error(`unknown unit kind ${String(unknown)}`);
    }
  }
}
