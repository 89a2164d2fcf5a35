import { Injectable } from '@nestjs/common';
import { NATION, type Scope, ScopeKind } from '@hocvuso/access';
import { EntityManager } from '@mikro-orm/postgresql';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AncestryRow {
  id: string;
  province_code: string;
  commune_code: string | null;
  village_id: string | null;
}

/**
 * A scope named by kind and id, with its ancestry read from the geography tables, so a grant
 * stores where it sits and containment never needs a join. Null when nothing has that id.
 */
@Injectable()
export class ScopeResolver {
  constructor(private readonly em: EntityManager) {}

  async resolve(kind: ScopeKind, id: string): Promise<Scope | null> {
    const row = await this.ancestry(kind, typeof id === 'string' ? id.trim() : '');
    if (kind === ScopeKind.NATION) return row ? NATION : null;
    if (!row) return null;
    return {
      kind,
      id: row.id,
      provinceCode: row.province_code,
      communeCode: row.commune_code,
      villageId: row.village_id,
    };
  }

  private async ancestry(kind: ScopeKind, id: string): Promise<AncestryRow | null> {
    const one = async (sql: string): Promise<AncestryRow | null> =>
      (await this.em.execute<AncestryRow[]>(sql, [id]))[0] ?? null;
    switch (kind) {
      case ScopeKind.NATION:
        return id === NATION.id ? { id, province_code: '', commune_code: null, village_id: null } : null;
      case ScopeKind.PROVINCE:
        return /^\d{2}$/.test(id)
          ? one(
              `select code as id, code as province_code, null as commune_code, null as village_id from province where code = ?`,
            )
          : null;
      case ScopeKind.COMMUNE:
        return /^\d{5}$/.test(id)
          ? one(
              `select code as id, province_code, code as commune_code, null as village_id from commune where code = ?`,
            )
          : null;
      case ScopeKind.VILLAGE:
        return UUID.test(id)
          ? one(`select v.id, c.province_code, c.code as commune_code, v.id as village_id
                   from village v join commune c on c.code = v.commune_code where v.id = ?`)
          : null;
      case ScopeKind.VENUE:
        return UUID.test(id)
          ? one(`select e.id, c.province_code, c.code as commune_code, v.id as village_id
                   from venue e join village v on v.id = e.village_id join commune c on c.code = v.commune_code where e.id = ?`)
          : null;
      case ScopeKind.TEAM:
        // A team sits in its commune: grants on the commune or province contain it.
        return UUID.test(id)
          ? one(`select t.id, t.province_code, t.commune_code, null as village_id from team t where t.id = ?`)
          : null;
      default:
        return null;
    }
  }
}
