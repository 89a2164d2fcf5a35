import { randomUUID } from 'node:crypto';
import { ApiHarness, type GraphQLResult } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const GRANT = `mutation ($input: GrantRoleInput!) {
  grantRole(input: $input) { id role scope { kind id provinceCode communeCode villageId } }
}`;
const CREATE = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }`;
const ADD = `mutation ($input: TeamMembershipInput!) { addTeamMember(input: $input) { accountId } }`;
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

/** Province 65, communes 65001 (two teams) and 65002. */
describe('a role granted on a team scope reaches that team only, and only leaders of its commune grant it', () => {
  let api: ApiHarness;
  let youthLeader: TestActor;
  let otherLeader: TestActor;
  let deputy: TestActor;
  let recruit: TestActor;
  let teamA: string;
  let teamB: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values ('65', 'Sáu Lăm', 'Tỉnh Sáu Lăm', 'Test 65', 'PROVINCE', 'sau lam')
       on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('65001', '65', 'Xã Phạm Vi', 'Xã Phạm Vi', 'Pham Vi', 'XA', 'xa pham vi'), ('65002', '65', 'Xã Ngoài', 'Xã Ngoài', 'Ngoai', 'XA', 'xa ngoai')
       on conflict (code) do nothing`,
    );
    youthLeader = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('65001', '65')]]);
    otherLeader = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('65002', '65')]]);
    deputy = await createActor(api, []);
    recruit = await createActor(api, []);
    const tag = randomUUID().slice(0, 6);
    const created = await Promise.all(
      ['Đội A', 'Đội B'].map((name) =>
        api.gql<{ createTeam: { id: string } }>(
          CREATE,
          { input: { communeCode: '65001', name: `${name} ${tag}` } },
          youthLeader.token,
        ),
      ),
    );
    [teamA, teamB] = created.map((result) => result.data!.createTeam.id);
  });

  afterAll(() => api.close());

  it('grants TEAM_LEADER on a team with the team’s commune and province in the scope', async () => {
    const granted = await api.gql<{ grantRole: { scope: Record<string, unknown> } }>(
      GRANT,
      { input: { accountId: deputy.accountId, role: 'TEAM_LEADER', scope: { kind: 'TEAM', id: teamA } } },
      youthLeader.token,
    );
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.grantRole.scope).toEqual({
      kind: 'TEAM',
      id: teamA,
      provinceCode: '65',
      communeCode: '65001',
      villageId: null,
    });
    const outside = await api.gql(
      GRANT,
      { input: { accountId: deputy.accountId, role: 'TEAM_LEADER', scope: { kind: 'TEAM', id: teamB } } },
      otherLeader.token,
    );
    expect(codeOf(outside)).toBe('SCOPE_NOT_FOUND');
  });

  it('lets the team-scoped leader manage that team’s members and nothing of the other team', async () => {
    const own = await api.gql(ADD, { input: { teamId: teamA, accountId: recruit.accountId } }, deputy.token);
    expect(own.errors).toBeUndefined();
    expect(codeOf(await api.gql(ADD, { input: { teamId: teamB, accountId: recruit.accountId } }, deputy.token))).toBe(
      'TEAM_NOT_FOUND',
    );
    const listed = await api.gql<{ teams: { nodes: { id: string }[] } }>(
      `query { teams(communeCode: "65001") { nodes { id } } }`,
      {},
      deputy.token,
    );
    expect(listed.data!.teams.nodes.map((team) => team.id)).toEqual([teamA]);
  });
});
