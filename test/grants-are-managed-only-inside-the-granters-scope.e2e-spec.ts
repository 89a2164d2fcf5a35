import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { ApiHarness } from './support/api-harness';
import { createActor, Role, scopes } from './support/actors';

const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;
const GRANT = `mutation ($input: GrantRoleInput!) {
  grantRole(input: $input) { id accountId role grantedBy revokedAt scope { kind id provinceCode communeCode villageId } }
}`;
const REVOKE = `mutation ($id: ID!) { revokeGrant(id: $id) { id revokedAt } }`;
const GRANTS = `query ($accountId: ID!, $first: Int, $after: String, $includeRevoked: Boolean) {
  grants(accountId: $accountId, first: $first, after: $after, includeRevoked: $includeRevoked) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id role scope { kind id } revokedAt }
  }
}`;

interface GrantResult {
  id: string;
  accountId: string;
  role: string;
  grantedBy: string;
  revokedAt: string | null;
  scope: {
    kind: string;
    id: string;
    provinceCode: string | null;
    communeCode: string | null;
    villageId: string | null;
  };
}

describe('grants are managed only inside the granter’s scope', () => {
  let api: ApiHarness;
  let provinceOfficial: Awaited<ReturnType<typeof createActor>>;
  let communeOfficial: Awaited<ReturnType<typeof createActor>>;
  let target: string;
  const villageId = randomUUID();
  const venueId = randomUUID();
  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
  const grant = (token: string, role: string, kind: string, id: string, accountId = target) =>
    api.gql<{ grantRole: GrantResult }>(GRANT, { input: { accountId, role, scope: { kind, id } } }, token);
  const activeGrants = async (accountId: string) =>
    api.sql<{ role: string; scope_id: string }>(
      `select role, scope_id from role_grant where account_id = ? and revoked_at is null order by created_at, id`,
      [accountId],
    );

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.sql(
      `insert into province (code, name, full_name, name_en, kind, search_text) values
         ('94', 'Thử 94', 'Tỉnh Thử 94', 'Test 94', 'PROVINCE', 'thu 94'), ('93', 'Thử 93', 'Tỉnh Thử 93', 'Test 93', 'PROVINCE', 'thu 93')
       on conflict do nothing`,
    );
    await api.sql(
      `insert into commune (code, province_code, name, full_name, name_en, kind, search_text) values
         ('94001', '94', 'Xã 1', 'Xã Thử 1', 'Commune 1', 'XA', 'xa thu 1'), ('94002', '94', 'Xã 2', 'Xã Thử 2', 'Commune 2', 'XA', 'xa thu 2'),
         ('93001', '93', 'Xã 3', 'Xã Thử 3', 'Commune 3', 'XA', 'xa thu 3')
       on conflict do nothing`,
    );
    await api.sql(
      `insert into village (id, commune_code, name, kind, search_text) values (?, '94001', 'Thôn Cấp Quyền', 'THON', ?)`,
      [villageId, `thon cap quyen ${villageId}`],
    );
    await api.sql(`insert into venue (id, village_id, name, search_text) values (?, ?, 'Nhà văn hóa', 'nha van hoa')`, [
      venueId,
      villageId,
    ]);
    provinceOfficial = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('94')]]);
    communeOfficial = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('94001', '94')]]);
    const created = await api.gql<{ createAccount: { id: string } }>(
      CREATE,
      {
        input: {
          username: `nhan_quyen_${randomInt(1_000_000)}`,
          displayName: 'Người nhận quyền',
          password: 'Mật khẩu tốt 2026',
        },
      },
      provinceOfficial.token,
    );
    target = created.data!.createAccount.id;
  });

  afterAll(() => api.close());

  it('lets a province official grant in its communes, storing the ancestry, with an audit line', async () => {
    const result = await grant(provinceOfficial.token, 'COMMUNE_OFFICIAL', 'COMMUNE', '94001');
    expect(result.errors).toBeUndefined();
    expect(result.data!.grantRole).toMatchObject({
      accountId: target,
      role: 'COMMUNE_OFFICIAL',
      grantedBy: provinceOfficial.accountId,
      revokedAt: null,
      scope: { kind: 'COMMUNE', id: '94001', provinceCode: '94', communeCode: '94001', villageId: null },
    });
    const [audit] = await api.sql<{ actor_account_id: string; details: Record<string, unknown> }>(
      `select actor_account_id, details from audit_log where action = 'grant.created' and target_id = ?`,
      [result.data!.grantRole.id],
    );
    expect(audit).toEqual({
      actor_account_id: provinceOfficial.accountId,
      details: { accountId: target, role: 'COMMUNE_OFFICIAL', scopeKind: 'COMMUNE', scopeId: '94001' },
    });
  });

  it('returns the existing grant when the same grant is asked for again', async () => {
    const first = await grant(communeOfficial.token, 'VOLUNTEER', 'VILLAGE', villageId);
    const again = await grant(communeOfficial.token, 'VOLUNTEER', 'VILLAGE', villageId);
    expect(first.data!.grantRole.scope).toEqual({
      kind: 'VILLAGE',
      id: villageId,
      provinceCode: '94',
      communeCode: '94001',
      villageId,
    });
    expect(again.data!.grantRole.id).toBe(first.data!.grantRole.id);
    const rows = (await activeGrants(target)).filter((g) => g.role === 'VOLUNTEER');
    expect(rows).toHaveLength(1);
    const audits = await api.sql(`select 1 from audit_log where action = 'grant.created' and target_id = ?`, [
      first.data!.grantRole.id,
    ]);
    expect(audits).toHaveLength(1);
  });

  it('resolves a venue to its village, commune and province', async () => {
    const result = await grant(communeOfficial.token, 'VENUE_FACILITATOR', 'VENUE', venueId);
    expect(result.data!.grantRole.scope).toEqual({
      kind: 'VENUE',
      id: venueId,
      provinceCode: '94',
      communeCode: '94001',
      villageId,
    });
  });

  it('answers a scope in another province exactly like a scope that does not exist (SCOPE_NOT_FOUND)', async () => {
    const before = await activeGrants(target);
    const otherProvince = await grant(provinceOfficial.token, 'COMMUNE_OFFICIAL', 'COMMUNE', '93001');
    const nowhere = await grant(provinceOfficial.token, 'COMMUNE_OFFICIAL', 'COMMUNE', '99999');
    const otherCommune = await grant(communeOfficial.token, 'VOLUNTEER', 'COMMUNE', '94002');
    const province = await grant(communeOfficial.token, 'YOUTH_LEADER', 'PROVINCE', '94');
    const nation = await grant(provinceOfficial.token, 'ADMIN', 'NATION', 'VN');
    for (const result of [otherProvince, nowhere, otherCommune, province, nation]) {
      expect(result.data).toBeNull();
      expect(codeOf(result)).toBe('SCOPE_NOT_FOUND');
    }
    expect(otherProvince.errors![0].message).toBe(nowhere.errors![0].message);
    expect(await activeGrants(target)).toEqual(before);
  });

  it('keeps a commune official from handing out roles above its own', async () => {
    expect(codeOf(await grant(communeOfficial.token, 'PROVINCE_OFFICIAL', 'PROVINCE', '94'))).toBe('SCOPE_NOT_FOUND');
    expect(codeOf(await grant(communeOfficial.token, 'PROVINCE_OFFICIAL', 'COMMUNE', '94001'))).toBe(
      'ROLE_SCOPE_MISMATCH',
    );
    expect(codeOf(await grant(provinceOfficial.token, 'ADMIN', 'PROVINCE', '94'))).toBe('ROLE_SCOPE_MISMATCH');
    expect(codeOf(await grant(communeOfficial.token, 'YOUTH_LEADER', 'COMMUNE', '94001'))).toBeUndefined();
    const youth = await createActor(api, [[Role.YOUTH_LEADER, scopes.commune('94001', '94')]]);
    expect(codeOf(await grant(youth.token, 'TRAINER', 'COMMUNE', '94001'))).toBe('ROLE_NOT_GRANTABLE');
    expect((await activeGrants(target)).map((g) => g.role)).not.toContain('TRAINER');
  });

  it('refuses unknown TEAM scopes, unknown accounts, callers without GRANTS_MANAGE and anonymous callers', async () => {
    expect(codeOf(await grant(communeOfficial.token, 'VOLUNTEER', 'TEAM', randomUUID()))).toBe('SCOPE_NOT_FOUND');
    expect(codeOf(await grant(communeOfficial.token, 'VOLUNTEER', 'COMMUNE', '94001', randomUUID()))).toBe(
      'ACCOUNT_NOT_FOUND',
    );
    const volunteer = await createActor(api, [[Role.VOLUNTEER, scopes.commune('94001', '94')]]);
    expect(codeOf(await grant(volunteer.token, 'VOLUNTEER', 'COMMUNE', '94001'))).toBe('SCOPE_NOT_FOUND');
    const anonymous = await api.gql(GRANT, {
      input: { accountId: target, role: 'VOLUNTEER', scope: { kind: 'COMMUNE', id: '94001' } },
    });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(
      codeOf(
        await api.gql(
          GRANT,
          { input: { accountId: target, role: 'WIZARD', scope: { kind: 'COMMUNE', id: '94001' } } },
          communeOfficial.token,
        ),
      ),
    ).toBe('BAD_REQUEST');
  });

  it('lets an admin on the nation grant ADMIN on the nation', async () => {
    const admin = await createActor(api, [[Role.ADMIN, scopes.nation()]]);
    const granted = await grant(admin.token, 'ADMIN', 'NATION', 'VN');
    expect(granted.data!.grantRole.scope).toMatchObject({ kind: 'NATION', id: 'VN' });
    expect((await activeGrants(target)).map((g) => g.role)).toContain('ADMIN');
    expect((await api.gql(REVOKE, { id: granted.data!.grantRole.id }, admin.token)).errors).toBeUndefined();
    expect((await activeGrants(target)).map((g) => g.role)).not.toContain('ADMIN');
  });

  it('revokes a grant in scope (audited, idempotent), takes it from the holder at once, and hides grants out of scope', async () => {
    const holder = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('94001', '94')]]);
    const given = (await grant(provinceOfficial.token, 'TRAINER', 'COMMUNE', '94001', holder.accountId)).data!
      .grantRole;
    const [ownGrant] = await api.sql<{ id: string }>(
      `select id from role_grant where account_id = ? and role = 'COMMUNE_OFFICIAL'`,
      [holder.accountId],
    );

    const otherProvince = await createActor(api, [[Role.PROVINCE_OFFICIAL, scopes.province('93')]]);
    expect(codeOf(await api.gql(REVOKE, { id: ownGrant.id }, otherProvince.token))).toBe('GRANT_NOT_FOUND');
    expect(codeOf(await api.gql(REVOKE, { id: ownGrant.id }, communeOfficial.token))).toBeUndefined();
    expect(codeOf(await api.gql(REVOKE, { id: randomUUID() }, provinceOfficial.token))).toBe('GRANT_NOT_FOUND');

    const revoked = await api.gql<{ revokeGrant: { revokedAt: string } }>(
      REVOKE,
      { id: given.id },
      provinceOfficial.token,
    );
    expect(revoked.data!.revokeGrant.revokedAt).not.toBeNull();
    const again = await api.gql<{ revokeGrant: { revokedAt: string } }>(
      REVOKE,
      { id: given.id },
      provinceOfficial.token,
    );
    expect(again.data!.revokeGrant.revokedAt).toBe(revoked.data!.revokeGrant.revokedAt);
    expect(
      await api.sql(`select 1 from audit_log where action = 'grant.revoked' and target_id = ?`, [given.id]),
    ).toHaveLength(1);

    // The holder lost COMMUNE_OFFICIAL (revoked above by the commune official): it can no longer grant.
    expect(codeOf(await grant(holder.token, 'VOLUNTEER', 'COMMUNE', '94001'))).toBe('SCOPE_NOT_FOUND');
    const me = await request(api.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${holder.token}`)
      .send({ query: '{ me { roles } }' });
    expect(me.body.data.me.roles).toEqual([]);
  });

  it('lists an account’s grants inside the caller’s scope, page by page', async () => {
    const listed = await createActor(api, []);
    for (const [role, kind, id] of [
      ['VOLUNTEER', 'COMMUNE', '94001'],
      ['TRAINER', 'COMMUNE', '94001'],
      ['TRAINER', 'COMMUNE', '94002'],
      ['TEAM_LEADER', 'VILLAGE', villageId],
    ]) {
      expect((await grant(provinceOfficial.token, role, kind, id, listed.accountId)).errors).toBeUndefined();
    }
    await api.sql(
      `insert into role_grant (id, account_id, role, scope_kind, scope_id, province_code, commune_code) values (?, ?, 'VOLUNTEER', 'COMMUNE', '93001', '93', '93001')`,
      [randomUUID(), listed.accountId],
    );

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result: {
        data?: {
          grants: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            nodes: { id: string; scope: { id: string } }[];
          };
        } | null;
      } = await api.gql(GRANTS, { accountId: listed.accountId, first: 3, after }, provinceOfficial.token);
      expect(result.data!.grants.totalCount).toBe(4);
      seen.push(...result.data!.grants.nodes.map((n) => n.scope.id));
      if (!result.data!.grants.pageInfo.hasNextPage) break;
      after = result.data!.grants.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(['94001', '94001', '94002', villageId].sort());

    const communeView = await api.gql<{ grants: { totalCount: number } }>(
      GRANTS,
      { accountId: listed.accountId, first: 50 },
      communeOfficial.token,
    );
    expect(communeView.data!.grants.totalCount).toBe(3);
    const own = await api.gql<{ grants: { totalCount: number } }>(
      GRANTS,
      { accountId: listed.accountId, first: 50 },
      listed.token,
    );
    expect(own.data!.grants.totalCount).toBe(5);
    const stranger = await createActor(api, [[Role.COMMUNE_OFFICIAL, scopes.commune('93001', '93')]]);
    expect(codeOf(await api.gql(GRANTS, { accountId: target, first: 10 }, stranger.token))).toBe('ACCOUNT_NOT_FOUND');
    expect(
      codeOf(await api.gql(GRANTS, { accountId: listed.accountId, first: 10, after: 'bad' }, provinceOfficial.token)),
    ).toBe('INVALID_CURSOR');
  });
});
