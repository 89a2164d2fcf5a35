import { type Actor, can, communeScope, Permission } from '@hocvuso/access';
import type { Commune } from './entities/commune.entity';

/**
 * Villages and venues are entered by whoever holds GEOGRAPHY_MANAGE on a scope containing their
 * commune. Every write to them asks here; a commune outside the caller's scope is answered as if
 * it did not exist, so ids cannot be probed.
 */
export function mayManagePlacesIn(actor: Actor, commune: Pick<Commune, 'code' | 'province'>): boolean {
  return can(actor, Permission.GEOGRAPHY_MANAGE, communeScope(commune.code, commune.province.code));
}

/** The same rule for a commune known only by its codes (bulk import). */
export function mayManagePlacesInCodes(actor: Actor, communeCode: string, provinceCode: string): boolean {
  return can(actor, Permission.GEOGRAPHY_MANAGE, communeScope(communeCode, provinceCode));
}
