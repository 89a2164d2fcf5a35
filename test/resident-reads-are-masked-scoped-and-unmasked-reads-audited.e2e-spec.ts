import { randomInt, randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const CREATE = `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`;
const RESIDENT = `query ($id: ID!) { resident(id: $id) { id fullName phoneMasked citizenIdMasked } }`;
const CONTACT = `query ($id: ID!) { residentContact(id: $id) { residentId phone citizenId } }`;
const LIST = `query ($villageId: ID, $communeCode: String, $search: String, $first: Int, $after: String) {
  residents(villageId: $villageId, communeCode: $communeCode, search: $search, first: $first, after: $after) {
    totalCount nodes { id fullName phoneMasked } pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  totalCount: number;
  nodes: { id: string; fullName: string; phoneMasked: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}

const randomPhone = () => `03${String(randomInt(0, 1e8)).padStart(8, '0')}`;
const citizenIdFor = (year: number) =>
  `0020${String(year % 100).padStart(2, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;

describe('resident reads are masked and scoped; unmasked reads need a permission and are audited', () => {
  let api: ApiHarness;
  let official: TestActor;
  let volunteer: TestActor;
  let villageVolunteer: TestActor;
  let outsider: TestActor;
  let villageA: string;
  let villageB: string;
  let residentId: string;
  const phone = randomPhone();
  const citizenId = citizenIdFor(1968);
  const tag = randomUUID().slice(0, 6);

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values
         ('92', 'Chín Hai', 'Tỉnh Chín Hai', 'Test 92', 'PROVINCE', 'chin hai'), ('91', 'Chín Mốt', 'Tỉnh Chín Mốt', 'Test 91', 'PROVINCE', 'chin mot')
       on conflict (code) do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('92001', '92', 'Xã Một', 'Xã Một', 'Mot', 'XA', 'xa mot'), ('92002', '92', 'Xã Hai', 'Xã Hai', 'Hai', 'XA', 'xa hai'),
         ('91001', '91', 'Xã Ba', 'Xã Ba', 'Ba', 'XA', 'xa ba')
       on conflict (code) do nothing`,
    );
    villageA = await village(api, '92002', `Thôn Đọc ${tag}`);
    villageB = await village(api, '92002', `Thôn Viết ${tag}`);
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('92002', '92')]]);
    volunteer = await createActor(api, [[Role.VOLUNTEER, scopes.commune('92002', '92')]]);
    villageVolunteer = await createActor(api, [[Role.VOLUNTEER, scopes.village(villageB, '92002', '92')]]);
    outsider = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('91')]]);
    const consent = { purposes: ['LEARNING'], method: 'SELF' };
    const created = await api.gql<{ createResident: { id: string } }>(
      CREATE,
      { input: { villageId: villageA, fullName: 'Phạm Văn Đức', birthYear: 1968, phone, citizenId, consent } },
      official.token,
    );
    residentId = created.data!.createResident.id;
    for (const [villageId, fullName] of [
      [villageA, 'Hoàng Thị Lan'],
      [villageA, 'Vũ Văn Lân'],
      [villageB, 'Bùi Thị Mai'],
      [villageB, 'Đỗ Văn Nam'],
    ]) {
      await api.gql(
        CREATE,
        { input: { villageId, fullName, birthYear: 1970, phone: randomPhone(), consent } },
        official.token,
      );
    }
  });

  afterAll(() => api.close());

  it('masks phone and citizen id in normal reads and stores them encrypted', async () => {
    const result = await api.gql<{ resident: Record<string, string> }>(RESIDENT, { id: residentId }, volunteer.token);
    expect(result.data!.resident).toEqual({
      id: residentId,
      fullName: 'Phạm Văn Đức',
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-3)}`,
      citizenIdMasked: `${citizenId.slice(0, 3)}*******${citizenId.slice(-2)}`,
    });
    const [row] = await api.sql<Record<string, string>>(
      `select phone_cipher, phone_hash, citizen_id_cipher, citizen_id_hash from resident where id = ?`,
      [residentId],
    );
    expect(row.phone_cipher).toMatch(/^v1\.[\w-]+\./);
    expect(row.citizen_id_cipher).toMatch(/^v1\.[\w-]+\./);
    expect(row.phone_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(phone);
    expect(JSON.stringify(row)).not.toContain(citizenId);
  });

  it('refuses unmasked reads to a volunteer, allows an official, and audits only the allowed read', async () => {
    const before = await unmaskedReads(api, residentId);
    const refused = await api.gql(CONTACT, { id: residentId }, volunteer.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
    expect(await unmaskedReads(api, residentId)).toEqual(before);

    const allowed = await api.gql<{ residentContact: Record<string, string> }>(
      CONTACT,
      { id: residentId },
      official.token,
    );
    expect(allowed.data!.residentContact).toEqual({ residentId, phone, citizenId });
    const lines = await unmaskedReads(api, residentId);
    expect(lines.slice(before.length)).toEqual([
      { actor_account_id: official.accountId, details: { fields: ['phone', 'citizenId'], self: false } },
    ]);
  });

  it('answers RESIDENT_NOT_FOUND to an out-of-scope official exactly as for a random id', async () => {
    for (const query of [RESIDENT, CONTACT]) {
      const outside = await api.gql(query, { id: residentId }, outsider.token);
      const random = await api.gql(query, { id: randomUUID() }, outsider.token);
      expect(outside.errors?.[0].extensions).toEqual({ code: 'RESIDENT_NOT_FOUND', details: {} });
      expect(outside).toEqual({ ...random, errors: random.errors });
    }
    const export_ = await api.gql(
      `query ($id: ID!) { exportResidentData(residentId: $id) { json } }`,
      { id: residentId },
      outsider.token,
    );
    expect(export_.errors?.[0].extensions?.code).toBe('RESIDENT_NOT_FOUND');
    const anonymous = await api.gql(RESIDENT, { id: residentId });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists a commune in name order with cursor pagination, and a village volunteer sees only their village', async () => {
    const page1 = await api.gql<{ residents: Page }>(LIST, { communeCode: '92002', first: 3 }, official.token);
    expect(page1.data!.residents.totalCount).toBe(5);
    expect(page1.data!.residents.pageInfo.hasNextPage).toBe(true);
    const page2 = await api.gql<{ residents: Page }>(
      LIST,
      { communeCode: '92002', first: 3, after: page1.data!.residents.pageInfo.endCursor },
      official.token,
    );
    const names = [...page1.data!.residents.nodes, ...page2.data!.residents.nodes].map(
      (n: { fullName: string }) => n.fullName,
    );
    expect(names).toEqual(['Bùi Thị Mai', 'Đỗ Văn Nam', 'Hoàng Thị Lan', 'Phạm Văn Đức', 'Vũ Văn Lân']);
    expect(page2.data!.residents.pageInfo.hasNextPage).toBe(false);
    expect(
      page1.data!.residents.nodes.every((n: { phoneMasked: string }) => /^0\d\d\*{4}\d{3}$/.test(n.phoneMasked)),
    ).toBe(true);

    const mine = await api.gql<{ residents: Page }>(LIST, { communeCode: '92002', first: 10 }, villageVolunteer.token);
    expect(mine.data!.residents.nodes.map((n: { fullName: string }) => n.fullName)).toEqual([
      'Bùi Thị Mai',
      'Đỗ Văn Nam',
    ]);
    const other = await api.gql(LIST, { villageId: villageA, first: 10 }, villageVolunteer.token);
    expect(other.errors?.[0].extensions?.code).toBe('VILLAGE_NOT_FOUND');
  });

  it('searches names accent- and case-insensitively', async () => {
    const result = await api.gql<{ residents: Page }>(
      LIST,
      { villageId: villageA, search: 'LAN', first: 10 },
      official.token,
    );
    expect(result.data!.residents.nodes.map((n: { fullName: string }) => n.fullName)).toEqual([
      'Hoàng Thị Lan',
      'Vũ Văn Lân',
    ]);
    const duc = await api.gql<{ residents: Page }>(
      LIST,
      { communeCode: '92002', search: 'pham van duc', first: 10 },
      official.token,
    );
    expect(duc.data!.residents.nodes.map((n: { id: string }) => n.id)).toEqual([residentId]);
  });

  it('answers COMMUNE_NOT_FOUND for a commune outside the scope as for a missing one', async () => {
    const outside = await api.gql(LIST, { communeCode: '92002', first: 10 }, outsider.token);
    const missing = await api.gql(LIST, { communeCode: '99999', first: 10 }, outsider.token);
    expect(outside.errors?.[0].extensions?.code).toBe('COMMUNE_NOT_FOUND');
    expect(missing.errors?.[0].extensions?.code).toBe('COMMUNE_NOT_FOUND');
  });

  it('finds a resident by phone or citizen id through the hash, only inside the scope', async () => {
    const BY_PHONE = `query ($phone: String!) { residentByPhone(phone: $phone) { id } }`;
    const spaced = `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
    expect(
      (await api.gql<{ residentByPhone: { id: string } }>(BY_PHONE, { phone: spaced }, official.token)).data!
        .residentByPhone.id,
    ).toBe(residentId);
    expect(
      (await api.gql<{ residentByPhone: null }>(BY_PHONE, { phone }, outsider.token)).data!.residentByPhone,
    ).toBeNull();
    const BY_ID = `query ($c: String!) { residentByCitizenId(citizenId: $c) { id } }`;
    expect(
      (await api.gql<{ residentByCitizenId: { id: string } }>(BY_ID, { c: citizenId }, volunteer.token)).data!
        .residentByCitizenId.id,
    ).toBe(residentId);
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

function unmaskedReads(api: ApiHarness, residentId: string) {
  return api.sql<{ actor_account_id: string; details: unknown }>(
    `select actor_account_id, details from audit_log where action = 'resident.unmasked_read' and target_id = ? order by id`,
    [residentId],
  );
}
