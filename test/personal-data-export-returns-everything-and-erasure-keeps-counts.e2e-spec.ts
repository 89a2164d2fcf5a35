import { randomInt, randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const CREATE = `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`;
const EXPORT = `query ($id: ID!) { exportResidentData(residentId: $id) { json generatedAt } }`;
const ERASE = `mutation ($id: ID!, $reason: ErasureReason!) { eraseResident(residentId: $id, reason: $reason) { residentId erasedAt } }`;
const COUNT = `query ($communeCode: String!) { commune(code: $communeCode) { villages(first: 50) { nodes { id residentCount } } } }`;

const randomPhone = () => `07${String(randomInt(0, 1e8)).padStart(8, '0')}`;
const citizenIdFor = (year: number) =>
  `0030${String(year % 100).padStart(2, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;

describe('a person gets everything held about them, and erasure removes it but keeps the counts', () => {
  let api: ApiHarness;
  let official: TestActor;
  let volunteer: TestActor;
  let villageId: string;
  const consent = { purposes: ['LEARNING', 'CONTACT'], method: 'ASSISTED_BY_VOLUNTEER', evidence: 'Phiếu 7' };

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
    villageId = await village(api, '91001', `Thôn Quyền ${randomUUID().slice(0, 6)}`);
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('91001', '91')]]);
    volunteer = await createActor(api, [[Role.VOLUNTEER, scopes.commune('91001', '91')]]);
  });

  afterAll(() => api.close());

  async function newResident(
    fields: Record<string, unknown> = {},
  ): Promise<{ id: string; phone: string; citizenId: string }> {
    const phone = randomPhone();
    const citizenId = citizenIdFor(1972);
    const result = await api.gql<{ createResident: { id: string } }>(
      CREATE,
      {
        input: {
          villageId,
          fullName: 'Ngô Thị Thu',
          birthYear: 1972,
          gender: 'FEMALE',
          phone,
          citizenId,
          consent,
          ...fields,
        },
      },
      official.token,
    );
    expect(result.errors).toBeUndefined();
    return { id: result.data!.createResident.id, phone, citizenId };
  }

  async function linkAccount(residentId: string, phone: string): Promise<TestActor> {
    const self = await createActor(api, [[Role.RESIDENT, scopes.village(villageId, '91001', '91')]], { residentId });
    await api.sql(`update account set phone_cipher = ?, phone_hash = ? where id = ?`, [
      `v1.fake.${phone}`,
      randomUUID().replace(/-/g, ''),
      self.accountId,
    ]);
    return self;
  }

  it('exports the resident with phone and citizen id in clear, consents, audit trail and linked account, and audits the export', async () => {
    const resident = await newResident();
    const self = await createActor(api, [[Role.RESIDENT, scopes.village(villageId, '91001', '91')]], {
      residentId: resident.id,
    });
    const result = await api.gql<{ exportResidentData: { json: string; generatedAt: string } }>(
      EXPORT,
      { id: resident.id },
      official.token,
    );
    expect(result.errors).toBeUndefined();
    const data = JSON.parse(result.data!.exportResidentData.json);
    expect(data.resident).toMatchObject({
      id: resident.id,
      fullName: 'Ngô Thị Thu',
      birthYear: 1972,
      gender: 'FEMALE',
      phone: resident.phone,
      citizenId: resident.citizenId,
    });
    expect(data.resident.village.id).toBe(villageId);
    expect(data.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(['CONTACT', 'LEARNING']);
    expect(data.consents[0]).toMatchObject({
      method: 'ASSISTED_BY_VOLUNTEER',
      evidence: 'Phiếu 7',
      recordedBy: official.accountId,
    });
    expect(data.auditTrail.map((line: { action: string }) => line.action)).toContain('resident.created');
    expect(data.account).toMatchObject({
      id: self.accountId,
      roles: [expect.objectContaining({ role: 'RESIDENT', scopeId: villageId })],
    });
    expect(
      await api.sql(
        `select actor_account_id from audit_log where action = 'resident.data_exported' and target_id = ?`,
        [resident.id],
      ),
    ).toEqual([{ actor_account_id: official.accountId }]);

    // The resident themself, through exportMyData; a volunteer may not export.
    const mine = await api.gql<{ exportMyData: { json: string } }>(`{ exportMyData { json } }`, {}, self.token);
    expect(JSON.parse(mine.data!.exportMyData.json).resident.phone).toBe(resident.phone);
    const refused = await api.gql(EXPORT, { id: resident.id }, volunteer.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('erases every personal field, withdraws consents, disables the linked account, keeps the count, and is idempotent', async () => {
    const resident = await newResident({ fullName: 'Lý Văn Xoá', gender: 'MALE' });
    await newResident({ fullName: 'Lý Thị Còn' });
    const self = await linkAccount(resident.id, resident.phone);
    const countsBefore = await villageCount(official);

    const erased = await api.gql<{ eraseResident: { residentId: string; erasedAt: string } }>(
      ERASE,
      { id: resident.id, reason: 'RESIDENT_REQUEST' },
      official.token,
    );
    expect(erased.errors).toBeUndefined();

    const [row] = await api.sql<Record<string, unknown>>(
      `select full_name, birth_year, gender, phone_cipher, phone_hash, citizen_id_cipher, citizen_id_hash, search_text, erased_at, village_id from resident where id = ?`,
      [resident.id],
    );
    expect(row).toEqual({
      full_name: null,
      birth_year: null,
      gender: null,
      phone_cipher: null,
      phone_hash: null,
      citizen_id_cipher: null,
      citizen_id_hash: null,
      search_text: null,
      erased_at: expect.stringMatching(/^\d{4}-/),
      village_id: villageId,
    });
    const consents = await api.sql<{ withdrawn_at: Date | null; evidence: string | null }>(
      `select withdrawn_at, evidence from consent where resident_id = ?`,
      [resident.id],
    );
    expect(consents.length).toBe(2);
    expect(consents.every((c) => c.withdrawn_at !== null && c.evidence === null)).toBe(true);
    const [account] = await api.sql<Record<string, unknown>>(
      `select status, phone_cipher, phone_hash, display_name, username from account where id = ?`,
      [self.accountId],
    );
    expect(account).toMatchObject({ status: 'DISABLED', phone_cipher: null, phone_hash: null, display_name: 'Đã xóa' });
    expect(account.username).toMatch(/^erased-[0-9a-f]{32}$/);

    // Counts stay; lists and reads no longer show the person.
    expect(await villageCount(official)).toBe(countsBefore);
    const list = await api.gql<{ residents: { nodes: { id: string }[] } }>(
      `query ($v: ID!) { residents(villageId: $v, first: 50) { nodes { id } } }`,
      { v: villageId },
      official.token,
    );
    expect(list.data!.residents.nodes.map((n) => n.id)).not.toContain(resident.id);
    const read = await api.gql(`query ($id: ID!) { resident(id: $id) { id } }`, { id: resident.id }, official.token);
    expect(read.errors?.[0].extensions?.code).toBe('RESIDENT_NOT_FOUND');

    const again = await api.gql<{ eraseResident: { erasedAt: string } }>(
      ERASE,
      { id: resident.id, reason: 'RESIDENT_REQUEST' },
      official.token,
    );
    expect(again.data!.eraseResident.erasedAt).toBe(erased.data!.eraseResident.erasedAt);
    const audit = await api.sql<{ details: Record<string, unknown> }>(
      `select details from audit_log where action = 'resident.erased' and target_id = ?`,
      [resident.id],
    );
    expect(audit).toEqual([
      { details: { reason: 'RESIDENT_REQUEST', consents: 2, accountId: self.accountId, self: false } },
    ]);
    expect(
      JSON.stringify(await api.sql(`select details from audit_log where target_id = ?`, [resident.id])),
    ).not.toContain('Lý Văn');

    // The phone and citizen id are free again: the same person can be recorded anew.
    const reRecorded = await api.gql(
      CREATE,
      { input: { villageId, fullName: 'Lý Văn Xoá', birthYear: 1972, phone: resident.phone, consent } },
      official.token,
    );
    expect(reRecorded.errors).toBeUndefined();
  });

  it('lets residents erase themselves but not a volunteer', async () => {
    const resident = await newResident({ fullName: 'Mạc Thị Tự' });
    const self = await createActor(api, [], { residentId: resident.id });
    const refused = await api.gql(ERASE, { id: resident.id, reason: 'RESIDENT_REQUEST' }, volunteer.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await api.gql(ERASE, { id: resident.id, reason: 'RESIDENT_REQUEST' }, self.token);
    expect(own.errors).toBeUndefined();
    const [row] = await api.sql<{ full_name: string | null }>(`select full_name from resident where id = ?`, [
      resident.id,
    ]);
    expect(row.full_name).toBeNull();
  });

  async function villageCount(actor: TestActor): Promise<number> {
    const result = await api.gql<{ commune: { villages: { nodes: { id: string; residentCount: number | null }[] } } }>(
      COUNT,
      { communeCode: '91001' },
      actor.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.commune.villages.nodes.find((node) => node.id === villageId)!.residentCount!;
  }
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
