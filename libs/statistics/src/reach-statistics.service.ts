import { Injectable } from '@nestjs/common';
import { type Actor, can, Permission, provinceScope, requireAccount } from '@hocvuso/access';
import { EntityManager } from '@mikro-orm/postgresql';
import { buckets, daysBetween, parseDay, ReachInterval } from './reach-calendar';
import {
  type CourseReach,
  type ReachCourse,
  type ReachFigures,
  ReachFigureQueries,
  type ReachPeriod,
  type SeriesPoint,
} from './reach-figures';
import {
  breakdownLevels,
  childUnits,
  readableUnit,
  type ReachUnit,
  ReachUnitKind,
  type ReachUnitRef,
} from './reach-units';
import { pgArray } from './sql-fragment';
import { StatisticsError, StatisticsErrorCode } from './statistics.errors';

/** A period may span three years: a campaign, not a history. */
export const MAX_PERIOD_DAYS = 1_100;

export interface ReachReport {
  unit: ReachUnit;
  period: ReachPeriod;
  /** the course every figure is restricted to, or null for all of them */
  course: ReachCourse;
  figures: ReachFigures;
  /** when the rollups were last refreshed; null before the first refresh */
  asOf: Date | null;
}

export interface ReachBreakdownRow {
  unit: ReachUnit;
  figures: ReachFigures;
}

export interface ReachCourseRow extends CourseReach {
  /** null for a course id that sessions name but the catalog does not have */
  slug: string | null;
  /** the title of the latest published version, else of the draft */
  title: string | null;
}

export enum RankingSubject {
  COMMUNES = 'COMMUNES',
  TEAMS = 'TEAMS',
}

export enum RankingMetric {
  /** completions of residents in the unit per active team member in the period */
  COMPLETIONS_PER_MEMBER = 'COMPLETIONS_PER_MEMBER',
  /** completions per adult of the unit's target */
  COMPLETIONS_PER_ADULT = 'COMPLETIONS_PER_ADULT',
}

export interface RankingRow {
  rank: number;
  unit: ReachUnit;
  completions: number;
  members: number;
  adultPopulation: number | null;
  /** null when the denominator is zero or unknown; such rows rank last */
  value: number | null;
}

export interface ReachRanking {
  period: ReachPeriod;
  course: ReachCourse;
  metric: RankingMetric;
  rows: RankingRow[];
  asOf: Date | null;
}

export function checkPeriod(from: unknown, to: unknown): ReachPeriod {
  const first = parseDay(from);
  const last = parseDay(to);
  if (!first || !last || first > last || daysBetween(first, last) > MAX_PERIOD_DAYS) {
    throw new StatisticsError(StatisticsErrorCode.INVALID_PERIOD, { maxDays: MAX_PERIOD_DAYS });
  }
  return { from: first, to: last };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The course to restrict figures to: null when none was asked for, COURSE_NOT_FOUND for an id
 * that names no course. Any course may be counted, published or not and whoever owns it: the
 * figures stay within the unit the caller may read.
 */
export async function checkCourse(em: EntityManager, courseId: string | null | undefined): Promise<ReachCourse> {
  if (courseId === null || courseId === undefined) return null;
  const notFound = new StatisticsError(StatisticsErrorCode.COURSE_NOT_FOUND, { courseId });
  if (!UUID.test(courseId)) throw notFound;
  const [row] = await em.execute<{ id: string }[]>(`select id from course where id = ?`, [courseId]);
  if (!row) throw notFound;
  return row.id;
}

/**
 * Reach statistics read from the rollups the worker maintains (see ReachRefreshService), so a
 * province dashboard reads per-village-day rows and index-only distinct counts instead of
 * scanning millions of attendance rows. Scope is checked once, on the unit asked for: its
 * breakdown and series lie inside it.
 */
@Injectable()
export class ReachStatisticsService {
  constructor(private readonly em: EntityManager) {}

  /** The unit's figures over the period, for every course or (with `courseId`) one course. */
  async report(
    actor: Actor,
    ref: ReachUnitRef,
    from: unknown,
    to: unknown,
    courseId: string | null = null,
  ): Promise<ReachReport> {
    requireAccount(actor);
    const period = checkPeriod(from, to);
    const unit = await readableUnit(this.em, actor, ref);
    const course = await checkCourse(this.em, courseId);
    const [figures, asOf] = await Promise.all([
      this.queries().figures(unit, unit.kind, period, [unit.key], course),
      this.asOf(),
    ]);
    return { unit, period, course, figures: figures.get(unit.key)!, asOf };
  }

  /** One level down: a province's communes; a commune's villages, then its teams; a team's villages. */
  async breakdown(report: Pick<ReachReport, 'unit' | 'period' | 'course'>): Promise<ReachBreakdownRow[]> {
    const rows: ReachBreakdownRow[] = [];
    for (const level of breakdownLevels(report.unit.kind)) {
      const children = await childUnits(this.em, report.unit, level);
      const figures = await this.queries().figures(
        report.unit,
        level,
        report.period,
        children.map((child) => child.key),
        report.course,
      );
      rows.push(...children.map((child) => ({ unit: child, figures: figures.get(child.key)! })));
    }
    return rows;
  }

  series(report: Pick<ReachReport, 'unit' | 'period' | 'course'>, interval: ReachInterval): Promise<SeriesPoint[]> {
    const starts = buckets(report.period.from, report.period.to, interval);
    return this.queries().series(report.unit, interval, report.period, starts, report.course);
  }

  /**
   * The courses that reached the unit in the period, most people reached first; with a course in
   * the report, that course's row only.
   */
  async courses(report: Pick<ReachReport, 'unit' | 'period' | 'course'>): Promise<ReachCourseRow[]> {
    const figures = (await this.queries().courses(report.unit, report.period)).filter(
      (row) => !report.course || row.courseId === report.course,
    );
    if (figures.length === 0) return [];
    const names = await this.em.execute<{ id: string; slug: string; title: string | null }[]>(
      `select c.id::text as id, c.slug,
              (select v.title from course_version v where v.course_id = c.id
                order by v.status = 'PUBLISHED' desc, v.number desc limit 1) as title
         from course c where c.id = any(?::uuid[])`,
      [pgArray(figures.map((row) => row.courseId))],
    );
    const byId = new Map(names.map((row) => [row.id, row]));
    return figures
      .map((row) => ({
        ...row,
        slug: byId.get(row.courseId)?.slug ?? null,
        title: byId.get(row.courseId)?.title ?? null,
      }))
      .sort(
        (a, b) =>
          b.uniquePeople - a.uniquePeople ||
          b.completions - a.completions ||
          b.livePersonTimes - a.livePersonTimes ||
          a.courseId.localeCompare(b.courseId),
      );
  }

  /** Communes or teams of a province ranked by completions (of every course, or of one) per team member or per adult. */
  async ranking(
    actor: Actor,
    provinceCode: string,
    subject: RankingSubject,
    metric: RankingMetric,
    from: unknown,
    to: unknown,
    courseId: string | null = null,
  ): Promise<ReachRanking> {
    requireAccount(actor);
    const period = checkPeriod(from, to);
    const notFound = new StatisticsError(StatisticsErrorCode.UNIT_NOT_FOUND, { kind: 'PROVINCE', key: provinceCode });
    if (!/^\d{2}$/.test(provinceCode) || !can(actor, Permission.STATISTICS_READ, provinceScope(provinceCode)))
      throw notFound;
    const province = await readableUnit(this.em, actor, { kind: ReachUnitKind.PROVINCE, code: provinceCode });
    const course = await checkCourse(this.em, courseId);
    const level = subject === RankingSubject.COMMUNES ? ReachUnitKind.COMMUNE : ReachUnitKind.TEAM;
    const units = await childUnits(this.em, province, level);
    const keys = units.map((unit) => unit.key);
    const [figures, members, asOf] = await Promise.all([
      this.queries().rankingInputs(province, level, period, keys, course),
      this.members(provinceCode, level, period),
      this.asOf(),
    ]);
    const rows = units.map((unit) => {
      const { completions, adultPopulation } = figures.get(unit.key)!;
      const memberCount = members.get(unit.key) ?? 0;
      const denominator = metric === RankingMetric.COMPLETIONS_PER_MEMBER ? memberCount : adultPopulation;
      return {
        rank: 0,
        unit,
        completions,
        members: memberCount,
        adultPopulation,
        value: denominator ? completions / denominator : null,
      };
    });
    rows.sort(
      (a, b) =>
        (b.value ?? -1) - (a.value ?? -1) || b.completions - a.completions || a.unit.key.localeCompare(b.unit.key),
    );
    rows.forEach((row, index) => (row.rank = index + 1));
    return { period, course, metric, rows, asOf };
  }

  /** Distinct accounts that were members of the unit's teams at some point of the period. */
  private async members(provinceCode: string, level: ReachUnitKind, period: ReachPeriod): Promise<Map<string, number>> {
    const key = level === ReachUnitKind.COMMUNE ? 't.commune_code' : 't.id::text';
    const rows = await this.em.execute<{ key: string; members: number }[]>(
      `select ${key} as key, count(distinct m.account_id)::int as members
         from team_member m join team t on t.id = m.team_id
        where t.province_code = ? and m.joined_on <= ?::date and (m.left_on is null or m.left_on >= ?::date)
        group by 1`,
      [provinceCode, period.to, period.from],
    );
    return new Map(rows.map((row) => [row.key, Number(row.members)]));
  }

  private async asOf(): Promise<Date | null> {
    const [row] = await this.em.execute<{ refreshed_at: Date }[]>(`select refreshed_at from reach_refresh`);
    return row ? new Date(row.refreshed_at) : null;
  }

  private queries(): ReachFigureQueries {
    return new ReachFigureQueries(this.em);
  }
}
