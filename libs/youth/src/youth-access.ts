import {
  AccessError,
  AccessErrorCode,
  type Actor,
  can,
  Permission,
  type Scope,
  ScopeKind,
  scopesWith,
} from '@hocvuso/access';
import { YouthError, YouthErrorCode } from './youth.errors';

/**
 * Who may do what with teams, in one place. A team's scope carries its commune and province, so
 * a grant on the commune or province contains it, and a grant on the team itself (TEAM scope)
 * contains only that team.
 */
export interface TeamPlace {
  id: string;
  province_code: string;
  commune_code: string;
  leader_account_id: string | null;
}

export function teamScope(team: TeamPlace): Scope {
  return {
    kind: ScopeKind.TEAM,
    id: team.id,
    provinceCode: team.province_code,
    communeCode: team.commune_code,
    villageId: null,
  };
}

export enum TeamAccess {
  NONE = 0,
  /** members see their own team; officials and leaders see the teams of their scope */
  READ = 1,
  /** the team's leader: members and villages */
  MEMBERS = 2,
  /** youth union leaders of the scope: everything, leader included */
  MANAGE = 3,
}

export function teamAccess(actor: Actor, team: TeamPlace, isActiveMember: boolean): TeamAccess {
  if (actor.kind !== 'account') return TeamAccess.NONE;
  const scope = teamScope(team);
  if (can(actor, Permission.TEAMS_MANAGE, scope)) return TeamAccess.MANAGE;
  if (team.leader_account_id === actor.accountId || can(actor, Permission.TEAM_MEMBERS_MANAGE, scope)) {
    return TeamAccess.MEMBERS;
  }
  if (isActiveMember || can(actor, Permission.TEAMS_READ, scope)) return TeamAccess.READ;
  return TeamAccess.NONE;
}

/**
 * TEAM_NOT_FOUND when the caller cannot see the team at all (as for an unknown id); FORBIDDEN when
 * they see it (a member) but may not make this change.
 */
export function requireTeamAccess(access: TeamAccess, needed: TeamAccess, teamId: string): void {
  if (access === TeamAccess.NONE) throw new YouthError(YouthErrorCode.TEAM_NOT_FOUND, { id: teamId });
  if (access < needed) throw new AccessError(AccessErrorCode.FORBIDDEN);
}

/** Team ids the actor holds `permission` on through a grant on that team itself. */
export function teamGrantIds(actor: Actor, permission: Permission): string[] {
  return scopesWith(actor, permission)
    .filter((scope) => scope.kind === ScopeKind.TEAM)
    .map((scope) => scope.id);
}
