import { type Actor, NATION, Role, type Scope, ScopeKind } from '@hocvuso/access';
import { decideGrant, grantsInsideSql } from './grant-rules';

const province = (code: string): Scope => ({
  kind: ScopeKind.PROVINCE,
  id: code,
  provinceCode: code,
  communeCode: null,
  villageId: null,
});
const commune = (code: string, provinceCode: string): Scope => ({
  kind: ScopeKind.COMMUNE,
  id: code,
  provinceCode,
  communeCode: code,
  villageId: null,
});

const actor = (...grants: [Role, Scope][]): Actor => ({
  kind: 'account',
  accountId: 'a1',
  residentId: null,
  sessionId: 's1',
  grants: grants.map(([role, scope], i) => ({ id: `g${i}`, role, scope })),
});

describe('decideGrant', () => {
  it('lets a province official grant in its communes but not in another province', () => {
    const official = actor([Role.PROVINCE_OFFICIAL, province('94')]);
    expect(decideGrant(official, Role.COMMUNE_OFFICIAL, commune('94001', '94'))).toBe('ALLOWED');
    expect(decideGrant(official, Role.COMMUNE_OFFICIAL, commune('93001', '93'))).toBe('OUT_OF_SCOPE');
  });

  it('keeps a commune official from handing out roles above its own, and from acting on its province', () => {
    const official = actor([Role.COMMUNE_OFFICIAL, commune('94001', '94')]);
    expect(decideGrant(official, Role.VOLUNTEER, commune('94001', '94'))).toBe('ALLOWED');
    expect(decideGrant(official, Role.PROVINCE_OFFICIAL, commune('94001', '94'))).toBe('ROLE_NOT_GRANTABLE');
    expect(decideGrant(official, Role.PROVINCE_OFFICIAL, province('94'))).toBe('OUT_OF_SCOPE');
  });

  it('gives nothing to holders of roles without GRANTS_MANAGE, nor to anonymous callers', () => {
    expect(decideGrant(actor([Role.VOLUNTEER, commune('94001', '94')]), Role.VOLUNTEER, commune('94001', '94'))).toBe(
      'OUT_OF_SCOPE',
    );
    expect(decideGrant({ kind: 'anonymous' }, Role.VOLUNTEER, commune('94001', '94'))).toBe('OUT_OF_SCOPE');
  });

  it('lets only a nation-wide admin grant on the nation', () => {
    expect(decideGrant(actor([Role.ADMIN, NATION]), Role.ADMIN, NATION)).toBe('ALLOWED');
    expect(decideGrant(actor([Role.PROVINCE_OFFICIAL, province('94')]), Role.ADMIN, NATION)).toBe('OUT_OF_SCOPE');
  });
});

describe('grantsInsideSql', () => {
  it('turns scopes into one condition, everything for the nation and nothing for no scope', () => {
    expect(grantsInsideSql([province('94'), commune('93001', '93')], 'g')).toEqual({
      sql: '(g.province_code = ? or g.commune_code = ?)',
      params: ['94', '93001'],
    });
    expect(grantsInsideSql([province('94'), NATION], 'g')).toEqual({ sql: 'true', params: [] });
    expect(grantsInsideSql([], 'g')).toEqual({ sql: 'false', params: [] });
  });
});
