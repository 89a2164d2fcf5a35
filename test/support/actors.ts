import { randomBytes, randomUUID } from 'node:crypto';
import { NATION, Role, type Scope, ScopeKind } from '@hocvuso/access';
import { AccessTokenSigner } from '@hocvuso/identity';
import type { ApiHarness } from './api-harness';

export interface TestActor {
  accountId: string;
  familyId: string;
  token: string;
}

export const scopes = {
  nation: (): Scope => NATION,
  province: (code: string): Scope => ({
    kind: ScopeKind.PROVINCE,
    id: code,
    provinceCode: code,
    communeCode: null,
    villageId: null,
  }),
  commune: (code: string, provinceCode: string): Scope => ({
    kind: ScopeKind.COMMUNE,
    id: code,
    provinceCode,
    communeCode: code,
    villageId: null,
  }),
  village: (id: string, communeCode: string, provinceCode: string): Scope => ({
    kind: ScopeKind.VILLAGE,
    id,
    provinceCode,
    communeCode,
    villageId: id,
  }),
};

/**
 * An account holding `grants`, with a live login (a refresh-token family) and a signed access
 * token, written straight to the database: for tests of what an actor may do, not of logging in.
 */
export async function createActor(
  api: ApiHarness,
  grants: [Role, Scope][],
  options: { residentId?: string } = {},
): Promise<TestActor> {
  const accountId = randomUUID();
  const familyId = randomUUID();
  await api.sql(`insert into account (id, username, display_name, password_hash, resident_id) values (?, ?, ?, ?, ?)`, [
    accountId,
    `test_${accountId.slice(0, 8)}`,
    'Tài khoản thử nghiệm',
    'not-a-real-hash',
    options.residentId ?? null,
  ]);
  await api.sql(
    `insert into refresh_token (id, account_id, family_id, token_hash, expires_at) values (?, ?, ?, ?, now() + interval '1 day')`,
    [randomUUID(), accountId, familyId, randomBytes(32).toString('hex')],
  );
  for (const [role, scope] of grants) {
    await api.sql(
      `insert into role_grant (id, account_id, role, scope_kind, scope_id, province_code, commune_code, village_id) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), accountId, role, scope.kind, scope.id, scope.provinceCode, scope.communeCode, scope.villageId],
    );
  }
  const token = await api.app.get(AccessTokenSigner).sign({ sub: accountId, sid: familyId });
  return { accountId, familyId, token };
}

export { Role };
