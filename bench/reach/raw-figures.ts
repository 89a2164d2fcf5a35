import { type ReachFigures, type ReachPeriod, ReachUnitKind, type TaskVisits } from '@hocvuso/statistics';
import { SupportTask } from '@hocvuso/youth';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The baseline: every dashboard figure computed by plain aggregation over the raw tables
 * (live_attendance, live_session, live_venue_headcount, live_check_in, enrollment, support_visit,
 * resident, village, team_village, reach_target), written from the definitions in README.md
 * ("Reach statistics") and ../shared/DESIGN.md, sharing no code with libs/statistics. A unit's
 * villages are mapped to group keys (the unit itself, or its communes, villages or teams) and
 * every figure joins raw rows to that map: by the village attended from (attendance, classes),
 * by the resident's home village (completions, unique people, confirmations), by the visit's
 * village or, for teams, by the team it was recorded under.
 */

const ZONE = 'Asia/Ho_Chi_Minh';
const sessionDay = (alias: string) =>
  `((coalesce(${alias}.started_at, ${alias}.scheduled_start)) at time zone '${ZONE}')::date`;
const localDay = (column: string) => `((${column}) at time zone '${ZONE}')::date`;

/** Values are inlined after a format check: the bench's own codes, ids and days, never user input. */
function literal(value: string, format: RegExp): string {
  if (!format.test(value)) throw new Error(`unexpected value "${value}"`);
  return `'${value}'`;
}
const CODE = /^\d{2}(\d{3})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface RawUnit {
  kind: ReachUnitKind;
  key: string;
}

/** Villages of the unit. */
function scopeVillages(unit: RawUnit): string {
  switch (unit.kind) {
    case ReachUnitKind.PROVINCE:
      return `select v.id as village_id from village v join commune c on c.code = v.commune_code
               where c.province_code = ${literal(unit.key, CODE)}`;
    case ReachUnitKind.COMMUNE:
      return `select id as village_id from village where commune_code = ${literal(unit.key, CODE)}`;
    case ReachUnitKind.VILLAGE:
      return `select ${literal(unit.key, UUID)}::uuid as village_id`;
    case ReachUnitKind.TEAM:
      return `select village_id from team_village where team_id = ${literal(unit.key, UUID)}::uuid`;
  }
}

/** (village, group key) pairs: the unit itself, or one level down. A village covered by two teams is in both. */
function groupVillages(unit: RawUnit, level: ReachUnitKind): string {
  if (level === unit.kind)
    return `select village_id, ${literal(unit.key, unit.kind === ReachUnitKind.PROVINCE || unit.kind === ReachUnitKind.COMMUNE ? CODE : UUID)}::text as key from scope`;
  switch (level) {
    case ReachUnitKind.COMMUNE:
      return `select v.id as village_id, v.commune_code::text as key from village v join scope s on s.village_id = v.id`;
    case ReachUnitKind.VILLAGE:
      return `select village_id, village_id::text as key from scope`;
    case ReachUnitKind.TEAM:
      return `select tv.village_id, tv.team_id::text as key from team_village tv join scope s on s.village_id = tv.village_id`;
    default:
      throw new Error(`no grouping by ${level} under ${unit.kind}`);
  }
}

/**
 * The common table expressions every figure starts from: the unit's villages (scope), their group
 * keys (g), and the unit's communes and residents, which let the planner use the raw tables' own
 * indexes (attendance by commune, enrollments and visits by resident) instead of scanning them whole.
 */
function unitTables(unit: RawUnit, level: ReachUnitKind): string {
  return `with scope as (${scopeVillages(unit)}), g as (${groupVillages(unit, level)}),
    communes as (select distinct v.commune_code from village v join scope s on s.village_id = v.id),
    residents as (select r.id, r.village_id from resident r where r.village_id in (select village_id from scope))`;
}

type Row = Record<string, string | number | null>;

async function byKey(em: EntityManager, text: string): Promise<Map<string, Row>> {
  const rows = await em.execute<Row[]>(text);
  return new Map(rows.map((row) => [String(row.key), row]));
}

const int = (row: Row | undefined, column: string): number => (row && row[column] !== null ? Number(row[column]) : 0);
const orNull = (row: Row | undefined, column: string): number | null =>
  row && row[column] !== null && row[column] !== undefined ? Number(row[column]) : null;
const ratio = (part: number, whole: number | null): number | null => (whole ? part / whole : null);

export class RawFigures {
  constructor(private readonly em: EntityManager) {}

  /** Figures of each key of `keys`, the unit's villages grouped at `level`, over `period`. */
  async figures(
    unit: RawUnit,
    level: ReachUnitKind,
    period: ReachPeriod,
    keys: readonly string[],
  ): Promise<Map<string, ReachFigures>> {
    const from = `${literal(period.from, DAY)}::date`;
    const to = `${literal(period.to, DAY)}::date`;
    const groups = unitTables(unit, level);
    const inPeriod = (day: string) => `${day} between ${from} and ${to}`;
    // An array, not a semi-join: the planner then reads the commune index of live_attendance.
    const attendedFrom = `a.commune_code = any(array(select commune_code from communes))`;
    const venuePeople = `coalesce(greatest(a.headcount, (select max(h.headcount) from live_venue_headcount h
                                                        where h.session_id = a.session_id and h.venue_id = a.venue_id)), 1)`;

    const live = byKey(
      this.em,
      `${groups}
       select g.key,
              sum(case when a.kind = 'VENUE' then ${venuePeople} else 1 end) as live,
              sum(case when a.kind = 'VENUE' then ${venuePeople} else 0 end) as venue,
              count(distinct s.id) filter (where s.status = 'ENDED') as classes
         from live_attendance a
         join live_session s on s.id = a.session_id
         join g on g.village_id = a.village_id
        where ${attendedFrom} and ${inPeriod(sessionDay('s'))}
        group by g.key`,
    );
    const completions = byKey(
      this.em,
      `${groups}
       select g.key, count(*) as completions
         from enrollment e join residents r on r.id = e.resident_id join g on g.village_id = r.village_id
        where e.completed_at is not null and ${inPeriod(localDay('e.completed_at'))}
        group by g.key`,
    );
    const people = byKey(
      this.em,
      `${groups},
       reached as (
         select r.id, r.village_id from residents r join live_attendance a on a.resident_id = r.id
           join live_session s on s.id = a.session_id
          where ${inPeriod(sessionDay('s'))}
         union
         select r.id, r.village_id from residents r join live_check_in k on k.resident_id = r.id
           join live_session s on s.id = k.session_id
          where ${inPeriod(sessionDay('s'))}
         union
         select r.id, r.village_id from residents r join enrollment e on e.resident_id = r.id
          where e.completed_at is not null and ${inPeriod(localDay('e.completed_at'))}
         union
         select r.id, r.village_id from residents r join support_visit v on v.resident_id = r.id
          where ${inPeriod(localDay('v.occurred_at'))})
       select g.key, count(distinct x.id) as people
         from reached x join g on g.village_id = x.village_id
        group by g.key`,
    );
    const visitFilter =
      unit.kind === ReachUnitKind.TEAM
        ? `v.team_id = ${literal(unit.key, UUID)}::uuid`
        : `v.village_id in (select village_id from scope)`;
    // A team's visits are those recorded under it; a team's villages see the team's visits made there.
    const visitKey =
      level === ReachUnitKind.TEAM
        ? 'v.team_id::text'
        : unit.kind === ReachUnitKind.TEAM
          ? 'v.village_id::text'
          : 'g.key';
    const visitJoin = visitKey === 'g.key' ? 'join g on g.village_id = v.village_id' : '';
    const visits = this.em.execute<{ key: string | null; task: string; visits: string }[]>(
      `${groups}
       select ${visitKey} as key, v.task, count(*) as visits
         from support_visit v ${visitJoin}
        where ${visitFilter} and ${inPeriod(localDay('v.occurred_at'))}
        group by 1, 2`,
    );
    const confirmed = byKey(
      this.em,
      `${groups},
       basic as (select c.id from course c join course_version cv on cv.course_id = c.id and cv.number = 1
                  where c.province_code is null and cv.audience = 'RESIDENTS'),
       done as (select e.resident_id, max(${localDay('e.completed_at')}) as confirmed_on
                  from enrollment e join basic b on b.id = e.course_id join residents r on r.id = e.resident_id
                 where e.completed_at is not null
                 group by e.resident_id
                having count(*) = (select count(*) from basic))
       select g.key, count(*) filter (where d.confirmed_on >= ${from}) as in_period, count(*) as to_date
         from done d join residents r on r.id = d.resident_id join g on g.village_id = r.village_id
        where d.confirmed_on <= ${to}
        group by g.key`,
    );
    const coverage = byKey(
      this.em,
      `${groups},
       with_class as (select distinct a.village_id from live_attendance a join live_session s on s.id = a.session_id
                       where s.status = 'ENDED' and ${attendedFrom} and ${inPeriod(sessionDay('s'))}),
       with_team as (select distinct village_id from team_village)
       select g.key, count(*) as villages, count(c.village_id) as with_class, count(t.village_id) as with_team,
              count(*) filter (where c.village_id is not null and t.village_id is not null) as with_both
         from g left join with_class c on c.village_id = g.village_id left join with_team t on t.village_id = g.village_id
        group by g.key`,
    );
    const targets = this.targets(unit, level, groups, to);

    const [liveRows, completionRows, peopleRows, visitRows, confirmedRows, coverageRows, targetRows] =
      await Promise.all([live, completions, people, visits, confirmed, coverage, targets]);
    const visitsOf = new Map<string, Map<string, number>>();
    for (const row of visitRows) {
      if (row.key === null) continue;
      const tasks = visitsOf.get(row.key) ?? new Map<string, number>();
      tasks.set(row.task, Number(row.visits));
      visitsOf.set(row.key, tasks);
    }

    return new Map(
      keys.map((key) => {
        const byTask: TaskVisits[] = Object.values(SupportTask).map((task) => ({
          task,
          visits: visitsOf.get(key)?.get(task) ?? 0,
        }));
        const supportVisits = byTask.reduce((sum, entry) => sum + entry.visits, 0);
        const liveRow = liveRows.get(key);
        const uniquePeople = int(peopleRows.get(key), 'people');
        const toDate = int(confirmedRows.get(key), 'to_date');
        const adults = orNull(targetRows.get(key), 'adults');
        const targetPeople = orNull(targetRows.get(key), 'people');
        const cover = coverageRows.get(key);
        const figures: ReachFigures = {
          classesHeld: int(liveRow, 'classes'),
          livePersonTimes: int(liveRow, 'live'),
          venueHeadcount: int(liveRow, 'venue'),
          supportVisits,
          visitsByTask: byTask,
          personTimes: int(liveRow, 'live') + supportVisits,
          completions: int(completionRows.get(key), 'completions'),
          uniquePeople,
          residentsConfirmed: int(confirmedRows.get(key), 'in_period'),
          residentsConfirmedToDate: toDate,
          adultPopulation: adults,
          targetPeople,
          reachedShare: ratio(uniquePeople, adults),
          confirmedShare: ratio(toDate, adults),
          targetProgress: ratio(toDate, targetPeople),
          villages: int(cover, 'villages'),
          villagesWithClass: int(cover, 'with_class'),
          villagesWithTeam: int(cover, 'with_team'),
          villagesWithClassAndTeam: int(cover, 'with_both'),
        };
        return [key, figures];
      }),
    );
  }

  /**
   * The target in force on `to` for each commune or village row set: the soonest due on or after
   * it, else the latest due before. People to confirm = adults × share, rounded up. A commune's
   * own row replaces its villages' rows; provinces add up communes; teams and villages add up
   * village rows.
   */
  private targets(unit: RawUnit, level: ReachUnitKind, groups: string, to: string): Promise<Map<string, Row>> {
    const byCommune = level === ReachUnitKind.PROVINCE || level === ReachUnitKind.COMMUNE;
    const rowsOfUnit = !byCommune
      ? `t.commune_code = any(array(select commune_code from communes))`
      : unit.kind === ReachUnitKind.PROVINCE
        ? `t.province_code = ${literal(unit.key, CODE)}`
        : `t.commune_code = ${literal(unit.key, CODE)}`;
    const inForce = `in_force as (
      select commune_code, village_id, adults, people from (
        select t.commune_code, t.village_id, t.adult_population as adults,
               (t.adult_population * t.target_percent + 99) / 100 as people,
               row_number() over (partition by t.commune_code, t.village_id
                                  order by (t.due_on >= ${to}) desc,
                                           case when t.due_on >= ${to} then t.due_on end asc,
                                           t.due_on desc) as pick
          from reach_target t
         where ${rowsOfUnit}) x
       where pick = 1)`;
    if (byCommune) {
      const key = level === ReachUnitKind.PROVINCE ? 'c.province_code' : 'c.code';
      const inUnit =
        unit.kind === ReachUnitKind.PROVINCE
          ? `c.province_code = ${literal(unit.key, CODE)}`
          : `c.code = ${literal(unit.key, CODE)}`;
      return byKey(
        this.em,
        `with ${inForce},
         own as (select commune_code, adults, people from in_force where village_id is null),
         summed as (select commune_code, sum(adults) as adults, sum(people) as people from in_force
                     where village_id is not null group by commune_code),
         per_commune as (select coalesce(o.commune_code, s.commune_code) as commune_code,
                                case when o.commune_code is not null then o.adults else s.adults end as adults,
                                case when o.commune_code is not null then o.people else s.people end as people
                           from own o full join summed s on s.commune_code = o.commune_code)
         select ${key} as key, sum(p.adults) as adults, sum(p.people) as people
           from per_commune p join commune c on c.code = p.commune_code
          where ${inUnit}
          group by 1`,
      );
    }
    return byKey(
      this.em,
      `${groups}, ${inForce}
       select g.key, sum(f.adults) as adults, sum(f.people) as people
         from g join in_force f on f.village_id = g.village_id
        group by g.key`,
    );
  }

  /** Completions and active members of a province's communes or teams, and adults for the per-adult metric. */
  async rankingInputs(
    provinceCode: string,
    level: ReachUnitKind.COMMUNE | ReachUnitKind.TEAM,
    period: ReachPeriod,
  ): Promise<Map<string, { completions: number; members: number; adults: number | null }>> {
    const province = literal(provinceCode, CODE);
    const from = `${literal(period.from, DAY)}::date`;
    const to = `${literal(period.to, DAY)}::date`;
    const unit = { kind: ReachUnitKind.PROVINCE, key: provinceCode };
    const groups = unitTables(unit, level);
    const children = this.em.execute<{ key: string }[]>(
      level === ReachUnitKind.COMMUNE
        ? `select code as key from commune where province_code = ${province}`
        : `select id::text as key from team where province_code = ${province}`,
    );
    const completions = byKey(
      this.em,
      `${groups}
       select g.key, count(*) as completions
         from enrollment e join resident r on r.id = e.resident_id join g on g.village_id = r.village_id
        where e.completed_at is not null and ${localDay('e.completed_at')} between ${from} and ${to}
        group by g.key`,
    );
    const members = byKey(
      this.em,
      `select ${level === ReachUnitKind.COMMUNE ? 't.commune_code' : 't.id::text'} as key, count(distinct m.account_id) as members
         from team t join team_member m on m.team_id = t.id
        where t.province_code = ${province} and m.joined_on <= ${to} and (m.left_on is null or m.left_on >= ${from})
        group by 1`,
    );
    const targets = this.targets(unit, level, groups, to);
    const [keys, done, active, adults] = await Promise.all([children, completions, members, targets]);
    return new Map(
      keys.map(({ key }) => [
        key,
        {
          completions: int(done.get(key), 'completions'),
          members: int(active.get(key), 'members'),
          adults: orNull(adults.get(key), 'adults'),
        },
      ]),
    );
  }
}
