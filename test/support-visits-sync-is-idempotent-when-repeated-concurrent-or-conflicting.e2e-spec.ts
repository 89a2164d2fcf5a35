import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const SYNC = `mutation ($visits: [SupportVisitInput!]!) {
  syncSupportVisits(visits: $visits) {
    id status accepted code message
    visit { id volunteerAccountId teamId residentId villageId communeCode provinceCode task note place venueId occurredAt minutes syncedAt }
  }
}`;

interface SyncRow {
  id: string;
  status: 'CREATED' | 'UNCHANGED' | 'CONFLICT' | 'INVALID';
  accepted: boolean;
  code: string | null;
  message: string | null;
  visit: Record<string, unknown> | null;
}

/**
 * Province 61, commune 61001 with villages East (covered by the team) and West. Visits are
 * synced by a team member who holds no grant: the team's villages are what lets them record.
 */
describe('support visit sync stores each visit once, however often and however concurrently it is sent', () => {
  let api: ApiHarness;
  let volunteer: TestActor;
  let otherVolunteer: TestActor;
  let teamId: string;
  let east: string;
  let venue: string;
  let consentingResident: string;
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values ('61', 'Sáu Mốt', 'Tỉnh Sáu Mốt', 'Test 61', 'PROVINCE', 'sau mot')
       on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values ('61001', '61', 'Xã Đồng Bộ', 'Xã Đồng Bộ', 'Dong Bo', 'XA', 'xa dong bo')
       on conflict (code) do nothing`,
    );
    east = await village(api, '61001', `Thôn Đông ${randomUUID().slice(0, 6)}`);
    venue = randomUUID();
    await api.sql(`insert into venue (id, village_id, name, search_text) values (?, ?, 'Nhà văn hóa thôn', ?)`, [
      venue,
      east,
      `nha van hoa ${venue}`,
    ]);
    consentingResident = await resident(api, east, ['SUPPORT_VISITS']);
    const leader = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('61001', '61')]]);
    volunteer = await createActor(api, []);
    otherVolunteer = await createActor(api, []);
    const created = await api.gql<{ createTeam: { id: string } }>(
      `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
      { input: { communeCode: '61001', name: `Đội xung kích ${randomUUID().slice(0, 6)}`, villageIds: [east] } },
      leader.token,
    );
    expect(created.errors).toBeUndefined();
    teamId = created.data!.createTeam.id;
    for (const member of [volunteer, otherVolunteer]) {
      const added = await api.gql(
        `mutation ($input: TeamMembershipInput!) { addTeamMember(input: $input) { accountId } }`,
        { input: { teamId, accountId: member.accountId } },
        leader.token,
      );
      expect(added.errors).toBeUndefined();
    }
  });

  afterAll(() => api.close());

  const batch = () => [
    {
      id: randomUUID(),
      villageId: east,
      task: 'VNEID_ACTIVATION',
      place: 'DOOR_TO_DOOR',
      occurredAt: hoursAgo(5),
      minutes: 25,
    },
    {
      id: randomUUID(),
      villageId: east,
      residentId: consentingResident,
      task: 'PUBLIC_SERVICE_APPLICATION',
      place: 'VENUE',
      venueId: venue,
      occurredAt: hoursAgo(4),
      minutes: 40,
    },
    {
      id: randomUUID(),
      villageId: east,
      task: 'OTHER',
      note: 'Hướng dẫn đặt lịch khám bệnh trực tuyến',
      place: 'PUBLIC_SERVICE_CENTRE',
      occurredAt: hoursAgo(3),
      minutes: 15,
    },
  ];

  const sync = async (visits: unknown[], actor: TestActor = volunteer): Promise<SyncRow[]> => {
    const result = await api.gql<{ syncSupportVisits: SyncRow[] }>(SYNC, { visits }, actor.token);
    expect(result.errors).toBeUndefined();
    return result.data!.syncSupportVisits;
  };
  const storedCount = async (ids: string[]): Promise<number> => {
    const [{ n }] = await api.sql<{ n: number }>(
      `select count(*)::int as n from support_visit where id in (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return n;
  };

  it('stores a batch once and answers a re-sent batch with the same visits, marked UNCHANGED', async () => {
    const visits = batch();
    const first = await sync(visits);
    expect(first.map((row) => row.status)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    expect(first.every((row) => row.accepted && row.code === null)).toBe(true);
    expect(first[0].visit).toMatchObject({ volunteerAccountId: volunteer.accountId, teamId, communeCode: '61001' });
    expect(first[1].visit).toMatchObject({ residentId: consentingResident, place: 'VENUE', venueId: venue });

    const again = await sync(visits);
    expect(again.map((row) => row.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
    expect(again.map((row) => row.visit)).toEqual(first.map((row) => row.visit));
    expect(again.map((row) => row.accepted)).toEqual([true, true, true]);
    expect(await storedCount(visits.map((v) => v.id))).toBe(3);
  });

  it('stores a batch sent twice at the same time once: each row is CREATED by exactly one of the calls', async () => {
    const visits = [...batch(), ...batch()];
    const [one, two] = await Promise.all([sync(visits), sync(visits)]);
    visits.forEach((visit, index) => {
      expect([one[index].status, two[index].status].sort()).toEqual(['CREATED', 'UNCHANGED']);
      expect(one[index].visit).toEqual(two[index].visit);
      expect(one[index].id).toBe(visit.id);
    });
    expect(await storedCount(visits.map((v) => v.id))).toBe(visits.length);
    const [{ created }] = await api.sql<{ created: number }>(
      `select coalesce(sum((details->>'created')::int), 0)::int as created from audit_log
        where action = 'support_visits.synced' and exists (
          select 1 from jsonb_array_elements_text(details->'visitIds') v where v in (${visits.map(() => '?').join(', ')}))`,
      visits.map((v) => v.id),
    );
    expect(created).toBe(visits.length);
  });

  it('refuses a reused id with different content for that row only and keeps the stored visit', async () => {
    const [original] = batch();
    await sync([original]);
    const fresh = batch()[2];
    const result = await sync([{ ...original, minutes: 90 }, fresh]);
    expect(result.map((row) => [row.status, row.code, row.accepted])).toEqual([
      ['CONFLICT', 'VISIT_ID_CONFLICT', false],
      ['CREATED', null, true],
    ]);
    expect(result[0].message).toMatch(/đã được dùng/);
    expect(result[0].visit).toBeNull();
    const [stored] = await api.sql<{ minutes: number }>(`select minutes from support_visit where id = ?`, [
      original.id,
    ]);
    expect(stored.minutes).toBe(25);
  });

  it('treats the same content sent by another volunteer under a used id as a conflict, not a retry', async () => {
    const [original] = batch();
    await sync([original]);
    const result = await sync([original], otherVolunteer);
    expect(result[0].status).toBe('CONFLICT');
    const [stored] = await api.sql<{ volunteer_account_id: string }>(
      `select volunteer_account_id from support_visit where id = ?`,
      [original.id],
    );
    expect(stored.volunteer_account_id).toBe(volunteer.accountId);
  });

  it('answers a copy of a row inside one batch like the row, and a different row under its id as a conflict', async () => {
    const [visit] = batch();
    const result = await sync([visit, { ...visit }, { ...visit, minutes: 26 }]);
    expect(result.map((row) => row.status)).toEqual(['CREATED', 'UNCHANGED', 'CONFLICT']);
    expect(result[1].visit).toEqual(result[0].visit);
    expect(await storedCount([visit.id])).toBe(1);
  });

  it('refuses a batch above the limit as a whole, and an anonymous caller', async () => {
    const tooMany = Array.from({ length: 201 }, () => batch()[0]);
    const big = await api.gql(SYNC, { visits: tooMany }, volunteer.token);
    expect(big.errors?.[0].extensions?.code).toBe('SYNC_BATCH_TOO_LARGE');
    expect(big.errors?.[0].message).toContain('200');
    const anonymous = await api.gql(SYNC, { visits: [batch()[0]] });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
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

async function resident(api: ApiHarness, villageId: string, purposes: string[]): Promise<string> {
  const id = randomUUID();
  await api.sql(`insert into resident (id, village_id, full_name, birth_year) values (?, ?, 'Trần Văn Bình', 1958)`, [
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
