import { Injectable } from '@nestjs/common';
import { decodeCursor, MAX_PAGE_SIZE, type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Commune, CommuneKind } from './entities/commune.entity';
import { Province } from './entities/province.entity';
import { Venue } from './entities/venue.entity';
import { Village } from './entities/village.entity';
import { GeographyError, GeographyErrorCode } from './geography.errors';
import { searchTokens } from './text/fold';

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

export interface CommuneFilter {
  search?: string | null;
  kind?: CommuneKind | null;
}

/** Read side of geography: lookups, searches and the batched lookups behind nested fields. */
@Injectable()
export class GeographyService {
  constructor(private readonly em: EntityManager) {}

  async listProvinces(search: string | null | undefined, page: PageArgs): Promise<Page<Province>> {
    const where: FilterQuery<Province> = { $and: this.searchConditions(search) };
    const after = this.cursorKey(page, 1);
    const filtered: FilterQuery<Province> = after ? { $and: [where, { code: { $gt: after[0] } }] } : where;
    const [rows, total] = await Promise.all([
      this.em.find(Province, filtered, { orderBy: { code: 'asc' }, limit: page.first + 1 }),
      this.em.count(Province, where),
    ]);
    return toPage(rows, page.first, total, (p) => [p.code]);
  }

  async getProvince(code: string): Promise<Province> {
    const province = await this.em.findOne(Province, { code });
    if (!province) throw new GeographyError(GeographyErrorCode.PROVINCE_NOT_FOUND, { code });
    return province;
  }

  async listCommunes(provinceCode: string, filter: CommuneFilter, page: PageArgs): Promise<Page<Commune>> {
    await this.getProvince(provinceCode);
    const where: FilterQuery<Commune> = {
      $and: [
        { province: provinceCode },
        ...(filter.kind ? [{ kind: filter.kind }] : []),
        ...this.searchConditions(filter.search),
      ],
    };
    const after = this.cursorKey(page, 1);
    const filtered: FilterQuery<Commune> = after ? { $and: [where, { code: { $gt: after[0] } }] } : where;
    const [rows, total] = await Promise.all([
      this.em.find(Commune, filtered, { orderBy: { code: 'asc' }, limit: page.first + 1 }),
      this.em.count(Commune, where),
    ]);
    return toPage(rows, page.first, total, (c) => [c.code]);
  }

  async getCommune(code: string): Promise<Commune> {
    const commune = await this.em.findOne(Commune, { code });
    if (!commune) throw new GeographyError(GeographyErrorCode.COMMUNE_NOT_FOUND, { code });
    return commune;
  }

  async listVillages(communeCode: string, search: string | null | undefined, page: PageArgs): Promise<Page<Village>> {
    await this.getCommune(communeCode);
    const where: FilterQuery<Village> = { $and: [{ commune: communeCode }, ...this.searchConditions(search)] };
    return this.pageByName(Village, where, page);
  }

  async listVenues(communeCode: string, search: string | null | undefined, page: PageArgs): Promise<Page<Venue>> {
    await this.getCommune(communeCode);
    const where: FilterQuery<Venue> = {
      $and: [{ village: { commune: communeCode } }, ...this.searchConditions(search)],
    };
    return this.pageByName(Venue, where, page);
  }

  async getVillage(id: string): Promise<Village> {
    const village = await this.em.findOne(Village, { id });
    if (!village) throw new GeographyError(GeographyErrorCode.VILLAGE_NOT_FOUND, { id });
    return village;
  }

  async getVenue(id: string): Promise<Venue> {
    const venue = await this.em.findOne(Venue, { id });
    if (!venue) throw new GeographyError(GeographyErrorCode.VENUE_NOT_FOUND, { id });
    return venue;
  }

  // Batched lookups for DataLoaders: one query per batch, results in the order of the keys.

  async provincesByCodes(codes: readonly string[]): Promise<(Province | undefined)[]> {
    const rows = await this.em.find(Province, { code: { $in: [...codes] } });
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code));
  }

  async communesByCodes(codes: readonly string[]): Promise<(Commune | undefined)[]> {
    const rows = await this.em.find(Commune, { code: { $in: [...codes] } });
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code));
  }

  async villagesByIds(ids: readonly string[]): Promise<(Village | undefined)[]> {
    const rows = await this.em.find(Village, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  }

  async communeCountsByProvince(provinceCodes: readonly string[]): Promise<number[]> {
    const rows = await this.em
      .getConnection()
      .execute<{ province_code: string; n: number }[]>(
        `select province_code, count(*)::int as n from commune where province_code in (${placeholders(provinceCodes)}) group by province_code`,
        [...provinceCodes],
      );
    const byCode = new Map(rows.map((row) => [row.province_code, row.n]));
    return provinceCodes.map((code) => byCode.get(code) ?? 0);
  }

  async villageCountsByCommune(communeCodes: readonly string[]): Promise<number[]> {
    const rows = await this.em
      .getConnection()
      .execute<{ commune_code: string; n: number }[]>(
        `select commune_code, count(*)::int as n from village where commune_code in (${placeholders(communeCodes)}) group by commune_code`,
        [...communeCodes],
      );
    const byCode = new Map(rows.map((row) => [row.commune_code, row.n]));
    return communeCodes.map((code) => byCode.get(code) ?? 0);
  }

  private async pageByName<T extends Village | Venue>(
    entity: new (...args: never[]) => T,
    where: FilterQuery<T>,
    page: PageArgs,
  ): Promise<Page<T>> {
    const after = this.cursorKey(page, 2);
    const afterCondition = after
      ? { $or: [{ searchText: { $gt: after[0] } }, { searchText: after[0], id: { $gt: after[1] } }] }
      : undefined;
    const filtered = (afterCondition ? { $and: [where, afterCondition] } : where) as FilterQuery<T>;
    const [rows, total] = await Promise.all([
      this.em.find(entity, filtered, { orderBy: { searchText: 'asc', id: 'asc' } as never, limit: page.first + 1 }),
      this.em.count(entity, where),
    ]);
    return toPage(rows as T[], page.first, total, (row) => [row.searchText, row.id]);
  }

  private cursorKey(page: PageArgs, arity: number): string[] | null {
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
      throw new GeographyError(GeographyErrorCode.INVALID_PAGE_SIZE, { first: page.first });
    }
    if (page.after == null) return null;
    const key = decodeCursor(page.after, arity);
    if (!key) throw new GeographyError(GeographyErrorCode.INVALID_CURSOR);
    return key;
  }

  /** Every token of the query must appear in the folded search text. Tokens are letters and digits only. */
  private searchConditions(search: string | null | undefined): { searchText: { $like: string } }[] {
    return searchTokens(search ?? '').map((token) => ({ searchText: { $like: `%${token}%` } }));
  }
}
