import { type Actor, communeScope, provinceScope, Role, type Scope, ScopeKind } from '@hocvuso/access';
import { TeamAccess, teamAccess, teamScope } from './youth-access';

const team = { id: 't1', province_code: '33', commune_code: '11953', leader_account_id: 'leader' };
const account = (accountId: string, ...grants: [Role, Scope][]): Actor => ({
  kind: 'account',
  accountId,
  residentId: null,
  sessionId: 's1',
  grants: grants.map(([role, scope], i) => ({ id: `g${i}`, role, scope })),
});

describe('teamAccess', () => {
  it('gives youth leaders of the commune or province everything, and nothing in another commune', () => {
    expect(teamAccess(account('a', [Role.YOUTH_LEADER, communeScope('11953', '33')]), team, false)).toBe(
      TeamAccess.MANAGE,
    );
    expect(teamAccess(account('a', [Role.YOUTH_LEADER, provinceScope('33')]), team, false)).toBe(TeamAccess.MANAGE);
    expect(teamAccess(account('a', [Role.YOUTH_LEADER, communeScope('00004', '01')]), team, false)).toBe(
      TeamAccess.NONE,
    );
  });

  it('lets the team’s leader, or a TEAM_LEADER grant on this team, manage members only', () => {
    expect(teamAccess(account('leader'), team, false)).toBe(TeamAccess.MEMBERS);
    expect(teamAccess(account('a', [Role.TEAM_LEADER, teamScope(team)]), team, false)).toBe(TeamAccess.MEMBERS);
    const otherTeam: Scope = {
      kind: ScopeKind.TEAM,
      id: 't2',
      provinceCode: '33',
      communeCode: '11953',
      villageId: null,
    };
    expect(teamAccess(account('a', [Role.TEAM_LEADER, otherTeam]), team, false)).toBe(TeamAccess.NONE);
  });

  it('lets members and commune officials read, and keeps everyone else out', () => {
    expect(teamAccess(account('m'), team, true)).toBe(TeamAccess.READ);
    expect(teamAccess(account('o', [Role.COMMUNE_OFFICIAL, communeScope('11953', '33')]), team, false)).toBe(
      TeamAccess.READ,
    );
    expect(teamAccess(account('x', [Role.VOLUNTEER, communeScope('11953', '33')]), team, false)).toBe(TeamAccess.NONE);
    expect(teamAccess({ kind: 'anonymous' }, team, true)).toBe(TeamAccess.NONE);
  });
});
