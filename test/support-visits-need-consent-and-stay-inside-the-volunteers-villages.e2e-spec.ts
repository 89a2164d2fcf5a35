import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const SYNC = `mutation ($visits: [SupportVisitInput!]!) {
  syncSupportVisits(visits: $visits) { id status accepted code message visit { id teamId } }
}`;
const VISITS = `query ($villageId: ID, $teamId: ID, $communeCode: String, $from: String, $to: String, $first: Int, $after: String) {
  supportVisits(villageId: $villageId, teamId: $teamId, communeCode: $communeCode, from: $from, to: $to, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id occurredAt villageId }
  }
}`;

interface SyncRow {
  id: string;
  status: string;
  accepted: boolean;
  code: string | null;
  message: string | null;
  visit: { id: string; teamId: string | null } | null;
}
interface VisitsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string; occurredAt: string; villageId: string }[];
}

/**
 * Province 62: commune 62001 (villages East, covered by the team, and West, not covered) and
 * commune 62002 (village Far, with a venue). The volunteer holds no grant: only the team, and later
 * an assignment to 62001, let them record.
 */
describe('support visits need the resident’s consent and stay inside the villages the volunteer covers', () => {
  let api: ApiHarness;
  let leader: TestActor;
  let volunteer: TestActor;
  let member: TestActor;
  let official: TestActor;
  let farOfficial: TestActor;
  let teamId: string;
  let east: string;
  let west: string;
  let far: string;
  let farVenue: string;
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
  const visit = (overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    villageId: east,
    task: 'DIGITAL_SIGNATURE',
    place: 'DOOR_TO_DOOR',
    occurredAt: hoursAgo(2),
    minutes: 30,
    ...overrides,
  });
  const sync = async (visits: unknown[], actor: TestActor = volunteer): Promise<SyncRow[]> => {
    const result = await api.gql<{ syncSupportVisits: SyncRow[] }>(SYNC, { visits }, actor.token);
    expect(result.errors).toBeUndefined();
    return result.data!.syncSupportVisits;
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values ('62', 'Sáu Hai', 'Tỉnh Sáu Hai', 'Test 62', 'PROVINCE', 'sau hai')
       on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('62001', '62', 'Xã Gần', 'Xã Gần', 'Gan', 'XA', 'xa gan'), ('62002', '62', 'Xã Xa', 'Xã Xa', 'Xa', 'XA', 'xa xa')
       on conflict (code) do nothing`,
    );
    east = await village(api, '62001', `Thôn Đông ${randomUUID().slice(0, 6)}`);
    west = await village(api, '62001', `Thôn Tây ${randomUUID().slice(0, 6)}`);
    far = await village(api, '62002', `Thôn Xa ${randomUUID().slice(0, 6)}`);
    farVenue = randomUUID();
    await api.sql(`insert into venue (id, village_id, name, search_text) values (?, ?, 'Nhà văn hóa xa', ?)`, [
      farVenue,
      far,
      `nha van hoa xa ${farVenue}`,
    ]);
    const youthLeader = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('62001', '62')]]);
    leader = await createActor(api, []);
    volunteer = await createActor(api, []);
    member = await createActor(api, []);
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('62001', '62')]]);
    farOfficial = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('62002', '62')]]);
    const created = await api.gql<{ createTeam: { id: string } }>(
      `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
      {
        input: {
          communeCode: '62001',
          name: `Đội ${randomUUID().slice(0, 6)}`,
          leaderAccountId: leader.accountId,
          villageIds: [east],
        },
      },
      youthLeader.token,
    );
    expect(created.errors).toBeUndefined();
    teamId = created.data!.createTeam.id;
    for (const account of [volunteer, member]) {
      await api.gql(
        `mutation ($input: TeamMembershipInput!) { addTeamMember(input: $input) { accountId } }`,
        { input: { teamId, accountId: account.accountId } },
        leader.token,
      );
    }
  });

  afterAll(() => api.close());

  it('refuses a named resident without a SUPPORT_VISITS consent, stores after consent, refuses again after withdrawal', async () => {
    const resident = await residentIn(api, east, ['LEARNING']);
    const [refused] = await sync([visit({ residentId: resident })]);
    expect([refused.status, refused.code, refused.accepted]).toEqual(['INVALID', 'SUPPORT_CONSENT_REQUIRED', false]);
    expect(refused.message).toMatch(/đồng ý/);

    const consent = await api.gql<{ recordConsent: { id: string } }>(
      `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
      { input: { residentId: resident, purpose: 'SUPPORT_VISITS', method: 'ASSISTED_BY_VOLUNTEER' } },
      official.token,
    );
    expect(consent.errors).toBeUndefined();
    const [stored] = await sync([visit({ residentId: resident })]);
    expect(stored.status).toBe('CREATED');
    expect(stored.visit?.teamId).toBe(teamId);

    await api.gql(
      `mutation ($id: ID!) { withdrawConsent(consentId: $id) { id } }`,
      { id: consent.data!.recordConsent.id },
      official.token,
    );
    const [afterWithdrawal] = await sync([visit({ residentId: resident })]);
    expect(afterWithdrawal.code).toBe('SUPPORT_CONSENT_REQUIRED');
  });

  it('stores an unnamed person’s visit without consent, and refuses a resident of another village', async () => {
    const westResident = await residentIn(api, west, ['SUPPORT_VISITS']);
    const results = await sync([visit(), visit({ residentId: westResident }), visit({ residentId: randomUUID() })]);
    expect(results.map((row) => row.code)).toEqual([null, 'VISIT_RESIDENT_NOT_FOUND', 'VISIT_RESIDENT_NOT_FOUND']);
  });

  it('lets a team member record only in the team’s villages, and an assigned student anywhere in the commune during the assignment', async () => {
    const before = await sync([visit({ villageId: west }), visit({ villageId: far })]);
    expect(before.map((row) => row.code)).toEqual(['VISIT_VILLAGE_NOT_FOUND', 'VISIT_VILLAGE_NOT_FOUND']);

    const youthLeader = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('62001', '62')]]);
    const today = new Date().toISOString().slice(0, 10);
    const assigned = await api.gql(
      `mutation ($input: AssignVolunteerInput!) { assignVolunteer(input: $input) { id } }`,
      {
        input: {
          accountId: volunteer.accountId,
          communeCode: '62001',
          university: 'Trường Đại học Bách khoa Hà Nội',
          startsOn: addDays(today, -3),
          endsOn: addDays(today, 27),
        },
      },
      youthLeader.token,
    );
    expect(assigned.errors).toBeUndefined();
    const during = await sync([
      visit({ villageId: west }),
      visit({ villageId: far }),
      visit({ villageId: west, occurredAt: `${addDays(today, -5)}T09:00:00+07:00` }),
    ]);
    expect(during.map((row) => row.code)).toEqual([null, 'VISIT_VILLAGE_NOT_FOUND', 'VISIT_VILLAGE_NOT_FOUND']);
    expect(during[0].visit?.teamId).toBeNull();
  });

  it('refuses a venue of another commune and rows that break the form, each on its own row', async () => {
    const results = await sync([
      visit({ place: 'VENUE', venueId: farVenue }),
      visit({ task: 'OTHER' }),
      visit({ minutes: 0 }),
      visit({ occurredAt: '2025-07-14 09:00' }),
      visit({ id: 'not-a-uuid' }),
      visit(),
    ]);
    expect(results.map((row) => row.code)).toEqual([
      'VISIT_VENUE_NOT_FOUND',
      'INVALID_VISIT_NOTE',
      'INVALID_MINUTES',
      'INVALID_OCCURRED_AT',
      'INVALID_VISIT_ID',
      null,
    ]);
    expect(results[4].id).toBe('not-a-uuid');
    expect(results.slice(0, 5).every((row) => row.status === 'INVALID' && row.message)).toBe(true);
  });

  it('shows a commune’s visits to its official only; other communes’ officials get NOT_FOUND as for a missing place', async () => {
    const own = await api.gql<{ supportVisits: VisitsPage }>(VISITS, { communeCode: '62001' }, official.token);
    expect(own.errors).toBeUndefined();
    expect(own.data!.supportVisits.totalCount).toBeGreaterThan(0);
    expect(own.data!.supportVisits.nodes.every((node) => [east, west].includes(node.villageId))).toBe(true);

    const outside = await api.gql(VISITS, { communeCode: '62001' }, farOfficial.token);
    expect(outside.errors?.[0].extensions?.code).toBe('COMMUNE_NOT_FOUND');
    const village = await api.gql(VISITS, { villageId: east }, farOfficial.token);
    const missing = await api.gql(VISITS, { villageId: randomUUID() }, farOfficial.token);
    expect(village.errors?.[0].extensions?.code).toBe('VILLAGE_NOT_FOUND');
    expect(village.errors?.[0].message).toBe(missing.errors?.[0].message);
    const team = await api.gql(VISITS, { teamId }, farOfficial.token);
    expect(team.errors?.[0].extensions?.code).toBe('TEAM_NOT_FOUND');
    const two = await api.gql(VISITS, { communeCode: '62001', villageId: east }, official.token);
    expect(two.errors?.[0].extensions?.code).toBe('INVALID_VISIT_FILTER');
  });

  it('shows a team’s visits to its leader, not to a plain member', async () => {
    const byLeader = await api.gql<{ supportVisits: VisitsPage }>(VISITS, { teamId }, leader.token);
    expect(byLeader.errors).toBeUndefined();
    expect(byLeader.data!.supportVisits.totalCount).toBeGreaterThan(0);
    const byMember = await api.gql(VISITS, { teamId }, member.token);
    expect(byMember.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('pages a village’s visits newest first and filters by Vietnam calendar days', async () => {
    const fresh = await village(api, '62001', `Thôn Mới ${randomUUID().slice(0, 6)}`);
    const youthLeader = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('62001', '62')]]);
    const recorded = await sync(
      [
        visit({ villageId: fresh, occurredAt: '2026-01-10T23:30:00+07:00' }),
        visit({ villageId: fresh, occurredAt: '2026-01-11T00:30:00+07:00' }),
        visit({ villageId: fresh, occurredAt: '2026-01-12T08:00:00+07:00' }),
      ].map((row) => ({ ...row, occurredAt: shiftIntoLastYear(row.occurredAt) })),
      youthLeader,
    );
    expect(recorded.map((row) => row.status)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    const first = await api.gql<{ supportVisits: VisitsPage }>(VISITS, { villageId: fresh, first: 2 }, official.token);
    expect(first.data!.supportVisits.nodes.map((node) => node.id)).toEqual([recorded[2].id, recorded[1].id]);
    expect(first.data!.supportVisits.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql<{ supportVisits: VisitsPage }>(
      VISITS,
      { villageId: fresh, first: 2, after: first.data!.supportVisits.pageInfo.endCursor },
      official.token,
    );
    expect(second.data!.supportVisits.nodes.map((node) => node.id)).toEqual([recorded[0].id]);
    expect(second.data!.supportVisits.pageInfo.hasNextPage).toBe(false);

    const day = shiftIntoLastYear('2026-01-11T12:00:00+07:00').slice(0, 10);
    const oneDay = await api.gql<{ supportVisits: VisitsPage }>(
      VISITS,
      { villageId: fresh, from: day, to: day },
      official.token,
    );
    expect(oneDay.data!.supportVisits.nodes.map((node) => node.id)).toEqual([recorded[1].id]);
  });

  it('lists the caller’s own visits', async () => {
    const mine = await api.gql<{ mySupportVisits: { totalCount: number; nodes: { id: string }[] } }>(
      `query { mySupportVisits(first: 200) { totalCount nodes { id } } }`,
      {},
      member.token,
    );
    expect(mine.data!.mySupportVisits.totalCount).toBe(0);
    const [row] = await sync([visit()], member);
    const after = await api.gql<{ mySupportVisits: { totalCount: number; nodes: { id: string }[] } }>(
      `query { mySupportVisits(first: 200) { totalCount nodes { id } } }`,
      {},
      member.token,
    );
    expect(after.data!.mySupportVisits.nodes.map((node) => node.id)).toEqual([row.id]);
  });
});

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Fixed local times moved to within the last year, keeping their offset and time of day. */
function shiftIntoLastYear(instant: string): string {
  const year = new Date().getUTCFullYear();
  const candidate = instant.replace(/^\d{4}/, String(year));
  return Date.parse(candidate) < Date.now() - 86_400_000 ? candidate : candidate.replace(/^\d{4}/, String(year - 1));
}

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

async function residentIn(api: ApiHarness, villageId: string, purposes: string[]): Promise<string> {
  const id = randomUUID();
  await api.sql(`insert into resident (id, village_id, full_name, birth_year) values (?, ?, 'Lê Thị Hoa', 1962)`, [
    id,
    villageId,
  ]);
  for (const purpose of purposes) {
    await api.sql(
      `insert into consent (id, resident_id, purpose, method, recorded_at) values (?, ?, ?, 'ASSISTED_BY_VOLUNTEER', now())`,
      [randomUUID(), id, purpose],
    );
  }
  return id;
}
