/**
 * Where a grant applies, or where a target lives. A scope carries its ancestry (province,
 * commune, village codes/ids) so containment is a comparison, not a query.
 */
export enum ScopeKind {
  NATION = 'NATION',
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
  VENUE = 'VENUE',
  TEAM = 'TEAM',
}

export interface Scope {
  kind: ScopeKind;
  /** 'VN' for the nation, a province or commune code, a village, venue or team id */
  id: string;
  provinceCode: string | null;
  communeCode: string | null;
  villageId: string | null;
}

export const NATION: Scope = {
  kind: ScopeKind.NATION,
  id: 'VN',
  provinceCode: null,
  communeCode: null,
  villageId: null,
};

export function provinceScope(provinceCode: string): Scope {
  return { kind: ScopeKind.PROVINCE, id: provinceCode, provinceCode, communeCode: null, villageId: null };
}

export function communeScope(communeCode: string, provinceCode: string): Scope {
  return { kind: ScopeKind.COMMUNE, id: communeCode, provinceCode, communeCode, villageId: null };
}

export function villageScope(villageId: string, communeCode: string, provinceCode: string): Scope {
  return { kind: ScopeKind.VILLAGE, id: villageId, provinceCode, communeCode, villageId };
}

/** Whether everything in `inner` is also in `outer` (a scope contains itself). */
export function scopeContains(outer: Scope, inner: Scope): boolean {
  switch (outer.kind) {
    case ScopeKind.NATION:
      return true;
    case ScopeKind.PROVINCE:
      return inner.provinceCode === outer.id;
    case ScopeKind.COMMUNE:
      return inner.communeCode === outer.id;
    case ScopeKind.VILLAGE:
      return inner.villageId === outer.id;
    case ScopeKind.VENUE:
    case ScopeKind.TEAM:
      return inner.kind === outer.kind && inner.id === outer.id;
    default: {
      const unknown: never = outer.kind;
      throw new Error(`unknown scope kind ${String(unknown)}`);
    }
  }
}
