import { randomInt } from 'node:crypto';
import { loadConfig } from '@hocvuso/config';
import { REDIS } from '@hocvuso/redis';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes } from './support/actors';

// Low limits and counters of our own, so the limits are reached quickly and no other file is affected.
process.env.REDIS_KEY_PREFIX = `${process.env.REDIS_KEY_PREFIX}-login-limits`;
process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = '3';
process.env.LOGIN_MAX_FAILURES_PER_IP = '6';
process.env.LOGIN_FAILURE_WINDOW_SECONDS = '600';
// As behind the load balancer: the client's address comes from X-Forwarded-For set by a local proxy.
process.env.TRUST_PROXY = 'loopback';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken account { id } } }`;
const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;

interface LoginError {
  message: string;
  extensions: { code: string; details?: { retryAfterSeconds?: number } };
}

describe('failed logins are rate limited per account and per client address', () => {
  let api: ApiHarness;
  let redis: Redis;
  let officialToken: string;
  const password = 'Mật khẩu tốt 2026';
  const prefix = () => loadConfig().REDIS_KEY_PREFIX;

  const login = async (identifier: string, pw = password) => {
    const result = await api.gql<{ login: { account: { id: string } } }>(LOGIN, {
      input: { identifier, password: pw },
    });
    return { ok: result.data?.login ?? null, error: (result.errors?.[0] ?? null) as LoginError | null };
  };
  const newAccount = async () => {
    const suffix = randomInt(1_000_000).toString().padStart(6, '0');
    const input = { username: `gioi_han_${suffix}`, phone: `0988${suffix}`, displayName: 'Tình nguyện viên', password };
    const created = await api.gql<{ createAccount: { id: string } }>(CREATE, { input }, officialToken);
    expect(created.errors).toBeUndefined();
    return { id: created.data!.createAccount.id, username: input.username, phone: input.phone };
  };
  const clearCounters = async () => {
    const keys = await redis.keys(`${prefix()}:login-failures:*`);
    if (keys.length > 0) await redis.del(...keys);
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    redis = api.app.get<Redis>(REDIS);
    officialToken = (await createActor(api, [[Role.ADMIN, scopes.nation()]])).token;
  });

  beforeEach(clearCounters);

  afterAll(async () => {
    await clearCounters();
    await api.close();
  });

  it('refuses the account after 3 failures, before checking the password, with the wait in Vietnamese', async () => {
    const account = await newAccount();
    for (let i = 0; i < 3; i++)
      expect((await login(account.username, 'wrong password 1')).error?.extensions.code).toBe('INVALID_CREDENTIALS');

    const refused = await login(account.username);
    expect(refused.ok).toBeNull();
    expect(refused.error?.extensions.code).toBe('LOGIN_RATE_LIMITED');
    expect(refused.error?.message).toBe('Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 10 phút.');
    const retryAfter = refused.error!.extensions.details!.retryAfterSeconds!;
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);

    // One counter per account, whichever identifier names it; the phone is never in a key.
    expect((await login(account.phone)).error?.extensions.code).toBe('LOGIN_RATE_LIMITED');
    const keys = await redis.keys(`${prefix()}:*`);
    expect(keys).toContain(`${prefix()}:login-failures:account:${account.id}`);
    expect(keys.join(' ')).not.toContain(account.phone.slice(1));
    expect(await redis.ttl(`${prefix()}:login-failures:account:${account.id}`)).toBeGreaterThan(0);

    const audited = await api.sql<{ details: { limitedBy: string; retryAfterSeconds: number } }>(
      `select details from audit_log where action = 'login.rate_limited' and actor_account_id = ?`,
      [account.id],
    );
    expect(audited).toHaveLength(2);
    expect(audited[0].details.limitedBy).toBe('account');

    // When the window ends (the key expires), the right password works again.
    await redis.del(`${prefix()}:login-failures:account:${account.id}`);
    expect((await login(account.username)).ok?.account.id).toBe(account.id);
  });

  it('resets the account counter on a successful login', async () => {
    const account = await newAccount();
    for (let i = 0; i < 2; i++) await login(account.username, 'wrong password 1');
    expect((await login(account.username)).ok).not.toBeNull();
    for (let i = 0; i < 2; i++) await login(account.username, 'wrong password 1');
    expect((await login(account.username)).ok?.account.id).toBe(account.id);
  });

  it('limits unknown identifiers the same way, so limits reveal nothing about which accounts exist', async () => {
    const unknown = `khong_co_${randomInt(1_000_000)}`;
    for (let i = 0; i < 3; i++)
      expect((await login(unknown, 'wrong password 1')).error?.extensions.code).toBe('INVALID_CREDENTIALS');
    expect((await login(unknown, 'wrong password 1')).error?.extensions.code).toBe('LOGIN_RATE_LIMITED');
  });

  it('refuses every login from an address after 6 failures spread over many accounts', async () => {
    const account = await newAccount();
    for (let i = 0; i < 6; i++) {
      expect((await login(`ai_do_${i}_${randomInt(1_000_000)}`, 'wrong password 1')).error?.extensions.code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const refused = await login(account.username);
    expect(refused.error?.extensions.code).toBe('LOGIN_RATE_LIMITED');
    const [line] = await api.sql<{ details: { limitedBy: string } }>(
      `select details from audit_log where action = 'login.rate_limited' and actor_account_id = ? order by id desc limit 1`,
      [account.id],
    );
    expect(line.details.limitedBy).toBe('ip');
    // The account itself has no failures: its counter was never touched.
    expect(await redis.exists(`${prefix()}:login-failures:account:${account.id}`)).toBe(0);
  });

  it('behind a trusted proxy, counts each forwarded client address on its own', async () => {
    const loginFrom = async (clientAddress: string, identifier: string, pw: string) => {
      const response = await request(api.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-forwarded-for', clientAddress)
        .send({ query: LOGIN, variables: { input: { identifier, password: pw } } });
      return (response.body as { errors?: LoginError[] }).errors?.[0]?.extensions.code ?? 'OK';
    };
    const account = await newAccount();
    for (let i = 0; i < 6; i++) {
      expect(await loginFrom('198.51.100.7', `may_lang_${i}_${randomInt(1_000_000)}`, 'wrong password 1')).toBe(
        'INVALID_CREDENTIALS',
      );
    }

    expect(await loginFrom('198.51.100.7', account.username, password)).toBe('LOGIN_RATE_LIMITED');
    expect(await loginFrom('198.51.100.8', account.username, password)).toBe('OK');
  });
});
