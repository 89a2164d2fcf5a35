import { ANONYMOUS, type Actor, can, scopesWith } from './actor';
import { Permission, Role } from './roles';
import { NATION, type Scope, ScopeKind } from './scope';

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
const village = (id: string, communeCode: string, provinceCode: string): Scope => ({
  kind: ScopeKind.VILLAGE,
  id,
  provinceCode,
  communeCode,
  villageId: id,
});

const account = (...grants: [Role, Scope][]): Actor => ({
  kind: 'account',
  accountId: 'a1',
  residentId: null,
  sessionId: 's1',
  grants: grants.map(([role, scope], i) => ({ id: `g${i}`, role, scope })),
});

describe('can', () => {
  const hungYen = province('33');
  const phoHien = commune('11953', '33');
  const baDinh = commune('00004', '01');
  const dongTao = village('v1', '11953', '33');

  it('lets a province official act in its communes and villages, not in another province', () => {
    const official = account([Role.PROVINCE_OFFICIAL, hungYen]);
    expect(can(official, Permission.GEOGRAPHY_MANAGE, hungYen)).toBe(true);
    expect(can(official, Permission.GEOGRAPHY_MANAGE, phoHien)).toBe(true);
    expect(can(official, Permission.GEOGRAPHY_MANAGE, dongTao)).toBe(true);
    expect(can(official, Permission.GEOGRAPHY_MANAGE, baDinh)).toBe(false);
  });

  it('does not let a commune official act on its province', () => {
    const official = account([Role.COMMUNE_OFFICIAL, phoHien]);
    expect(can(official, Permission.RESIDENTS_READ, dongTao)).toBe(true);
    expect(can(official, Permission.RESIDENTS_READ, hungYen)).toBe(false);
  });

  it('keeps unmasked reads away from volunteers and everything away from anonymous callers', () => {
    const volunteer = account([Role.VOLUNTEER, phoHien]);
    expect(can(volunteer, Permission.RESIDENTS_READ, dongTao)).toBe(true);
    expect(can(volunteer, Permission.RESIDENTS_READ_UNMASKED, dongTao)).toBe(false);
    expect(can(ANONYMOUS, Permission.RESIDENTS_READ, dongTao)).toBe(false);
  });

  it('gives an admin every permission everywhere', () => {
    const admin = account([Role.ADMIN, NATION]);
    for (const permission of Object.values(Permission)) expect(can(admin, permission, baDinh)).toBe(true);
  });

  it('adds up several grants and lists the scopes that carry a permission', () => {
    const actor = account([Role.VOLUNTEER, phoHien], [Role.COMMUNE_OFFICIAL, baDinh]);
    expect(can(actor, Permission.GEOGRAPHY_MANAGE, baDinh)).toBe(true);
    expect(can(actor, Permission.GEOGRAPHY_MANAGE, phoHien)).toBe(false);
    expect(scopesWith(actor, Permission.GEOGRAPHY_MANAGE)).toEqual([baDinh]);
    expect(scopesWith(actor, Permission.RESIDENTS_READ)).toEqual([phoHien, baDinh]);
  });
});
