import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '@hocvuso/geography';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes, type TestActor } from './support/actors';

// Only this file uses these values; the test database is shared by the whole run.
const CANARY_PHONE = '0987654321';
const CANARY_CITIZEN_ID = '001085123456'; // province 001, 1900s, born 1985
const CANARIES = [CANARY_PHONE, '987654321', CANARY_CITIZEN_ID, '85123456'];

const CREATE = `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id phoneMasked citizenIdMasked } }`;

describe('a canary phone number and citizen id never appear in logs, error messages or the stored tables', () => {
  let api: ApiHarness;
  let official: TestActor;
  let volunteer: TestActor;
  let outsider: TestActor;
  let villageId: string;
  let villageName: string;
  let residentId: string;
  const logs: string[] = [];
  const errors: unknown[] = [];
  const restore: (() => void)[] = [];

  /** Every write to stdout/stderr and the console while the app runs, at debug level. */
  function captureOutput(): void {
    const previousLevel = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'debug';
    restore.push(() => {
      if (previousLevel === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = previousLevel;
    });
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write;
      // pino sees a replaced write() and logs through it instead of straight to the file descriptor.
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      }) as typeof stream.write;
      restore.push(() => {
        stream.write = original;
      });
    }
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => {
        logs.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      };
      restore.push(() => {
        console[method] = original;
      });
    }
  }

  async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token?: string) {
    const result = await api.gql<T>(query, variables, token);
    if (result.errors) errors.push(...result.errors);
    return result;
  }

  beforeAll(async () => {
    captureOutput();
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
    villageName = `Thôn Chim Hoàng Yến ${randomUUID().slice(0, 6)}`;
    villageId = randomUUID();
    await api.sql(`insert into village (id, commune_code, name, kind, search_text) values (?, '92001', ?, 'THON', ?)`, [
      villageId,
      villageName,
      foldVietnamese(villageName),
    ]);
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('92001', '92')]]);
    volunteer = await createActor(api, [[Role.VOLUNTEER, scopes.commune('92001', '92')]]);
    outsider = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('91001', '91')]]);
  });

  afterAll(async () => {
    await api.close();
    for (const undo of restore.reverse()) undo();
  });

  const consent = { purposes: ['LEARNING'], method: 'ASSISTED_BY_VOLUNTEER' };
  const canaryInput = {
    villageId: '',
    fullName: 'Hoàng Yến Canary',
    birthYear: 1985,
    phone: '+84 987 654 321',
    citizenId: CANARY_CITIZEN_ID,
    consent,
  };

  it('goes through creates, reads, an unmasked read, an export, an import and failing requests', async () => {
    const created = await gql<{ createResident: { id: string; phoneMasked: string } }>(
      CREATE,
      { input: { ...canaryInput, villageId } },
      official.token,
    );
    expect(created.errors).toBeUndefined();
    residentId = created.data!.createResident.id;
    expect(created.data!.createResident.phoneMasked).toBe('098****321');

    await gql(
      `query ($id: ID!) { resident(id: $id) { id fullName phoneMasked citizenIdMasked consents { id } } }`,
      { id: residentId },
      volunteer.token,
    );
    await gql(
      `query ($v: ID!) { residents(villageId: $v, first: 10) { nodes { id phoneMasked } } }`,
      { v: villageId },
      volunteer.token,
    );
    await gql(`query ($p: String!) { residentByPhone(phone: $p) { id } }`, { p: CANARY_PHONE }, volunteer.token);
    await gql(
      `query ($c: String!) { residentByCitizenId(citizenId: $c) { id } }`,
      { c: CANARY_CITIZEN_ID },
      outsider.token,
    );

    const contact = await gql<{ residentContact: { phone: string } }>(
      `query ($id: ID!) { residentContact(id: $id) { phone citizenId } }`,
      { id: residentId },
      official.token,
    );
    expect(contact.data!.residentContact.phone).toBe(CANARY_PHONE);
    const exported = await gql<{ exportResidentData: { json: string } }>(
      `query ($id: ID!) { exportResidentData(residentId: $id) { json } }`,
      { id: residentId },
      official.token,
    );
    expect(exported.data!.exportResidentData.json).toContain(CANARY_PHONE);
    expect(exported.data!.exportResidentData.json).toContain(CANARY_CITIZEN_ID);

    // Failing requests that carry the canary.
    const failing: [Record<string, unknown>, string][] = [
      [{ ...canaryInput, villageId, fullName: 'Người Khác' }, 'DUPLICATE_RESIDENT'],
      [{ ...canaryInput, villageId, birthYear: 1986 }, 'CITIZEN_ID_BIRTH_YEAR_MISMATCH'],
      [{ ...canaryInput, villageId, fullName: `Tên ${CANARY_PHONE}` }, 'INVALID_FULL_NAME'],
      [{ ...canaryInput, villageId: randomUUID() }, 'VILLAGE_NOT_FOUND'],
      [{ ...canaryInput, villageId, consent: { purposes: [], method: 'SELF' } }, 'CONSENT_REQUIRED'],
      [{ ...canaryInput, villageId, consent: undefined }, 'BAD_REQUEST'],
      [{ ...canaryInput, villageId, birthYear: CANARY_PHONE }, 'BAD_REQUEST'],
      [{ ...canaryInput, villageId, gender: CANARY_CITIZEN_ID }, 'BAD_REQUEST'],
    ];
    for (const [input, code] of failing) {
      const result = await gql(CREATE, { input }, official.token);
      expect([input.fullName, result.errors?.[0].extensions?.code]).toEqual([input.fullName, code]);
    }
    const volunteerContact = await gql(
      `query ($id: ID!) { residentContact(id: $id) { phone } }`,
      { id: residentId },
      volunteer.token,
    );
    expect(volunteerContact.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badPhone = await gql(
      `query ($p: String!) { residentByPhone(phone: $p) { id } }`,
      { p: `${CANARY_PHONE}99` },
      official.token,
    );
    expect(badPhone.errors?.[0].extensions?.code).toBe('INVALID_PHONE');

    const csv = [
      'Họ và tên,Năm sinh,Thôn,Số điện thoại,Số CCCD',
      `Trùng Điện Thoại,1985,${villageName},${CANARY_PHONE},`,
      `Sai Thôn,1985,${CANARY_PHONE},,`,
      `Sai Năm,1990,${villageName},,${CANARY_CITIZEN_ID}`,
    ].join('\n');
    const imported = await gql<{ importResidents: unknown }>(
      `mutation ($input: ImportResidentsInput!) { importResidents(input: $input) { ok errors { row code message } duplicates { row code message } } }`,
      {
        input: {
          communeCode: '92001',
          fileName: 'ds.csv',
          contentBase64: Buffer.from(csv).toString('base64'),
          consent,
        },
      },
      official.token,
    );
    expect(imported.data!.importResidents).toMatchObject({ ok: false });
    errors.push(imported.data!.importResidents);

    await gql(
      `mutation ($id: ID!) { eraseResident(residentId: $id, reason: RESIDENT_REQUEST) { erasedAt } }`,
      { id: residentId },
      volunteer.token,
    );
  });

  it('finds the canary in no error message or detail returned', () => {
    expect(errors.length).toBeGreaterThan(10);
    const text = JSON.stringify(errors);
    for (const canary of CANARIES) expect(text).not.toContain(canary);
  });

  it('finds the canary in no log line, while the logs were captured at debug level', () => {
    const text = logs.join('');
    expect(text).toContain('resident created');
    expect(text).toContain('"level":20');
    expect(text).toContain('DUPLICATE_RESIDENT');
    for (const canary of CANARIES) expect(text).not.toContain(canary);
  });

  it('finds the canary in no table, dumped as plain text, while the resident is stored', async () => {
    const tables = await api.sql<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['resident', 'consent', 'account', 'audit_log']),
    );
    let rows = 0;
    for (const { table_name } of tables) {
      const dump = await api.sql<{ t: string }>(`select t::text as t from "${table_name}" t`);
      rows += dump.length;
      const text = dump.map((row) => row.t).join('\n');
      for (const canary of CANARIES) expect([table_name, text.includes(canary)]).toEqual([table_name, false]);
    }
    expect(rows).toBeGreaterThan(0);
    const [stored] = await api.sql<{ full_name: string; phone_cipher: string }>(
      `select full_name, phone_cipher from resident where id = ?`,
      [residentId],
    );
    expect(stored.full_name).toBe('Hoàng Yến Canary');
    expect(stored.phone_cipher).toMatch(/^v1\./);
  });
});
