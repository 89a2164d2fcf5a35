import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Actor, can, Permission, requireAccount } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { EntityManager } from '@mikro-orm/postgresql';
import { communeNotFound, findCommune, isUuid, pageKey, scopeOfCommune } from './youth-records';
import { checkPeriod, checkUniversity, requireDay } from './youth-rules';
import { YouthError, YouthErrorCode } from './youth.errors';

export interface VolunteerAssignmentView {
  id: string;
  accountId: string;
  displayName: string;
  communeCode: string;
  university: string;
  startsOn: string;
  endsOn: string;
}

export interface AssignVolunteerInput {
  accountId: string;
  communeCode: string;
  university: string;
  startsOn: string;
  endsOn: string;
}

interface AssignmentRow {
  id: string;
  account_id: string;
  display_name: string;
  commune_code: string;
  university: string;
  starts_on: string;
  ends_on: string;
}

const ASSIGNMENT_SELECT = `select s.id, s.account_id, a.display_name, s.commune_code, s.university,
  s.starts_on::text as starts_on, s.ends_on::text as ends_on from volunteer_assignment s join account a on a.id = s.account_id`;

const toView = (row: AssignmentRow): VolunteerAssignmentView => ({
  id: row.id,
  accountId: row.account_id,
  displayName: row.display_name,
  communeCode: row.commune_code,
  university: row.university,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
});

/**
 * Volunteer IT students sent to a commune for a period, with their university. While assigned,
 * a student may record support visits anywhere in the commune (they work at its public service
 * centre), without a grant.
 */
@Injectable()
export class VolunteersService {
  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
  ) {}

  /**
   * Assigns (or, for the same student, commune and start day, corrects) an assignment. Needs
   * TEAMS_MANAGE on the commune; a retry returns the same assignment.
   */
  async assign(actor: Actor, input: AssignVolunteerInput, requestId?: string | null): Promise<VolunteerAssignmentView> {
    const account = requireAccount(actor);
    const commune = await findCommune(this.em, input.communeCode);
    if (!commune || !can(account, Permission.TEAMS_MANAGE, scopeOfCommune(commune))) {
      throw communeNotFound(input.communeCode);
    }
    const university = checkUniversity(input.university);
    const { startsOn, endsOn } = checkPeriod(input.startsOn, input.endsOn);
    const [student] = isUuid(input.accountId)
      ? await this.em.execute(`select 1 from account where id = ?`, [input.accountId])
      : [];
    if (!student) throw new YouthError(YouthErrorCode.ACCOUNT_NOT_FOUND, { id: input.accountId });
    const id = await this.em.transactional(async (em) => {
      const [row] = await em.execute<{ id: string; changed: boolean }[]>(
        `insert into volunteer_assignment as s (id, account_id, province_code, commune_code, university, starts_on, ends_on, created_by)
         values (?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (account_id, commune_code, starts_on) do update set university = excluded.university,
           ends_on = excluded.ends_on, updated_at = now()
           where (s.university, s.ends_on) is distinct from (excluded.university, excluded.ends_on)
         returning s.id, true as changed`,
        [
          randomUUID(),
          input.accountId,
          commune.province_code,
          commune.code,
          university,
          startsOn,
          endsOn,
          account.accountId,
        ],
      );
      if (!row) return null;
      await this.audit.record(em, {
        action: AuditAction.VOLUNTEER_ASSIGNED,
        actorAccountId: account.accountId,
        targetType: 'volunteer_assignment',
        targetId: row.id,
        requestId,
        details: { accountId: input.accountId, communeCode: commune.code, startsOn, endsOn },
      });
      return row.id;
    });
    const [row] = await this.em.execute<AssignmentRow[]>(
      id
        ? `${ASSIGNMENT_SELECT} where s.id = ?`
        : `${ASSIGNMENT_SELECT} where s.account_id = ? and s.commune_code = ? and s.starts_on = ?`,
      id ? [id] : [input.accountId, commune.code, startsOn],
    );
    return toView(row);
  }

  /**
   * Assignments in a commune by start day, optionally only those running on `activeOn`. Needs
   * TEAMS_READ on the commune.
   */
  async listAssignments(
    actor: Actor,
    filter: { communeCode: string; activeOn?: string | null },
    page: PageArgs,
  ): Promise<Page<VolunteerAssignmentView>> {
    const account = requireAccount(actor);
    const after = pageKey(page, 2);
    const commune = await findCommune(this.em, filter.communeCode);
    if (!commune || !can(account, Permission.TEAMS_READ, scopeOfCommune(commune))) {
      throw communeNotFound(filter.communeCode);
    }
    const activeOn = filter.activeOn == null ? null : requireDay(filter.activeOn, 'activeOn');
    const where = `s.commune_code = ?${activeOn ? ' and s.starts_on <= ?::date and s.ends_on >= ?::date' : ''}`;
    const params = [commune.code, ...(activeOn ? [activeOn, activeOn] : [])];
    const keyset = after ? ' and (s.starts_on, s.id) > (?::date, ?::uuid)' : '';
    const [rows, [{ n }]] = await Promise.all([
      this.em.execute<AssignmentRow[]>(
        `${ASSIGNMENT_SELECT} where ${where}${keyset} order by s.starts_on, s.id limit ?`,
        [...params, ...(after ?? []), page.first + 1],
      ),
      this.em.execute<{ n: number }[]>(`select count(*)::int as n from volunteer_assignment s where ${where}`, params),
    ]);
    const result = toPage(rows, page.first, n, (row) => [row.starts_on, row.id]);
    return { ...result, items: result.items.map(toView) };
  }
}
