import { Injectable, Logger } from '@nestjs/common';
import { type AccountActor, type Actor, can, Permission, requireAccount, villageScope } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { GeographyError, GeographyErrorCode } from '@hocvuso/geography';
import { EntityManager } from '@mikro-orm/postgresql';
import type { SupportPlace, SupportTask } from '../entities';
import { requireTeamAccess, TeamAccess, teamAccess, teamScope } from '../youth-access';
import {
  communeNotFound,
  findCommune,
  findVillages,
  isUuid,
  pageKey,
  placeholders,
  scopeOfCommune,
  toDate,
  type VillageRow,
} from '../youth-records';
import { requireDay, vietnamToday } from '../youth-rules';
import { YouthError, YouthErrorCode, youthErrorMessages } from '../youth.errors';
import {
  type CheckedVisit,
  checkVisit,
  SYNC_MAX_VISITS,
  type SupportVisitInput,
  visitContentHash,
} from './support-visit-rules';

export enum VisitSyncStatus {
  /** stored by this call */
  CREATED = 'CREATED',
  /** already stored with the same content (a retry): nothing changed */
  UNCHANGED = 'UNCHANGED',
  /** the id is taken by a different visit: this row was refused, the stored one kept */
  CONFLICT = 'CONFLICT',
  /** the row breaks a rule (`code`, `message`); nothing stored */
  INVALID = 'INVALID',
}

export interface SupportVisitView {
  id: string;
  volunteerAccountId: string;
  teamId: string | null;
  residentId: string | null;
  provinceCode: string;
  communeCode: string;
  villageId: string;
  task: SupportTask;
  note: string | null;
  place: SupportPlace;
  venueId: string | null;
  occurredAt: Date;
  minutes: number;
  syncedAt: Date;
}

export interface VisitSyncResult {
  id: string;
  status: VisitSyncStatus;
  code: YouthErrorCode | null;
  message: string | null;
  /** the stored visit, for CREATED and UNCHANGED */
  visit: SupportVisitView | null;
}

/** Exactly one of villageId, teamId, communeCode; days are Vietnam calendar days, inclusive. */
export interface VisitFilter {
  villageId?: string | null;
  teamId?: string | null;
  communeCode?: string | null;
  from?: string | null;
  to?: string | null;
}

interface VisitRow {
  id: string;
  volunteer_account_id: string;
  team_id: string | null;
  resident_id: string | null;
  province_code: string;
  commune_code: string;
  village_id: string;
  task: SupportTask;
  note: string | null;
  place: SupportPlace;
  venue_id: string | null;
  occurred_at: Date | string;
  minutes: number;
  content_hash: string;
  synced_at: Date | string;
}

const VISIT_COLUMNS = `s.id, s.volunteer_account_id, s.team_id, s.resident_id, s.province_code, s.commune_code, s.village_id,
  s.task, s.note, s.place, s.venue_id, s.occurred_at, s.minutes, s.content_hash, s.synced_at`;

function toView(row: VisitRow): SupportVisitView {
  return {
    id: row.id,
    volunteerAccountId: row.volunteer_account_id,
    teamId: row.team_id,
    residentId: row.resident_id,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    villageId: row.village_id,
    task: row.task,
    note: row.note,
    place: row.place,
    venueId: row.venue_id,
    occurredAt: toDate(row.occurred_at),
    minutes: row.minutes,
    syncedAt: toDate(row.synced_at),
  };
}

/** A row ready to insert: checked, hashed, placed and with its team. */
interface PlannedVisit {
  visit: CheckedVisit;
  hash: string;
  village: VillageRow;
  teamId: string | null;
}

/** What the database says about the villages, residents and venues of one batch. */
interface BatchFacts {
  villages: Map<string, VillageRow>;
  /** village id → the caller's teams (led or joined) covering it, by team id */
  coveringTeams: Map<string, string[]>;
  /** the caller's volunteer assignments: commune and inclusive days */
  assignments: { commune_code: string; starts_on: string; ends_on: string }[];
  residents: Map<string, { village_id: string; consented: boolean }>;
  venueCommunes: Map<string, string>;
}

const vietnamDay = (instant: Date): string => vietnamToday(instant);

/**
 * Support visits (lượt hỗ trợ), captured offline and synced in batches. Every row stands alone:
 * one bad row is refused with its reason and the others are stored. Ids come from the phone;
 * `insert … on conflict (id) do nothing` plus a content hash makes a re-sent or concurrent batch
 * store nothing twice, and tells a retry (UNCHANGED) from a reused id (CONFLICT).
 */
@Injectable()
export class SupportVisitsService {
  private readonly logger = new Logger(SupportVisitsService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
  ) {}

  async sync(
    actor: Actor,
    inputs: readonly SupportVisitInput[],
    requestId?: string | null,
  ): Promise<VisitSyncResult[]> {
    const account = requireAccount(actor);
    if (inputs.length > SYNC_MAX_VISITS) {
      throw new YouthError(YouthErrorCode.SYNC_BATCH_TOO_LARGE, { max: SYNC_MAX_VISITS, got: inputs.length });
    }
    const now = new Date();
    const results: (VisitSyncResult | null)[] = inputs.map(() => null);
    const checked = new Map<number, { visit: CheckedVisit; hash: string }>();
    const firstIndexOfId = new Map<string, number>();
    inputs.forEach((input, index) => {
      const check = checkVisit(input, now);
      if (!check.ok) {
        results[index] = refused(String(input.id ?? ''), VisitSyncStatus.INVALID, check.code);
        return;
      }
      const hash = visitContentHash(check.visit, account.accountId);
      const earlier = firstIndexOfId.get(check.visit.id);
      // The same id twice in one batch: a copy is answered like the first, anything else conflicts.
      if (earlier !== undefined) {
        if (checked.get(earlier)?.hash !== hash)
          results[index] = refused(check.visit.id, VisitSyncStatus.CONFLICT, YouthErrorCode.VISIT_ID_CONFLICT);
        return;
      }
      firstIndexOfId.set(check.visit.id, index);
      checked.set(index, { visit: check.visit, hash });
    });

    const stored = await this.storedVisits([...checked.values()].map(({ visit }) => visit.id));
    const fresh: [number, { visit: CheckedVisit; hash: string }][] = [];
    for (const [index, row] of checked) {
      const existing = stored.get(row.visit.id);
      if (existing) results[index] = settled(existing, row.hash);
      else fresh.push([index, row]);
    }

    const facts = await this.batchFacts(
      account,
      fresh.map(([, row]) => row.visit),
    );
    const planned: [number, PlannedVisit][] = [];
    for (const [index, row] of fresh) {
      const placed = this.place(account, row.visit, facts);
      if ('code' in placed) results[index] = refused(row.visit.id, VisitSyncStatus.INVALID, placed.code);
      else planned.push([index, { ...row, ...placed }]);
    }

    const created = await this.insert(
      account,
      planned.map(([, plan]) => plan),
      requestId,
    );
    const lostRaces = planned.filter(([, plan]) => !created.has(plan.visit.id));
    const winners = await this.storedVisits(lostRaces.map(([, plan]) => plan.visit.id));
    for (const [index, plan] of planned) {
      const mine = created.get(plan.visit.id);
      results[index] = mine
        ? { id: mine.id, status: VisitSyncStatus.CREATED, code: null, message: null, visit: toView(mine) }
        : settled(winners.get(plan.visit.id)!, plan.hash);
    }
    // Copies of an earlier row of the batch share its outcome.
    inputs.forEach((input, index) => {
      if (results[index] !== null) return;
      const first = results[firstIndexOfId.get(String(input.id).toLowerCase())!]!;
      results[index] =
        first.status === VisitSyncStatus.CREATED ? { ...first, status: VisitSyncStatus.UNCHANGED } : first;
    });
    return results as VisitSyncResult[];
  }

  /**
   * Visits of a village, team or commune, newest first, over an optional range of days. Needs
   * SUPPORT_VISITS_READ on the place (a team's leader reads the team's); out of scope answers
   * as missing.
   */
  async listVisits(actor: Actor, filter: VisitFilter, page: PageArgs): Promise<Page<SupportVisitView>> {
    const account = requireAccount(actor);
    const after = pageKey(page, 2);
    const given = [filter.villageId, filter.teamId, filter.communeCode].filter((value) => value != null);
    if (given.length !== 1) throw new YouthError(YouthErrorCode.INVALID_VISIT_FILTER);
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.villageId != null) {
      const village = (await findVillages(this.em, [filter.villageId])).get(filter.villageId);
      if (
        !village ||
        !can(
          account,
          Permission.SUPPORT_VISITS_READ,
          villageScope(village.id, village.commune_code, village.province_code),
        )
      ) {
        throw new GeographyError(GeographyErrorCode.VILLAGE_NOT_FOUND, { id: filter.villageId });
      }
      conditions.push('s.village_id = ?');
      params.push(village.id);
    } else if (filter.communeCode != null) {
      const commune = await findCommune(this.em, filter.communeCode);
      if (!commune || !can(account, Permission.SUPPORT_VISITS_READ, scopeOfCommune(commune))) {
        throw communeNotFound(filter.communeCode);
      }
      conditions.push('s.commune_code = ?');
      params.push(commune.code);
    } else {
      await this.requireTeamVisitsReadable(account, filter.teamId!);
      conditions.push('s.team_id = ?');
      params.push(filter.teamId);
    }
    this.addDayRange(filter, conditions, params);
    return this.pageOfVisits(conditions.join(' and '), params, after, page.first);
  }

  /** The caller's own visits, newest first. */
  async myVisits(
    actor: Actor,
    range: { from?: string | null; to?: string | null },
    page: PageArgs,
  ): Promise<Page<SupportVisitView>> {
    const account = requireAccount(actor);
    const after = pageKey(page, 2);
    const conditions = ['s.volunteer_account_id = ?'];
    const params: unknown[] = [account.accountId];
    this.addDayRange(range, conditions, params);
    return this.pageOfVisits(conditions.join(' and '), params, after, page.first);
  }

  private addDayRange(
    range: { from?: string | null; to?: string | null },
    conditions: string[],
    params: unknown[],
  ): void {
    const from = range.from == null ? null : requireDay(range.from, 'from');
    const to = range.to == null ? null : requireDay(range.to, 'to');
    if (from !== null && to !== null && from > to) throw new YouthError(YouthErrorCode.INVALID_VISIT_FILTER);
    // Days are Vietnam's (UTC+7): a visit at 06:30 on the 15th local time is on the 15th.
    if (from !== null) {
      conditions.push(`s.occurred_at >= (?::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
      params.push(from);
    }
    if (to !== null) {
      conditions.push(`s.occurred_at < (?::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
      params.push(to);
    }
  }

  private async pageOfVisits(
    where: string,
    params: unknown[],
    after: string[] | null,
    first: number,
  ): Promise<Page<SupportVisitView>> {
    const keyset = after ? ' and (s.occurred_at, s.id) < (?::timestamptz, ?::uuid)' : '';
    const [rows, [{ n }]] = await Promise.all([
      // occurred_at as text keeps its microseconds for the cursor.
      this.em.execute<(VisitRow & { occurred_key: string })[]>(
        `select ${VISIT_COLUMNS}, s.occurred_at::text as occurred_key from support_visit s
          where ${where}${keyset} order by s.occurred_at desc, s.id desc limit ?`,
        [...params, ...(after ?? []), first + 1],
      ),
      this.em.execute<{ n: number }[]>(`select count(*)::int as n from support_visit s where ${where}`, params),
    ]);
    const result = toPage(rows, first, n, (row) => [row.occurred_key, row.id]);
    return { ...result, items: result.items.map(toView) };
  }

  private async requireTeamVisitsReadable(account: AccountActor, teamId: string): Promise<void> {
    const [team] = isUuid(teamId)
      ? await this.em.execute<
          {
            id: string;
            province_code: string;
            commune_code: string;
            leader_account_id: string | null;
            is_member: boolean;
          }[]
        >(
          `select t.id, t.province_code, t.commune_code, t.leader_account_id,
                  exists (select 1 from team_member m where m.team_id = t.id and m.account_id = ? and m.left_on is null) as is_member
             from team t where t.id = ?`,
          [account.accountId, teamId],
        )
      : [];
    const access = team ? teamAccess(account, team, team.is_member) : TeamAccess.NONE;
    const readsVisits = team ? can(account, Permission.SUPPORT_VISITS_READ, teamScope(team)) : false;
    requireTeamAccess(access, readsVisits ? TeamAccess.READ : TeamAccess.MEMBERS, teamId);
  }

  private async storedVisits(ids: readonly string[]): Promise<Map<string, VisitRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.em.execute<VisitRow[]>(
      `select ${VISIT_COLUMNS} from support_visit s where s.id in (${placeholders(ids.length)})`,
      [...ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async batchFacts(account: AccountActor, visits: readonly CheckedVisit[]): Promise<BatchFacts> {
    const villageIds = [...new Set(visits.map((visit) => visit.villageId))];
    const residentIds = [...new Set(visits.flatMap((visit) => (visit.residentId ? [visit.residentId] : [])))];
    const venueIds = [...new Set(visits.flatMap((visit) => (visit.venueId ? [visit.venueId] : [])))];
    const facts: BatchFacts = {
      villages: await findVillages(this.em, villageIds),
      coveringTeams: new Map(),
      assignments: [],
      residents: new Map(),
      venueCommunes: new Map(),
    };
    if (villageIds.length > 0) {
      const covering = await this.em.execute<{ village_id: string; team_id: string }[]>(
        `select tv.village_id, t.id as team_id from team_village tv join team t on t.id = tv.team_id
          where tv.village_id in (${placeholders(villageIds.length)})
            and (t.leader_account_id = ? or exists (select 1 from team_member m where m.team_id = t.id and m.account_id = ? and m.left_on is null))
          order by t.id`,
        [...villageIds, account.accountId, account.accountId],
      );
      for (const row of covering)
        facts.coveringTeams.set(row.village_id, [...(facts.coveringTeams.get(row.village_id) ?? []), row.team_id]);
      facts.assignments = await this.em.execute<BatchFacts['assignments']>(
        `select commune_code, starts_on::text as starts_on, ends_on::text as ends_on from volunteer_assignment where account_id = ?`,
        [account.accountId],
      );
    }
    if (residentIds.length > 0) {
      const rows = await this.em.execute<{ id: string; village_id: string; consented: boolean }[]>(
        `select r.id, r.village_id, exists (select 1 from consent c where c.resident_id = r.id
                  and c.purpose = 'SUPPORT_VISITS' and c.withdrawn_at is null) as consented
           from resident r where r.id in (${placeholders(residentIds.length)}) and r.erased_at is null`,
        residentIds,
      );
      facts.residents = new Map(rows.map((row) => [row.id, row]));
    }
    if (venueIds.length > 0) {
      const rows = await this.em.execute<{ id: string; commune_code: string }[]>(
        `select e.id, v.commune_code from venue e join village v on v.id = e.village_id where e.id in (${placeholders(venueIds.length)})`,
        venueIds,
      );
      facts.venueCommunes = new Map(rows.map((row) => [row.id, row.commune_code]));
    }
    return facts;
  }

  /**
   * Where a new visit belongs, or why it cannot be stored. A volunteer records in villages their
   * teams cover, in the commune they are assigned to on the visit's day, or inside their grants;
   * a named resident must live in the village and have an open SUPPORT_VISITS consent.
   */
  private place(
    account: AccountActor,
    visit: CheckedVisit,
    facts: BatchFacts,
  ): { village: VillageRow; teamId: string | null } | { code: YouthErrorCode } {
    const village = facts.villages.get(visit.villageId);
    if (!village) return { code: YouthErrorCode.VISIT_VILLAGE_NOT_FOUND };
    const teams = facts.coveringTeams.get(village.id) ?? [];
    const day = vietnamDay(visit.occurredAt);
    const assigned = facts.assignments.some(
      (assignment) =>
        assignment.commune_code === village.commune_code && assignment.starts_on <= day && day <= assignment.ends_on,
    );
    const granted = can(
      account,
      Permission.SUPPORT_VISITS_RECORD,
      villageScope(village.id, village.commune_code, village.province_code),
    );
    if (teams.length === 0 && !assigned && !granted) return { code: YouthErrorCode.VISIT_VILLAGE_NOT_FOUND };
    if (visit.venueId !== null && facts.venueCommunes.get(visit.venueId) !== village.commune_code) {
      return { code: YouthErrorCode.VISIT_VENUE_NOT_FOUND };
    }
    if (visit.residentId !== null) {
      const resident = facts.residents.get(visit.residentId);
      if (!resident || resident.village_id !== village.id) return { code: YouthErrorCode.VISIT_RESIDENT_NOT_FOUND };
      if (!resident.consented) return { code: YouthErrorCode.SUPPORT_CONSENT_REQUIRED };
    }
    return { village, teamId: teams[0] ?? null };
  }

  /** One multi-row insert and one audit line; returns the rows this call stored, by id. */
  private async insert(
    account: AccountActor,
    plans: readonly PlannedVisit[],
    requestId: string | null | undefined,
  ): Promise<Map<string, VisitRow>> {
    if (plans.length === 0) return new Map();
    const rows = await this.em.transactional(async (em) => {
      const inserted = await em.execute<VisitRow[]>(
        `insert into support_visit as s (id, volunteer_account_id, team_id, resident_id, province_code, commune_code, village_id,
           task, note, place, venue_id, occurred_at, minutes, content_hash)
         values ${plans.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         on conflict (id) do nothing returning ${VISIT_COLUMNS}`,
        plans.flatMap(({ visit, hash, village, teamId }) => [
          visit.id,
          account.accountId,
          teamId,
          visit.residentId,
          village.province_code,
          village.commune_code,
          village.id,
          visit.task,
          visit.note,
          visit.place,
          visit.venueId,
          visit.occurredAt,
          visit.minutes,
          hash,
        ]),
      );
      if (inserted.length > 0) {
        await this.audit.record(em, {
          action: AuditAction.SUPPORT_VISITS_SYNCED,
          actorAccountId: account.accountId,
          targetType: 'support_visit',
          requestId,
          details: { created: inserted.length, visitIds: inserted.map((row) => row.id) },
        });
      }
      return inserted;
    });
    if (rows.length > 0)
      this.logger.log({ accountId: account.accountId, created: rows.length }, 'support visits synced');
    return new Map(rows.map((row) => [row.id, row]));
  }
}

function refused(id: string, status: VisitSyncStatus, code: YouthErrorCode): VisitSyncResult {
  return { id, status, code, message: youthErrorMessages[code], visit: null };
}

/** An id already stored: the same content is a retry, anything else a reused id. */
function settled(stored: VisitRow, hash: string): VisitSyncResult {
  return stored.content_hash === hash
    ? { id: stored.id, status: VisitSyncStatus.UNCHANGED, code: null, message: null, visit: toView(stored) }
    : refused(stored.id, VisitSyncStatus.CONFLICT, YouthErrorCode.VISIT_ID_CONFLICT);
}
