import { randomInt, randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

const CREATE = `mutation ($input: CreateResidentInput!) {
  createResident(input: $input) { id fullName birthYear gender phoneMasked citizenIdMasked village { id } consents { id purpose method recordedBy withdrawnAt } }
}`;

const randomPhone = () => `09${String(randomInt(0, 1e8)).padStart(8, '0')}`;
// Province 001, century digit 0 (1900s, male), the year's last two digits, six random digits.
const citizenIdFor = (year: number) =>
  `0010${String(year % 100).padStart(2, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;

describe('a resident is only created with consent, and consent withdrawal is audited', () => {
  let api: ApiHarness;
  let official: TestActor;
  let villageId: string;
  let otherVillageId: string;

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
    villageId = await village(api, '92001', `Thôn Đồng Ý ${randomUUID().slice(0, 6)}`);
    otherVillageId = await village(api, '91001', `Thôn Khác ${randomUUID().slice(0, 6)}`);
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('92001', '92')]]);
  });

  afterAll(() => api.close());

  const input = (overrides: Record<string, unknown> = {}) => ({
    villageId,
    fullName: '  Nguyễn   Thị Hoà ',
    birthYear: 1960,
    gender: 'FEMALE',
    phone: randomPhone(),
    citizenId: null,
    consent: { purposes: ['LEARNING', 'CONTACT'], method: 'ASSISTED_BY_VOLUNTEER', evidence: 'Phiếu số 12' },
    ...overrides,
  });

  it('refuses a create without consent as a bad request, and with no purpose as CONSENT_REQUIRED; nothing is written', async () => {
    const before = await residentCount(api);
    const { consent: _consent, ...withoutConsent } = input();
    const missing = await api.gql(CREATE, { input: withoutConsent }, official.token);
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(missing.errors?.[0].message).toContain('consent');

    const empty = await api.gql(
      CREATE,
      { input: input({ consent: { purposes: [], method: 'SELF' } }) },
      official.token,
    );
    expect(empty.errors?.[0].extensions?.code).toBe('CONSENT_REQUIRED');
    expect(empty.errors?.[0].message).toMatch(/đồng ý/);
    expect(await residentCount(api)).toBe(before);
  });

  it('creates the resident with one consent row per purpose, recorded by the caller, and an audit line', async () => {
    const result = await api.gql<{
      createResident: {
        id: string;
        fullName: string;
        village: { id: string };
        consents: { purpose: string; method: string; recordedBy: string }[];
      };
    }>(CREATE, { input: input() }, official.token);
    expect(result.errors).toBeUndefined();
    const resident = result.data!.createResident;
    expect(resident.fullName).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
    expect(resident.village.id).toBe(villageId);
    expect(resident.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(['CONTACT', 'LEARNING']);
    expect(
      resident.consents.every(
        (c: { recordedBy: string; method: string }) =>
          c.recordedBy === official.accountId && c.method === 'ASSISTED_BY_VOLUNTEER',
      ),
    ).toBe(true);
    const audit = await api.sql<{ action: string; actor_account_id: string }>(
      `select action, actor_account_id from audit_log where target_id = ?`,
      [resident.id],
    );
    expect(audit).toEqual([{ action: 'resident.created', actor_account_id: official.accountId }]);
  });

  it('rejects bad fields with a clear code and writes nothing', async () => {
    const before = await residentCount(api);
    const cases: [Record<string, unknown>, string][] = [
      [{ fullName: 'A' }, 'INVALID_FULL_NAME'],
      [{ fullName: 'Nguyễn Văn 0912345678' }, 'INVALID_FULL_NAME'],
      [{ birthYear: 1899 }, 'INVALID_BIRTH_YEAR'],
      [{ birthYear: new Date().getFullYear() + 1 }, 'INVALID_BIRTH_YEAR'],
      [{ phone: '0212345678' }, 'INVALID_PHONE'],
      [{ citizenId: '00106012345' }, 'INVALID_CITIZEN_ID'],
      [{ citizenId: citizenIdFor(1961) }, 'CITIZEN_ID_BIRTH_YEAR_MISMATCH'],
    ];
    for (const [overrides, code] of cases) {
      const result = await api.gql(CREATE, { input: input(overrides) }, official.token);
      expect([overrides, result.errors?.[0].extensions?.code]).toEqual([overrides, code]);
    }
    expect(await residentCount(api)).toBe(before);
  });

  it('answers VILLAGE_NOT_FOUND for a village outside the scope, as for a missing one', async () => {
    const outside = await api.gql(CREATE, { input: input({ villageId: otherVillageId }) }, official.token);
    const missing = await api.gql(CREATE, { input: input({ villageId: randomUUID() }) }, official.token);
    expect(outside.errors?.[0].extensions?.code).toBe('VILLAGE_NOT_FOUND');
    expect(missing.errors?.[0].extensions?.code).toBe('VILLAGE_NOT_FOUND');
    expect(outside.errors?.[0].message).toBe(missing.errors?.[0].message);
  });

  it('returns the same resident for a retried identical request and names the clashing field otherwise', async () => {
    const phone = randomPhone();
    const citizenId = citizenIdFor(1975);
    const first = await api.gql<{ createResident: { id: string } }>(
      CREATE,
      { input: input({ phone, citizenId, birthYear: 1975 }) },
      official.token,
    );
    const retry = await api.gql<{ createResident: { id: string } }>(
      CREATE,
      { input: input({ phone, citizenId, birthYear: 1975 }) },
      official.token,
    );
    expect(retry.data!.createResident.id).toBe(first.data!.createResident.id);
    expect(
      await api.sql(`select id from resident where village_id = ? and birth_year = 1975`, [villageId]),
    ).toHaveLength(1);

    const samePhone = await api.gql(CREATE, { input: input({ fullName: 'Trần Văn Khác', phone }) }, official.token);
    expect(samePhone.errors?.[0].extensions).toEqual({ code: 'DUPLICATE_RESIDENT', details: { fields: ['phone'] } });
    const sameCitizenId = await api.gql(
      CREATE,
      { input: input({ fullName: 'Lê Văn Khác', birthYear: 1975, citizenId }) },
      official.token,
    );
    expect(sameCitizenId.errors?.[0].extensions).toEqual({
      code: 'DUPLICATE_RESIDENT',
      details: { fields: ['citizenId'] },
    });

    // Without phone or citizen id a retry is recognised by village, name (accents and case aside) and birth year.
    const noIds = { phone: null, fullName: 'Đặng Thị Ước', birthYear: 1950 };
    const a = await api.gql<{ createResident: { id: string } }>(CREATE, { input: input(noIds) }, official.token);
    const b = await api.gql<{ createResident: { id: string } }>(
      CREATE,
      { input: input({ ...noIds, fullName: 'đặng thị ước' }) },
      official.token,
    );
    expect(b.data!.createResident.id).toBe(a.data!.createResident.id);
  });

  it('withdraws a consent once, keeps the row, and logs the withdrawal; records a new purpose once', async () => {
    const created = await api.gql<{ createResident: { id: string; consents: { id: string; purpose: string }[] } }>(
      CREATE,
      { input: input() },
      official.token,
    );
    const resident = created.data!.createResident;
    const contact = resident.consents.find((c) => c.purpose === 'CONTACT')!;
    const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(consentId: $id) { id withdrawnAt withdrawnBy } }`;
    const first = await api.gql<{ withdrawConsent: { withdrawnAt: string; withdrawnBy: string } }>(
      WITHDRAW,
      { id: contact.id },
      official.token,
    );
    expect(first.data!.withdrawConsent.withdrawnBy).toBe(official.accountId);
    const again = await api.gql<{ withdrawConsent: { withdrawnAt: string } }>(
      WITHDRAW,
      { id: contact.id },
      official.token,
    );
    expect(again.data!.withdrawConsent.withdrawnAt).toBe(first.data!.withdrawConsent.withdrawnAt);

    const lines = await api.sql<{ action: string; actor_account_id: string; details: Record<string, unknown> }>(
      `select action, actor_account_id, details from audit_log where target_id = ? and action = 'consent.withdrawn'`,
      [resident.id],
    );
    expect(lines).toEqual([
      {
        action: 'consent.withdrawn',
        actor_account_id: official.accountId,
        details: { consentId: contact.id, purpose: 'CONTACT' },
      },
    ]);
    const [row] = await api.sql<{ withdrawn_at: Date | null }>(`select withdrawn_at from consent where id = ?`, [
      contact.id,
    ]);
    expect(row.withdrawn_at).not.toBeNull();

    const RECORD = `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id purpose withdrawnAt } }`;
    const recordInput = { residentId: resident.id, purpose: 'SUPPORT_VISITS', method: 'ASSISTED_BY_VOLUNTEER' };
    const recorded = await api.gql<{ recordConsent: { id: string } }>(RECORD, { input: recordInput }, official.token);
    const recordedAgain = await api.gql<{ recordConsent: { id: string } }>(
      RECORD,
      { input: recordInput },
      official.token,
    );
    expect(recordedAgain.data!.recordConsent.id).toBe(recorded.data!.recordConsent.id);
    expect(
      await api.sql(`select 1 from audit_log where target_id = ? and action = 'consent.recorded'`, [resident.id]),
    ).toHaveLength(1);
  });

  it('lets residents withdraw their own consent, and hides consents of others as CONSENT_NOT_FOUND', async () => {
    const created = await api.gql<{ createResident: { id: string; consents: { id: string; purpose: string }[] } }>(
      CREATE,
      { input: input() },
      official.token,
    );
    const resident = created.data!.createResident;
    const self = await createActor(api, [], { residentId: resident.id });
    const stranger = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('91001', '91')]]);
    const WITHDRAW = `mutation ($r: ID!, $p: ConsentPurpose!) { withdrawConsentForPurpose(residentId: $r, purpose: $p) { id withdrawnBy } }`;
    const refused = await api.gql(
      `mutation ($id: ID!) { withdrawConsent(consentId: $id) { id } }`,
      { id: resident.consents[0].id },
      stranger.token,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('CONSENT_NOT_FOUND');
    const own = await api.gql<{ withdrawConsentForPurpose: { withdrawnBy: string } }>(
      WITHDRAW,
      { r: resident.id, p: 'LEARNING' },
      self.token,
    );
    expect(own.data!.withdrawConsentForPurpose.withdrawnBy).toBe(self.accountId);
    const seen = await api.gql<{ resident: { id: string } }>(
      `query ($id: ID!) { resident(id: $id) { id } }`,
      { id: resident.id },
      self.token,
    );
    expect(seen.data!.resident.id).toBe(resident.id);
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

async function residentCount(api: ApiHarness): Promise<number> {
  const [{ n }] = await api.sql<{ n: number }>(`select count(*)::int as n from resident`);
  return n;
}
