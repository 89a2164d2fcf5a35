import { randomInt } from 'node:crypto';
import { loadConfig } from '@hocvuso/config';
import { AccessTokenSigner, identityErrorMessages } from '@hocvuso/identity';
import request from 'supertest';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes } from './support/actors';

// Failed logins here must not count against other files' logins (same client address).
process.env.REDIS_KEY_PREFIX = `${process.env.REDIS_KEY_PREFIX}-identity-login`;

const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) {
    accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt
    account { id username displayName phone roles grants { role scope { kind id provinceCode } } }
  }
}`;
const REFRESH = `mutation ($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken account { id } } }`;
const ME = `{ me { id username phone roles } }`;
const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;
const GRANT = `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { id } }`;

interface Session {
  accessToken: string;
  refreshToken: string;
  account: { id: string };
}

describe('logging in, refreshing, reuse detection and logging out', () => {
  let api: ApiHarness;
  let officialToken: string;
  const suffix = randomInt(1_000_000).toString().padStart(6, '0');
  const username = `can_bo_${suffix}`;
  const phone = `0912${suffix}`;
  const password = 'Mật khẩu tốt 2026';
  let accountId: string;

  const http = (body: object, token?: string) => {
    const call = request(api.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) call.set('authorization', `Bearer ${token}`);
    return call.send(body);
  };
  const login = (identifier: string, pw = password) =>
    api.gql<{ login: Session }>(LOGIN, { input: { identifier, password: pw } });
  const refresh = (token: string) => api.gql<{ refreshSession: Session }>(REFRESH, { token });
  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
  const auditLines = (action: string, actor: string | null) =>
    api.sql<{ actor_account_id: string | null; target_id: string | null; details: Record<string, unknown> }>(
      `select actor_account_id, target_id, details from audit_log where action = ? and actor_account_id is not distinct from ? order by id`,
      [action, actor],
    );

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values ('94', 'Thử 94', 'Tỉnh Thử 94', 'Test 94', 'PROVINCE', 'thu 94') on conflict do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values ('94001', '94', 'Xã 1', 'Xã Thử 1', 'Commune 1', 'XA', 'xa thu 1') on conflict do nothing`,
    );
    officialToken = (await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('94')]])).token;
    const created = await api.gql<{ createAccount: { id: string } }>(
      CREATE,
      {
        input: {
          username,
          phone: `0912 ${suffix.slice(0, 3)} ${suffix.slice(3)}`,
          displayName: 'Nguyễn Văn Cán Bộ',
          password,
        },
      },
      officialToken,
    );
    expect(created.errors).toBeUndefined();
    accountId = created.data!.createAccount.id;
    const granted = await api.gql(
      GRANT,
      { input: { accountId, role: 'VOLUNTEER', scope: { kind: 'COMMUNE', id: '94001' } } },
      officialToken,
    );
    expect(granted.errors).toBeUndefined();
  });

  afterAll(() => api.close());

  it('logs in by username (any case) and answers with tokens, the account and its roles', async () => {
    const result = await login(username.toUpperCase());
    expect(result.errors).toBeUndefined();
    const session = result.data!.login as Session & {
      accessTokenExpiresAt: string;
      refreshTokenExpiresAt: string;
      account: Record<string, unknown>;
    };
    expect(session.account).toMatchObject({
      id: accountId,
      username,
      displayName: 'Nguyễn Văn Cán Bộ',
      phone: `091****${suffix.slice(3)}`,
      roles: ['VOLUNTEER'],
    });
    expect(new Date(session.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(session.refreshTokenExpiresAt).getTime()).toBeGreaterThan(
      new Date(session.accessTokenExpiresAt).getTime(),
    );

    const me = await api.gql<{ me: { id: string } }>(ME, {}, session.accessToken);
    expect(me.data?.me.id).toBe(accountId);

    const [stored] = await api.sql<{ token_hash: string; last_login_at: Date | null }>(
      `select t.token_hash, a.last_login_at from refresh_token t join account a on a.id = t.account_id where a.id = ? order by t.created_at desc limit 1`,
      [accountId],
    );
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toBe(session.refreshToken);
    expect(stored.last_login_at).not.toBeNull();
  });

  it.each([
    [phone],
    [`+84${phone.slice(1)}`],
    [`${phone.slice(0, 4)}.${phone.slice(4, 7)}.${phone.slice(7)}`],
    [`84 ${phone.slice(1)}`],
  ])('logs in by phone written as %s', async (identifier) => {
    const result = await login(identifier);
    expect(result.errors).toBeUndefined();
    expect(result.data!.login.account.id).toBe(accountId);
  });

  it('gives the same INVALID_CREDENTIALS for a wrong password and an unknown account, and audits both without the identifier', async () => {
    const wrong = await login(username, 'not the password 1');
    const unknown = await login(`nobody_${suffix}`, 'not the password 1');
    const unknownPhone = await login('0899 000 111', 'not the password 1');
    for (const result of [wrong, unknown, unknownPhone]) {
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({
        message: identityErrorMessages.INVALID_CREDENTIALS,
        extensions: { code: 'INVALID_CREDENTIALS' },
      });
    }
    expect(wrong.errors?.[0]).toEqual(unknown.errors?.[0]);

    const failed = await auditLines('login.failed', accountId);
    expect(failed.at(-1)).toMatchObject({ target_id: accountId, details: { reason: 'WRONG_PASSWORD' } });
    const anonymousFailures = await auditLines('login.failed', null);
    expect(anonymousFailures.map((line) => line.details)).toEqual(
      expect.arrayContaining([{ reason: 'UNKNOWN_ACCOUNT' }]),
    );
    const everything = JSON.stringify(await api.sql(`select * from audit_log`));
    expect(everything).not.toContain(`nobody_${suffix}`);
    expect(everything).not.toContain(`912${suffix}`);

    const succeeded = await auditLines('login.succeeded', accountId);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses an expired access token with TOKEN_EXPIRED and 401', async () => {
    const actor = await createActor(api, []);
    const past = new Date(Date.now() - 2 * 3600_000);
    const signer = new AccessTokenSigner({ secret: Buffer.from(loadConfig().JWT_SECRET, 'utf8'), now: () => past });
    const expired = await signer.sign({ sub: actor.accountId, sid: actor.familyId });

    const response = await http({ query: ME }, expired);
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe('TOKEN_EXPIRED');
    expect((await http({ query: ME }, actor.token)).body.data.me.id).toBe(actor.accountId);
  });

  it('rotates refresh tokens: each works once, the new one works, and the access tokens stay valid', async () => {
    const first = (await login(username)).data!.login;
    const second = await refresh(first.refreshToken);
    expect(second.errors).toBeUndefined();
    expect(second.data!.refreshSession.refreshToken).not.toBe(first.refreshToken);
    expect(second.data!.refreshSession.account.id).toBe(accountId);

    const third = await refresh(second.data!.refreshSession.refreshToken);
    expect(third.errors).toBeUndefined();
    expect((await api.gql<{ me: { id: string } }>(ME, {}, third.data!.refreshSession.accessToken)).data?.me.id).toBe(
      accountId,
    );

    const familyOf = async (token: string) =>
      (
        await api.sql<{ family_id: string; used_at: Date | null }>(
          `select family_id, used_at from refresh_token where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')`,
          [token],
        )
      )[0];
    const [a, b, c] = await Promise.all(
      [first, second.data!.refreshSession, third.data!.refreshSession].map((s) => familyOf(s.refreshToken)),
    );
    expect(new Set([a.family_id, b.family_id, c.family_id]).size).toBe(1);
    expect([a.used_at, b.used_at, c.used_at].map((at) => at !== null)).toEqual([true, true, false]);
    expect(codeOf(await refresh(first.refreshToken))).toBe('REFRESH_TOKEN_REUSED');
  });

  it('treats a used refresh token coming back as theft: the whole login is revoked and its access tokens refused with 401', async () => {
    const session = (await login(username)).data!.login;
    const rotated = (await refresh(session.refreshToken)).data!.refreshSession;

    const reused = await refresh(session.refreshToken);
    expect(codeOf(reused)).toBe('REFRESH_TOKEN_REUSED');
    expect(codeOf(await refresh(rotated.refreshToken))).toBe('REFRESH_TOKEN_INVALID');
    for (const token of [session.accessToken, rotated.accessToken]) {
      const response = await http({ query: ME }, token);
      expect(response.status).toBe(401);
      expect(response.body.errors[0].extensions.code).toBe('TOKEN_INVALID');
    }
    const [{ live }] = await api.sql<{ live: string }>(
      `select count(*) as live from refresh_token where family_id = (select family_id from refresh_token where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')) and revoked_at is null`,
      [session.refreshToken],
    );
    expect(Number(live)).toBe(0);
    expect((await auditLines('refresh_token.reused', accountId)).length).toBeGreaterThanOrEqual(1);
  });

  it('lets exactly one of two concurrent refreshes with the same token succeed', async () => {
    const session = (await login(username)).data!.login;
    const results = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
    const succeeded = results.filter((result) => result.data?.refreshSession);
    expect(succeeded).toHaveLength(1);
    expect(results.map(codeOf).filter(Boolean)).toEqual(['REFRESH_TOKEN_REUSED']);
    const [{ used }] = await api.sql<{ used: string }>(
      `select count(*) as used from refresh_token where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex') and used_at is not null`,
      [session.refreshToken],
    );
    expect(Number(used)).toBe(1);
  });

  it('refuses unknown and expired refresh tokens with their own codes', async () => {
    expect(codeOf(await refresh('not-a-token'))).toBe('REFRESH_TOKEN_INVALID');
    const session = (await login(username)).data!.login;
    await api.sql(
      `update refresh_token set expires_at = now() - interval '1 second' where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')`,
      [session.refreshToken],
    );
    expect(codeOf(await refresh(session.refreshToken))).toBe('REFRESH_TOKEN_EXPIRED');
  });

  it('logs out: the refresh token and the access token of that login stop working; another login is untouched', async () => {
    const session = (await login(username)).data!.login;
    const other = (await login(phone)).data!.login;
    const out = await api.gql<{ logout: boolean }>(`mutation { logout }`, {}, session.accessToken);
    expect(out).toEqual({ data: { logout: true } });

    expect((await http({ query: ME }, session.accessToken)).status).toBe(401);
    expect(codeOf(await refresh(session.refreshToken))).toBe('REFRESH_TOKEN_INVALID');
    expect((await api.gql<{ me: { id: string } }>(ME, {}, other.accessToken)).data?.me.id).toBe(accountId);
    expect(codeOf(await api.gql(`mutation { logout }`))).toBe('UNAUTHENTICATED');
    expect((await auditLines('logout', accountId)).length).toBe(1);
  });
});
