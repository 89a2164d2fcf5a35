import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type AccountActor, type Actor, can, Permission, requireAccount } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { foldVietnamese } from '@hocvuso/geography';
import { EntityManager } from '@mikro-orm/postgresql';
import { requireTeamAccess, TeamAccess, teamAccess, teamGrantIds } from './youth-access';
import {
  communeNotFound,
  findCommune,
  findVillages,
  isUuid,
  pageKey,
  placeholders,
  scopeOfCommune,
  toDate,
} from './youth-records';
import { checkTeamName, requireDay, vietnamToday } from './youth-rules';
import { ensureCommuneUnion } from './youth-units.service';
import { YouthError, YouthErrorCode } from './youth.errors';

export interface TeamView {
  id: string;
  youthUnitId: string;
  provinceCode: string;
  communeCode: string;
  name: string;
  leaderAccountId: string | null;
  createdAt: Date;
}

export interface TeamMemberView {
  teamId: string;
  accountId: string;
  displayName: string;
  /** "YYYY-MM-DD" */
  joinedOn: string;
  leftOn: string | null;
}

export interface CreateTeamInput {
  communeCode: string;
  name: string;
  leaderAccountId?: string | null;
  villageIds?: readonly string[] | null;
}

export interface TeamMembershipInput {
  teamId: string;
  accountId: string;
  /** "YYYY-MM-DD"; today (Vietnam time) when not given */
  on?: string | null;
}

interface TeamRow {
  id: string;
  youth_unit_id: string;
  province_code: string;
  commune_code: string;
  name: string;
  name_key: string;
  leader_account_id: string | null;
  created_at: Date | string;
}

const TEAM_COLUMNS = `t.id, t.youth_unit_id, t.province_code, t.commune_code, t.name, t.name_key, t.leader_account_id, t.created_at`;

function toView(row: TeamRow): TeamView {
  return {
    id: row.id,
    youthUnitId: row.youth_unit_id,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    name: row.name,
    leaderAccountId: row.leader_account_id,
    createdAt: toDate(row.created_at),
  };
}

/**
 * Volunteer teams (đội hình thanh niên xung kích) under a commune union. Youth union leaders of
 * the scope create teams and name leaders; a team's leader manages its members and villages;
 * members see their own team. A team the caller cannot see is TEAM_NOT_FOUND, like a missing one.
 */
@Injectable()
export class TeamsService {
  private readonly logger = new Logger(TeamsService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
  ) {}

  /** Creates the team (and the commune union when missing); the leader becomes its first member. */
  async createTeam(actor: Actor, input: CreateTeamInput, requestId?: string | null): Promise<TeamView> {
    const account = requireAccount(actor);
    const name = checkTeamName(input.name);
    const commune = await findCommune(this.em, input.communeCode);
    if (!commune || !can(account, Permission.TEAMS_MANAGE, scopeOfCommune(commune))) {
      throw communeNotFound(input.communeCode);
    }
    const leaderId = input.leaderAccountId ?? null;
    if (leaderId !== null) await this.requireAccountExists(leaderId);
    const villageIds = await this.villagesOfCommune(input.villageIds ?? [], commune.code);
    const team = await this.em.transactional(async (em) => {
      const union = await ensureCommuneUnion(em, commune, account.accountId);
      const [created] = await em.execute<TeamRow[]>(
        `insert into team as t (id, youth_unit_id, province_code, commune_code, name, name_key, leader_account_id, created_by)
         values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (commune_code, name_key) do nothing returning ${TEAM_COLUMNS}`,
        [
          randomUUID(),
          union.id,
          commune.province_code,
          commune.code,
          name,
          foldVietnamese(name),
          leaderId,
          account.accountId,
        ],
      );
      if (!created) throw new YouthError(YouthErrorCode.TEAM_NAME_TAKEN, { communeCode: commune.code });
      if (leaderId !== null) await this.insertMember(em, created.id, leaderId, vietnamToday(new Date()), account);
      await this.insertVillages(em, created.id, villageIds, account);
      await this.audit.record(em, {
        action: AuditAction.TEAM_CREATED,
        actorAccountId: account.accountId,
        targetType: 'team',
        targetId: created.id,
        requestId,
        details: { communeCode: commune.code, leaderAccountId: leaderId, villageIds },
      });
      return created;
    });
    this.logger.log({ teamId: team.id, communeCode: commune.code }, 'team created');
    return toView(team);
  }

  /** Names (or clears) the leader; a new leader also becomes a member. Youth union leaders only. */
  async setTeamLeader(
    actor: Actor,
    teamId: string,
    leaderAccountId: string | null,
    requestId?: string | null,
  ): Promise<TeamView> {
    const account = requireAccount(actor);
    const team = await this.authorizedTeam(account, teamId, TeamAccess.MANAGE);
    if (leaderAccountId !== null) await this.requireAccountExists(leaderAccountId);
    if (team.leader_account_id === leaderAccountId) return toView(team);
    return this.em.transactional(async (em) => {
      const [updated] = await em.execute<TeamRow[]>(
        `update team t set leader_account_id = ?, updated_at = now() where t.id = ? returning ${TEAM_COLUMNS}`,
        [leaderAccountId, team.id],
      );
      if (leaderAccountId !== null) {
        await this.insertMember(em, team.id, leaderAccountId, vietnamToday(new Date()), account);
      }
      await this.recordChange(em, account, team.id, requestId, { change: 'LEADER_SET', leaderAccountId });
      return toView(updated);
    });
  }

  /** Idempotent: an active member is returned as they are. */
  async addMember(actor: Actor, input: TeamMembershipInput, requestId?: string | null): Promise<TeamMemberView> {
    const account = requireAccount(actor);
    const team = await this.authorizedTeam(account, input.teamId, TeamAccess.MEMBERS);
    const joinedOn = input.on == null ? vietnamToday(new Date()) : requireDay(input.on, 'joinedOn');
    await this.requireAccountExists(input.accountId);
    await this.em.transactional(async (em) => {
      if (await this.insertMember(em, team.id, input.accountId, joinedOn, account)) {
        await this.recordChange(em, account, team.id, requestId, {
          change: 'MEMBER_ADDED',
          accountId: input.accountId,
        });
      }
    });
    return (await this.membership(team.id, input.accountId))!;
  }

  /** Ends an active membership on `on` (the row stays, for per-member figures); idempotent. */
  async removeMember(actor: Actor, input: TeamMembershipInput, requestId?: string | null): Promise<TeamMemberView> {
    const account = requireAccount(actor);
    const team = await this.authorizedTeam(account, input.teamId, TeamAccess.MEMBERS);
    const leftOn = input.on == null ? vietnamToday(new Date()) : requireDay(input.on, 'leftOn');
    const current = isUuid(input.accountId) ? await this.membership(team.id, input.accountId) : null;
    if (!current) throw new YouthError(YouthErrorCode.ACCOUNT_NOT_FOUND, { id: input.accountId });
    if (current.leftOn !== null) return current;
    if (leftOn < current.joinedOn) throw new YouthError(YouthErrorCode.INVALID_PERIOD, { joinedOn: current.joinedOn });
    await this.em.transactional(async (em) => {
      await em.execute(
        `update team_member set left_on = ? where team_id = ? and account_id = ? and left_on is null`,
        [leftOn, team.id, input.accountId],
        'run',
      );
      await this.recordChange(em, account, team.id, requestId, { change: 'MEMBER_LEFT', accountId: input.accountId });
    });
    return (await this.membership(team.id, input.accountId))!;
  }

  /** Replaces the villages the team covers; every one must be in the team's commune. */
  async setVillages(
    actor: Actor,
    teamId: string,
    villageIds: readonly string[],
    requestId?: string | null,
  ): Promise<TeamView> {
    const account = requireAccount(actor);
    const team = await this.authorizedTeam(account, teamId, TeamAccess.MEMBERS);
    const wanted = await this.villagesOfCommune(villageIds, team.commune_code);
    await this.em.transactional(async (em) => {
      await em.execute(
        `delete from team_village where team_id = ?${wanted.length ? ` and village_id not in (${placeholders(wanted.length)})` : ''}`,
        [team.id, ...wanted],
        'run',
      );
      await this.insertVillages(em, team.id, wanted, account);
      await this.recordChange(em, account, team.id, requestId, { change: 'VILLAGES_SET', villageIds: wanted });
    });
    return toView(team);
  }

  async getTeam(actor: Actor, teamId: string): Promise<TeamView> {
    return toView(await this.authorizedTeam(requireAccount(actor), teamId, TeamAccess.READ));
  }

  /**
   * Teams of a commune in name order. Officials and leaders of the commune see them all; others
   * see the teams they lead, belong to or hold a grant on. Nothing to see is COMMUNE_NOT_FOUND.
   */
  async listTeams(actor: Actor, communeCode: string, page: PageArgs): Promise<Page<TeamView>> {
    const account = requireAccount(actor);
    const after = pageKey(page, 2);
    const commune = await findCommune(this.em, communeCode);
    if (!commune) throw communeNotFound(communeCode);
    const everything = can(account, Permission.TEAMS_READ, scopeOfCommune(commune));
    const own = this.ownTeamsCondition(account);
    const where = `t.commune_code = ?${everything ? '' : ` and ${own.sql}`}`;
    const result = await this.pageOfTeams(where, [commune.code, ...(everything ? [] : own.params)], after, page.first);
    if (!everything && result.totalCount === 0) throw communeNotFound(communeCode);
    return result;
  }

  /** The teams the caller leads or is an active member of, in name order. */
  async myTeams(actor: Actor, page: PageArgs): Promise<Page<TeamView>> {
    const account = requireAccount(actor);
    const after = pageKey(page, 2);
    const own = this.ownTeamsCondition(account, false);
    return this.pageOfTeams(own.sql, own.params, after, page.first);
  }

  /** Active members of teams the caller has already been allowed to see (batched nested field). */
  async membersOfTeams(teamIds: readonly string[]): Promise<TeamMemberView[][]> {
    const ids = [...new Set(teamIds.filter(isUuid))];
    if (ids.length === 0) return teamIds.map(() => []);
    const rows = await this.em.execute<MemberRow[]>(
      `${MEMBER_SELECT} where m.team_id in (${placeholders(ids.length)}) and m.left_on is null
        order by a.display_name, m.account_id`,
      ids,
    );
    return teamIds.map((id) => rows.filter((row) => row.team_id === id).map(toMemberView));
  }

  /** Village ids the teams cover (batched nested field). */
  async villageIdsOfTeams(teamIds: readonly string[]): Promise<string[][]> {
    const ids = [...new Set(teamIds.filter(isUuid))];
    if (ids.length === 0) return teamIds.map(() => []);
    const rows = await this.em.execute<{ team_id: string; village_id: string }[]>(
      `select tv.team_id, tv.village_id from team_village tv join village v on v.id = tv.village_id
        where tv.team_id in (${placeholders(ids.length)}) order by v.search_text, v.id`,
      ids,
    );
    return teamIds.map((id) => rows.filter((row) => row.team_id === id).map((row) => row.village_id));
  }

  private async pageOfTeams(
    where: string,
    params: unknown[],
    after: string[] | null,
    first: number,
  ): Promise<Page<TeamView>> {
    const keyset = after ? ' and (t.name_key, t.id) > (?, ?::uuid)' : '';
    const [rows, [{ n }]] = await Promise.all([
      this.em.execute<TeamRow[]>(
        `select ${TEAM_COLUMNS} from team t where ${where}${keyset} order by t.name_key, t.id limit ?`,
        [...params, ...(after ?? []), first + 1],
      ),
      this.em.execute<{ n: number }[]>(`select count(*)::int as n from team t where ${where}`, params),
    ]);
    const result = toPage(rows, first, n, (row) => [row.name_key, row.id]);
    return { ...result, items: result.items.map(toView) };
  }

  /** Teams the actor leads, is an active member of, or (with grants) holds TEAMS_READ on by id. */
  private ownTeamsCondition(account: AccountActor, withGrants = true): { sql: string; params: unknown[] } {
    const granted = withGrants ? teamGrantIds(account, Permission.TEAMS_READ).filter(isUuid) : [];
    const parts = [
      't.leader_account_id = ?',
      'exists (select 1 from team_member m where m.team_id = t.id and m.account_id = ? and m.left_on is null)',
      ...(granted.length ? [`t.id in (${placeholders(granted.length)})`] : []),
    ];
    return { sql: `(${parts.join(' or ')})`, params: [account.accountId, account.accountId, ...granted] };
  }

  private async authorizedTeam(account: AccountActor, teamId: string, needed: TeamAccess): Promise<TeamRow> {
    const [row] = isUuid(teamId)
      ? await this.em.execute<(TeamRow & { is_member: boolean })[]>(
          `select ${TEAM_COLUMNS}, exists (select 1 from team_member m where m.team_id = t.id and m.account_id = ? and m.left_on is null) as is_member
             from team t where t.id = ?`,
          [account.accountId, teamId],
        )
      : [];
    requireTeamAccess(row ? teamAccess(account, row, row.is_member) : TeamAccess.NONE, needed, teamId);
    return row;
  }

  private async membership(teamId: string, accountId: string): Promise<TeamMemberView | null> {
    const [row] = await this.em.execute<MemberRow[]>(
      `${MEMBER_SELECT} where m.team_id = ? and m.account_id = ? order by m.left_on is null desc, m.left_on desc limit 1`,
      [teamId, accountId],
    );
    return row ? toMemberView(row) : null;
  }

  private async requireAccountExists(accountId: string): Promise<void> {
    const [row] = isUuid(accountId) ? await this.em.execute(`select 1 from account where id = ?`, [accountId]) : [];
    if (!row) throw new YouthError(YouthErrorCode.ACCOUNT_NOT_FOUND, { id: accountId });
  }

  /** The distinct ids, all villages of `communeCode`; VILLAGE_NOT_IN_COMMUNE names the first that is not. */
  private async villagesOfCommune(villageIds: readonly string[], communeCode: string): Promise<string[]> {
    const wanted = [...new Set(villageIds)];
    const villages = await findVillages(this.em, wanted);
    const stranger = wanted.find((id) => villages.get(id)?.commune_code !== communeCode);
    if (stranger !== undefined) throw new YouthError(YouthErrorCode.VILLAGE_NOT_IN_COMMUNE, { villageId: stranger });
    return wanted;
  }

  /** True when a membership row was added (false: already an active member). */
  private async insertMember(
    em: EntityManager,
    teamId: string,
    accountId: string,
    joinedOn: string,
    by: AccountActor,
  ): Promise<boolean> {
    const inserted = await em.execute<{ id: string }[]>(
      `insert into team_member (id, team_id, account_id, joined_on, added_by) values (?, ?, ?, ?, ?)
       on conflict (team_id, account_id) where left_on is null do nothing returning id`,
      [randomUUID(), teamId, accountId, joinedOn, by.accountId],
    );
    return inserted.length > 0;
  }

  private async insertVillages(
    em: EntityManager,
    teamId: string,
    villageIds: readonly string[],
    by: AccountActor,
  ): Promise<void> {
    if (villageIds.length === 0) return;
    await em.execute(
      `insert into team_village (team_id, village_id, added_by) values ${villageIds.map(() => '(?, ?, ?)').join(', ')}
       on conflict (team_id, village_id) do nothing`,
      villageIds.flatMap((id) => [teamId, id, by.accountId]),
      'run',
    );
  }

  private recordChange(
    em: EntityManager,
    account: AccountActor,
    teamId: string,
    requestId: string | null | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(em, {
      action: AuditAction.TEAM_CHANGED,
      actorAccountId: account.accountId,
      targetType: 'team',
      targetId: teamId,
      requestId,
      details,
    });
  }
}

interface MemberRow {
  team_id: string;
  account_id: string;
  display_name: string;
  joined_on: string;
  left_on: string | null;
}

const MEMBER_SELECT = `select m.team_id, m.account_id, a.display_name, m.joined_on::text as joined_on, m.left_on::text as left_on
  from team_member m join account a on a.id = m.account_id`;

function toMemberView(row: MemberRow): TeamMemberView {
  return {
    teamId: row.team_id,
    accountId: row.account_id,
    displayName: row.display_name,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
  };
}
