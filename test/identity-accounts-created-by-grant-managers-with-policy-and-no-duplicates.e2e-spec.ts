import { randomInt } from 'node:crypto';
import { identityErrorMessages } from '@hocvuso/identity';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes } from './support/actors';

const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id username displayName phone status roles } }`;
const GRANT = `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { id } }`;
const ACCOUNT = `query ($id: ID!) { account(id: $id) { id displayName phone roles grants { role scope { kind id } } } }`;
const ME = `{ me { id username phone roles grants { role scope { kind id provinceCode communeCode } } } }`;

describe('accounts are created by grant managers, with a password policy and without duplicates', () => {
  let api: ApiHarness;
  let official: Awaited<ReturnType<typeof createActor>>;
  const password = 'Mật khẩu tốt 2026';
  const unique = () => randomInt(1_000_000).toString().padStart(6, '0');
  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
  const create = (input: Record<string, unknown>, token = official.token) =>
    api.gql<{ createAccount: { id: string; phone: string | null; username: string | null; roles: string[] } }>(
      CREATE,
      { input },
      token,
    );
  const accountsNamed = async (username: string) =>
    Number((await api.sql<{ n: string }>(`select count(*) as n from account where username = ?`, [username]))[0].n);

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values
         ('94', 'Thử 94', 'Tỉnh Thử 94', 'Test 94', 'PROVINCE', 'thu 94'), ('93', 'Thử 93', 'Tỉnh Thử 93', 'Test 93', 'PROVINCE', 'thu 93')
       on conflict do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('94001', '94', 'Xã 1', 'Xã Thử 1', 'Commune 1', 'XA', 'xa thu 1'), ('93001', '93', 'Xã 3', 'Xã Thử 3', 'Commune 3', 'XA', 'xa thu 3')
       on conflict do nothing`,
    );
    official = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('94001', '94')]]);
  });

  afterAll(() => api.close());

  it('creates an account with a normalised username, an encrypted phone shown masked, and an audit line', async () => {
    const suffix = unique();
    const result = await create({
      username: `  Tap_Huan_${suffix} `,
      phone: `+84 913 ${suffix}`,
      displayName: '  Trần   Thị Huấn ',
      password,
    });
    expect(result.errors).toBeUndefined();
    const account = result.data!.createAccount;
    expect(account).toMatchObject({
      username: `tap_huan_${suffix}`,
      phone: `091****${suffix.slice(3)}`,
      status: 'ACTIVE',
      roles: [],
    });

    const [row] = await api.sql<{
      display_name: string;
      phone_cipher: string;
      phone_hash: string;
      password_hash: string;
    }>(`select display_name, phone_cipher, phone_hash, password_hash from account where id = ?`, [account.id]);
    expect(row.display_name).toBe('Trần Thị Huấn');
    expect(row.phone_cipher).toMatch(/^v1\./);
    expect(row.phone_cipher).not.toContain(suffix);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const [audit] = await api.sql<{ actor_account_id: string; details: Record<string, unknown> }>(
      `select actor_account_id, details from audit_log where action = 'account.created' and target_id = ?`,
      [account.id],
    );
    expect(audit).toEqual({ actor_account_id: official.accountId, details: { hasUsername: true, hasPhone: true } });
  });

  it.each([
    ['a short password', { password: 'abc12' }, 'PASSWORD_TOO_SHORT'],
    ['an all-digit password', { password: '1234567890' }, 'PASSWORD_ALL_DIGITS'],
    ['the username as password', { password: 'USERNAME' }, 'PASSWORD_SAME_AS_IDENTIFIER'],
    ['no username and no phone', { username: null, phone: null }, 'IDENTIFIER_REQUIRED'],
    ['a username that looks like a phone', { username: '0912345678' }, 'INVALID_USERNAME'],
    ['a landline number', { phone: '024 3825 1234' }, 'INVALID_PHONE'],
    ['an empty display name', { displayName: '   ' }, 'INVALID_DISPLAY_NAME'],
  ])('refuses %s with a clear code and writes nothing', async (_label, override, code) => {
    const username = `chinh_sach_${unique()}`;
    const input = { username, displayName: 'Người thử', password, ...override };
    if (input.password === 'USERNAME') input.password = username;
    const result = await create(input);
    expect(codeOf(result)).toBe(code);
    expect(result.errors?.[0].message).toBe(identityErrorMessages[code as keyof typeof identityErrorMessages]);
    expect(await accountsNamed(username)).toBe(0);
  });

  it('answers a second create with the same username or phone with ACCOUNT_EXISTS and keeps one account', async () => {
    const suffix = unique();
    const input = { username: `lap_lai_${suffix}`, phone: `0914${suffix}`, displayName: 'Lặp lại', password };
    expect((await create(input)).errors).toBeUndefined();

    const retry = await create(input);
    expect(codeOf(retry)).toBe('ACCOUNT_EXISTS');
    expect(retry.errors?.[0].extensions?.details).toEqual({ field: 'username' });
    const samePhone = await create({ ...input, username: `khac_${suffix}`, phone: `0914.${suffix}` });
    expect(samePhone.errors?.[0].extensions).toMatchObject({ code: 'ACCOUNT_EXISTS', details: { field: 'phone' } });
    expect(await accountsNamed(input.username)).toBe(1);
    expect(await accountsNamed(`khac_${suffix}`)).toBe(0);

    const concurrent = { ...input, username: `dong_thoi_${suffix}`, phone: null };
    const results = await Promise.all([create(concurrent), create(concurrent)]);
    expect(results.map(codeOf).sort()).toEqual(['ACCOUNT_EXISTS', undefined]);
    expect(await accountsNamed(concurrent.username)).toBe(1);
  });

  it('lets only grant managers create accounts', async () => {
    const volunteer = await createActor(api, [[Role.VOLUNTEER, scopes.commune('94001', '94')]]);
    const input = { username: `khong_duoc_${unique()}`, displayName: 'Không được', password };
    expect(codeOf(await create(input, volunteer.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(CREATE, { input }))).toBe('UNAUTHENTICATED');
    expect(await accountsNamed(input.username)).toBe(0);
  });

  it('shows the caller its own account and grants on `me`, with the phone masked', async () => {
    const me = await api.gql<{ me: Record<string, unknown> }>(ME, {}, official.token);
    expect(me.data?.me).toMatchObject({
      id: official.accountId,
      phone: null,
      roles: ['COMMUNE_OFFICIAL'],
      grants: [
        { role: 'COMMUNE_OFFICIAL', scope: { kind: 'COMMUNE', id: '94001', provinceCode: '94', communeCode: '94001' } },
      ],
    });
    expect(codeOf(await api.gql(ME))).toBe('UNAUTHENTICATED');
  });

  it('shows an account to managers whose scope holds one of its grants, and to nobody else (ACCOUNT_NOT_FOUND)', async () => {
    const created = (
      await create({ username: `xem_${unique()}`, phone: `0915${unique()}`, displayName: 'Người được xem', password })
    ).data!.createAccount;
    expect(
      (
        await api.gql(
          GRANT,
          { input: { accountId: created.id, role: 'TRAINER', scope: { kind: 'COMMUNE', id: '94001' } } },
          official.token,
        )
      ).errors,
    ).toBeUndefined();
    const otherProvince = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('93')]]);
    await api.sql(
      `insert into role_grant (id, account_id, role, scope_kind, scope_id, province_code, commune_code) values (gen_random_uuid(), ?, 'VOLUNTEER', 'COMMUNE', '93001', '93', '93001')`,
      [created.id],
    );

    const seen = await api.gql<{ account: { grants: { role: string; scope: { id: string } }[]; phone: string } }>(
      ACCOUNT,
      { id: created.id },
      official.token,
    );
    expect(seen.errors).toBeUndefined();
    // Only the grants inside the viewer's scope.
    expect(seen.data!.account.grants).toEqual([{ role: 'TRAINER', scope: { kind: 'COMMUNE', id: '94001' } }]);
    expect(seen.data!.account.phone).toMatch(/^091\*\*\*\*\d{3}$/);

    const seenFrom93 = await api.gql<{ account: { grants: { role: string }[] } }>(
      ACCOUNT,
      { id: created.id },
      otherProvince.token,
    );
    expect(seenFrom93.data?.account.grants.map((g) => g.role)).toEqual(['VOLUNTEER']);

    const stranger = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('94002', '94')]]);
    const hidden = await api.gql(ACCOUNT, { id: created.id }, stranger.token);
    const missing = await api.gql(ACCOUNT, { id: '00000000-0000-4000-8000-000000000000' }, stranger.token);
    expect(codeOf(hidden)).toBe('ACCOUNT_NOT_FOUND');
    expect(hidden.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(codeOf(missing)).toBe('ACCOUNT_NOT_FOUND');
  });
});
