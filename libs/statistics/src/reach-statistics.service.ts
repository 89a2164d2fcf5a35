import { Injectable } from '@nestjs/common';
import { type Actor, can, Permission, provinceScope, requireAccount } from '@hocvuso/access';
import { EntityManager } from '@mikro-orm/postgresql';
import { buckets, daysBetween, parseDay, ReachInterval } from './reach-calendar';
import { type ReachFigures, ReachFigureQueries, type ReachPeriod, type SeriesPoint } from './reach-figures';
import {
  breakdownLevels,
  childUnits,
  readableUnit,
  type ReachUnit,
  ReachUnitKind,
  type ReachUnitRef,
} from './reach-units';
import { StatisticsError, StatisticsErrorCode } from './statistics.errors';

/** A period may span three years: a campaign, not a history. */
export const MAX_PERIOD_DAYS = 1_100;

export interface ReachReport {
  unit: ReachUnit;
  period: ReachPeriod;
  figures: ReachFigures;
  /** when the rollups were last refreshed; null before the first refresh */
  asOf: Date | null;
}

export interface ReachBreakdownRow {
  unit: ReachUnit;
  figures: ReachFigures;
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

/**
 * Reach statistics read from the rollups the worker maintains (see ReachRefreshService), so a
 * province dashboard reads per-village-day rows and index-only distinct counts instead of
 * scanning millions of attendance rows. Scope is checked once, on the unit asked for: its
 * breakdown and series lie inside it.
 */
@Injectable()
export class ReachStatisticsService {
  constructor(private readonly em: EntityManager) {}

  async report(actor: Actor, ref: ReachUnitRef, from: unknown, to: unknown): Promise<ReachReport> {
    requireAccount(actor);
    const period = checkPeriod(from, to);
    const unit = await readableUnit(this.em, actor, ref);
    const [figures, asOf] = await Promise.all([
      this.queries().figures(unit, unit.kind, period, [unit.key]),
      this.asOf(),
    ]);
    return { unit, period, figures: figures.get(unit.key)!, asOf };
  }

  /** One level down: a province's communes; a commune's villages, then its teams; a team's villages. */
  async breakdown(report: Pick<ReachReport, 'unit' | 'period'>): Promise<ReachBreakdownRow[]> {
    const rows: ReachBreakdownRow[] = [];
    for (const level of breakdownLevels(report.unit.kind)) {
      const children = await childUnits(this.em, report.unit, level);
      const figures = await this.queries().figures(
        report.unit,
        level,
        report.period,
        children.map((child) => child.key),
      );
      rows.push(...children.map((child) => ({ unit: child, figures: figures.get(child.key)! })));
    }
    return rows;
  }

  series(report: Pick<ReachReport, 'unit' | 'period'>, interval: ReachInterval): Promise<SeriesPoint[]> {
    const starts = buckets(report.period.from, report.period.to, interval);
    return this.queries().series(report.unit, interval, report.period, starts);
  }

  /** Communes or teams of a province ranked by completions per team member or per adult. */
  async ranking(
    actor: Actor,
    provinceCode: string,
    subject: RankingSubject,
    metric: RankingMetric,
    from: unknown,
    to: unknown,
  ): Promise<ReachRanking> {
    requireAccount(actor);
    const period = checkPeriod(from, to);
    const notFound = new StatisticsError(StatisticsErrorCode.UNIT_NOT_FOUND, { kind: 'PROVINCE', key: provinceCode });
    if (!/^\d{2}$/.test(provinceCode) || !can(actor, Permission.STATISTICS_READ, provinceScope(provinceCode)))
      throw notFound;
    const province = await readableUnit(this.em, actor, { kind: ReachUnitKind.PROVINCE, code: provinceCode });
    const level = subject === RankingSubject.COMMUNES ? ReachUnitKind.COMMUNE : ReachUnitKind.TEAM;
    const units = await childUnits(this.em, province, level);
    const keys = units.map((unit) => unit.key);
    const [figures, members, asOf] = await Promise.all([
      this.queries().figures(province, level, period, keys),
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
    return { period, metric, rows, asOf };
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
