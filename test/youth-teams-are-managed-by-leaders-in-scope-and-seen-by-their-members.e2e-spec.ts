import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { ApiHarness, type GraphQLResult } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const CREATE = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id name communeCode leaderAccountId } }`;
const TEAM = `query ($id: ID!) {
  team(id: $id) { id name leaderAccountId members { accountId joinedOn leftOn } villages { id } youthUnit { id level parent { level } } }
}`;
const TEAMS = `query ($communeCode: String!, $first: Int, $after: String) {
  teams(communeCode: $communeCode, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } }
}`;
const ADD = `mutation ($input: TeamMembershipInput!) { addTeamMember(input: $input) { accountId joinedOn leftOn } }`;
const REMOVE = `mutation ($input: TeamMembershipInput!) { removeTeamMember(input: $input) { accountId joinedOn leftOn } }`;
const LEADER = `mutation ($teamId: ID!, $accountId: ID) { setTeamLeader(teamId: $teamId, accountId: $accountId) { id leaderAccountId } }`;
const VILLAGES = `mutation ($teamId: ID!, $villageIds: [ID!]!) { setTeamVillages(teamId: $teamId, villageIds: $villageIds) { id villages { id } } }`;

interface TeamsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string; name: string }[];
}
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

/**
 * Province 63: commune 63001 (villages North and South) is home; commune 63002 (village Other) is
 * another youth leader's. Team leaders and members hold no grants: the team rows are their access.
 */
describe('youth teams are managed by leaders of their scope and seen by their members', () => {
  let api: ApiHarness;
  let youthLeader: TestActor;
  let provinceLeader: TestActor;
  let otherLeader: TestActor;
  let official: TestActor;
  let teamLeader: TestActor;
  let member: TestActor;
  let stranger: TestActor;
  let north: string;
  let south: string;
  let other: string;
  let teamId: string;
  const tag = randomUUID().slice(0, 6);

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values ('63', 'Sáu Ba', 'Tỉnh Sáu Ba', 'Test 63', 'PROVINCE', 'sau ba')
       on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('63001', '63', 'Xã Đoàn Kết', 'Xã Đoàn Kết', 'Doan Ket', 'XA', 'xa doan ket'), ('63002', '63', 'Xã Bên', 'Xã Bên', 'Ben', 'XA', 'xa ben')
       on conflict (code) do nothing`,
    );
    north = await village(api, '63001', `Thôn Bắc ${tag}`);
    south = await village(api, '63001', `Thôn Nam ${tag}`);
    other = await village(api, '63002', `Thôn Bên ${tag}`);
    youthLeader = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('63001', '63')]]);
    provinceLeader = await createActor(api, [[Role.YOUTH_LEADER, scopes.province('63')]]);
    otherLeader = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('63002', '63')]]);
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('63001', '63')]]);
    teamLeader = await createActor(api, []);
    member = await createActor(api, []);
    stranger = await createActor(api, []);
  });

  afterAll(() => api.close());

  it('sets up the commune union once, under the provincial union, however often and concurrently it is asked', async () => {
    const ENSURE = `mutation { ensureCommuneYouthUnion(communeCode: "63001") { id level name parent { id level name } } }`;
    const results = await Promise.all([1, 2, 3].map(() => api.gql(ENSURE, {}, youthLeader.token)));
    const unions = results.map(
      (result) => (result.data as { ensureCommuneYouthUnion: { id: string } }).ensureCommuneYouthUnion,
    );
    expect(new Set(unions.map((union) => union.id)).size).toBe(1);
    expect(unions[0]).toMatchObject({
      level: 'COMMUNE',
      name: 'Đoàn xã Đoàn Kết',
      parent: { level: 'PROVINCE', name: 'Tỉnh đoàn Sáu Ba' },
    });
    const branch = await api.gql<{ ensureYouthBranch: { level: string; name: string; parent: { id: string } } }>(
      `mutation ($id: ID!) { ensureYouthBranch(villageId: $id) { level name parent { id } } }`,
      { id: north },
      youthLeader.token,
    );
    expect(branch.data!.ensureYouthBranch).toMatchObject({ level: 'BRANCH', name: `Chi đoàn Thôn Bắc ${tag}` });
    expect(branch.data!.ensureYouthBranch.parent.id).toBe(unions[0].id);
    const union = await api.gql<{ communeYouthUnion: { branches: { name: string }[] } }>(
      `query { communeYouthUnion(communeCode: "63001") { branches { name } } }`,
      {},
      official.token,
    );
    expect(union.data!.communeYouthUnion.branches.map((b) => b.name)).toEqual([`Chi đoàn Thôn Bắc ${tag}`]);
    expect(codeOf(await api.gql(ENSURE, {}, otherLeader.token))).toBe('COMMUNE_NOT_FOUND');
    const [{ n }] = await api.sql<{ n: number }>(
      `select count(*)::int as n from youth_unit where level = 'PROVINCE' and province_code = '63'`,
    );
    expect(n).toBe(1);
  });

  it('lets the commune’s youth leader create a team with a leader and villages; names are unique per commune', async () => {
    const created = await api.gql<{ createTeam: { id: string; leaderAccountId: string } }>(
      CREATE,
      {
        input: {
          communeCode: '63001',
          name: `Đội Xung Kích ${tag}`,
          leaderAccountId: teamLeader.accountId,
          villageIds: [north],
        },
      },
      youthLeader.token,
    );
    expect(created.errors).toBeUndefined();
    teamId = created.data!.createTeam.id;
    const team = await api.gql<{
      team: { members: { accountId: string }[]; villages: { id: string }[]; youthUnit: { level: string } };
    }>(TEAM, { id: teamId }, youthLeader.token);
    expect(team.data!.team.members.map((m) => m.accountId)).toEqual([teamLeader.accountId]);
    expect(team.data!.team.villages.map((v) => v.id)).toEqual([north]);
    expect(team.data!.team.youthUnit.level).toBe('COMMUNE');

    const sameName = await api.gql(
      CREATE,
      { input: { communeCode: '63001', name: `đội xung kích ${tag}` } },
      youthLeader.token,
    );
    expect(codeOf(sameName)).toBe('TEAM_NAME_TAKEN');
    const foreignVillage = await api.gql(
      CREATE,
      { input: { communeCode: '63001', name: `Đội khác ${tag}`, villageIds: [other] } },
      youthLeader.token,
    );
    expect(codeOf(foreignVillage)).toBe('VILLAGE_NOT_IN_COMMUNE');
    expect(codeOf(await api.gql(CREATE, { input: { communeCode: '63001', name: ' ' } }, youthLeader.token))).toBe(
      'INVALID_TEAM_NAME',
    );
    const [audit] = await api.sql<{ actor_account_id: string }>(
      `select actor_account_id from audit_log where action = 'team.created' and target_id = ?`,
      [teamId],
    );
    expect(audit.actor_account_id).toBe(youthLeader.accountId);
  });

  it('answers TEAM_NOT_FOUND / COMMUNE_NOT_FOUND to a youth leader of another commune and to strangers', async () => {
    expect(codeOf(await api.gql(TEAM, { id: teamId }, otherLeader.token))).toBe('TEAM_NOT_FOUND');
    expect(codeOf(await api.gql(TEAM, { id: teamId }, stranger.token))).toBe('TEAM_NOT_FOUND');
    expect(codeOf(await api.gql(TEAM, { id: randomUUID() }, youthLeader.token))).toBe('TEAM_NOT_FOUND');
    expect(codeOf(await api.gql(ADD, { input: { teamId, accountId: stranger.accountId } }, otherLeader.token))).toBe(
      'TEAM_NOT_FOUND',
    );
    expect(
      codeOf(await api.gql(CREATE, { input: { communeCode: '63001', name: `Đội lạ ${tag}` } }, otherLeader.token)),
    ).toBe('COMMUNE_NOT_FOUND');
    expect(codeOf(await api.gql(TEAMS, { communeCode: '63001' }, otherLeader.token))).toBe('COMMUNE_NOT_FOUND');
    expect(codeOf(await api.gql(TEAMS, { communeCode: '63001' }, stranger.token))).toBe('COMMUNE_NOT_FOUND');
  });

  it('lets the team leader manage members and villages but not name a leader', async () => {
    const added = await api.gql<{ addTeamMember: { accountId: string; leftOn: string | null } }>(
      ADD,
      { input: { teamId, accountId: member.accountId, on: '2025-07-01' } },
      teamLeader.token,
    );
    expect(added.data!.addTeamMember).toEqual({ accountId: member.accountId, joinedOn: '2025-07-01', leftOn: null });
    const again = await api.gql(ADD, { input: { teamId, accountId: member.accountId } }, teamLeader.token);
    expect(again.data).toEqual(added.data);
    const villages = await api.gql<{ setTeamVillages: { villages: { id: string }[] } }>(
      VILLAGES,
      { teamId, villageIds: [north, south] },
      teamLeader.token,
    );
    expect(villages.data!.setTeamVillages.villages.map((v) => v.id).sort()).toEqual([north, south].sort());
    expect(codeOf(await api.gql(VILLAGES, { teamId, villageIds: [other] }, teamLeader.token))).toBe(
      'VILLAGE_NOT_IN_COMMUNE',
    );
    expect(codeOf(await api.gql(LEADER, { teamId, accountId: member.accountId }, teamLeader.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(ADD, { input: { teamId, accountId: randomUUID() } }, teamLeader.token))).toBe(
      'ACCOUNT_NOT_FOUND',
    );
  });

  it('shows members their own team (and only it) and refuses them changes', async () => {
    const seen = await api.gql<{ team: { members: { accountId: string }[] } }>(TEAM, { id: teamId }, member.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.team.members.map((m) => m.accountId).sort()).toEqual(
      [member.accountId, teamLeader.accountId].sort(),
    );
    const mine = await api.gql<{ myTeams: TeamsPage }>(
      `query { myTeams { totalCount nodes { id } } }`,
      {},
      member.token,
    );
    expect(mine.data!.myTeams.nodes.map((t) => t.id)).toEqual([teamId]);
    expect(codeOf(await api.gql(ADD, { input: { teamId, accountId: stranger.accountId } }, member.token))).toBe(
      'FORBIDDEN',
    );

    const secondTeam = await api.gql<{ createTeam: { id: string } }>(
      CREATE,
      { input: { communeCode: '63001', name: `Đội Hai ${tag}` } },
      youthLeader.token,
    );
    expect(codeOf(await api.gql(TEAM, { id: secondTeam.data!.createTeam.id }, member.token))).toBe('TEAM_NOT_FOUND');
    const listed = await api.gql<{ teams: TeamsPage }>(TEAMS, { communeCode: '63001' }, member.token);
    expect(listed.data!.teams.nodes.map((t) => t.id)).toEqual([teamId]);
  });

  it('ends a membership on a day, keeps the history and stops showing the team to the former member', async () => {
    const early = await api.gql(
      REMOVE,
      { input: { teamId, accountId: member.accountId, on: '2025-06-30' } },
      teamLeader.token,
    );
    expect(codeOf(early)).toBe('INVALID_PERIOD');
    const removed = await api.gql<{ removeTeamMember: { leftOn: string } }>(
      REMOVE,
      { input: { teamId, accountId: member.accountId, on: '2025-08-31' } },
      teamLeader.token,
    );
    expect(removed.data!.removeTeamMember.leftOn).toBe('2025-08-31');
    expect(codeOf(await api.gql(TEAM, { id: teamId }, member.token))).toBe('TEAM_NOT_FOUND');
    const history = await api.sql<{ joined_on: string; left_on: string }>(
      `select joined_on::text, left_on::text from team_member where team_id = ? and account_id = ?`,
      [teamId, member.accountId],
    );
    expect(history).toEqual([{ joined_on: '2025-07-01', left_on: '2025-08-31' }]);
  });

  it('lets a provincial youth leader name a leader; commune officials read teams but do not manage them', async () => {
    const named = await api.gql<{ setTeamLeader: { leaderAccountId: string } }>(
      LEADER,
      { teamId, accountId: stranger.accountId },
      provinceLeader.token,
    );
    expect(named.data!.setTeamLeader.leaderAccountId).toBe(stranger.accountId);
    expect(codeOf(await api.gql(TEAM, { id: teamId }, stranger.token))).toBeUndefined();
    expect(codeOf(await api.gql(TEAM, { id: teamId }, official.token))).toBeUndefined();
    expect(codeOf(await api.gql(LEADER, { teamId, accountId: null }, official.token))).toBe('FORBIDDEN');
    expect(
      codeOf(await api.gql(CREATE, { input: { communeCode: '63001', name: `Đội Ba ${tag}` } }, official.token)),
    ).toBe('COMMUNE_NOT_FOUND');
  });

  it('pages a commune’s teams in name order and batches members and villages', async () => {
    for (const name of ['Đội Bốn', 'Đội Năm']) {
      await api.gql(
        CREATE,
        { input: { communeCode: '63001', name: `${name} ${tag}`, villageIds: [south] } },
        youthLeader.token,
      );
    }
    const all = await api.gql<{ teams: TeamsPage }>(TEAMS, { communeCode: '63001', first: 200 }, official.token);
    const names = all.data!.teams.nodes.map((t) => t.name);
    expect(names).toEqual([...names].sort((a, b) => foldVietnamese(a).localeCompare(foldVietnamese(b))));
    const first = await api.gql<{ teams: TeamsPage }>(TEAMS, { communeCode: '63001', first: 2 }, official.token);
    const rest = await api.gql<{ teams: TeamsPage }>(
      TEAMS,
      { communeCode: '63001', first: 200, after: first.data!.teams.pageInfo.endCursor },
      official.token,
    );
    expect([...first.data!.teams.nodes, ...rest.data!.teams.nodes].map((t) => t.id)).toEqual(
      all.data!.teams.nodes.map((t) => t.id),
    );

    const NESTED = `query ($first: Int) { teams(communeCode: "63001", first: $first) { nodes { id members { accountId } villages { id } youthUnit { id } } } }`;
    const one = await api.countQueries(() => api.gql(NESTED, { first: 1 }, official.token));
    const many = await api.countQueries(() => api.gql(NESTED, { first: 4 }, official.token));
    expect(many).toBe(one);
  });

  it('assigns volunteer students to a commune for a valid period and lists them by day', async () => {
    const ASSIGN = `mutation ($input: AssignVolunteerInput!) { assignVolunteer(input: $input) { id university startsOn endsOn } }`;
    const input = {
      accountId: member.accountId,
      communeCode: '63001',
      university: ' Đại học  Công nghệ ',
      startsOn: '2025-07-01',
      endsOn: '2025-07-31',
    };
    const first = await api.gql<{ assignVolunteer: { id: string; university: string } }>(
      ASSIGN,
      { input },
      youthLeader.token,
    );
    expect(first.data!.assignVolunteer.university).toBe('Đại học Công nghệ');
    const retry = await api.gql(ASSIGN, { input }, youthLeader.token);
    expect(retry.data).toEqual(first.data);
    const extended = await api.gql<{ assignVolunteer: { id: string; endsOn: string } }>(
      ASSIGN,
      { input: { ...input, endsOn: '2025-08-15' } },
      youthLeader.token,
    );
    expect(extended.data!.assignVolunteer).toMatchObject({ id: first.data!.assignVolunteer.id, endsOn: '2025-08-15' });
    const [{ n }] = await api.sql<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'volunteer.assigned' and target_id = ?`,
      [first.data!.assignVolunteer.id],
    );
    expect(n).toBe(2);

    expect(codeOf(await api.gql(ASSIGN, { input: { ...input, endsOn: '2025-06-30' } }, youthLeader.token))).toBe(
      'INVALID_PERIOD',
    );
    expect(codeOf(await api.gql(ASSIGN, { input: { ...input, startsOn: '2025-02-30' } }, youthLeader.token))).toBe(
      'INVALID_DATE',
    );
    expect(codeOf(await api.gql(ASSIGN, { input: { ...input, endsOn: '2026-12-31' } }, youthLeader.token))).toBe(
      'INVALID_PERIOD',
    );
    expect(codeOf(await api.gql(ASSIGN, { input: { ...input, university: 'x' } }, youthLeader.token))).toBe(
      'INVALID_UNIVERSITY',
    );
    expect(codeOf(await api.gql(ASSIGN, { input }, otherLeader.token))).toBe('COMMUNE_NOT_FOUND');

    const LIST = `query ($day: String) { volunteerAssignments(communeCode: "63001", activeOn: $day) { totalCount nodes { accountId university } } }`;
    const during = await api.gql<{ volunteerAssignments: { totalCount: number } }>(
      LIST,
      { day: '2025-08-10' },
      official.token,
    );
    const afterwards = await api.gql<{ volunteerAssignments: { totalCount: number } }>(
      LIST,
      { day: '2025-09-01' },
      official.token,
    );
    expect([during.data!.volunteerAssignments.totalCount, afterwards.data!.volunteerAssignments.totalCount]).toEqual([
      1, 0,
    ]);
    expect(codeOf(await api.gql(LIST, {}, otherLeader.token))).toBe('COMMUNE_NOT_FOUND');
  });
});

async function village(api: ApiHarness, communeCode: string, name: string): Promise<string> {
  const id = randomUUID();
  await api.sql(`insert into village (id, commune_code, name, kind, search_text) values (?, ?, ?, 'THON', ?)`, [
    id,
    communeCode,
    name,
    foldVietnamese(name),
  ]);
  return id;
}
