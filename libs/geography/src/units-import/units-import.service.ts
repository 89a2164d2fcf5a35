import { readFile } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import type { JobProgress } from '@hocvuso/jobs';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommuneKind } from '../entities/commune.entity';
import { ProvinceKind } from '../entities/province.entity';
import { GeographyError, GeographyErrorCode } from '../geography.errors';
import { type CommuneRow, parseUnitsDocument, type ProvinceRow } from './units-file.parser';

export interface UnitCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface UnitsImportSummary {
  provinces: UnitCounts;
  communes: UnitCounts;
  /** provinces in the file by kind */
  provincesByKind: { CITY: number; PROVINCE: number };
  /** communes in the file by kind */
  communesByKind: { XA: number; PHUONG: number; DAC_KHU: number };
  totalProvinces: number;
  totalCommunes: number;
  /** units in the database that the file no longer lists; they are kept (villages hang off them) */
  provincesNotInFile: number;
  communesNotInFile: number;
}

/** Rows per INSERT: 500 communes × 7 columns stays far below PostgreSQL's 65,535 parameters. */
const CHUNK_SIZE = 500;

/** Serialises concurrent imports so the created/updated counts stay exact (any constant works). */
const IMPORT_LOCK_KEY = 7_301_202_601;

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');
const tuples = (rows: number, columns: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

interface UpsertTable<R> {
  table: 'province' | 'commune';
  columns: string[];
  values: (row: R) => unknown[];
}

const provinceTable: UpsertTable<ProvinceRow> = {
  table: 'province',
  columns: ['code', 'name', 'full_name', 'name_en', 'kind', 'search_text'],
  values: (r) => [r.code, r.name, r.fullName, r.nameEn, r.kind, r.searchText],
};

const communeTable: UpsertTable<CommuneRow> = {
  table: 'commune',
  columns: ['code', 'province_code', 'name', 'full_name', 'name_en', 'kind', 'search_text'],
  values: (r) => [r.code, r.provinceCode, r.name, r.fullName, r.nameEn, r.kind, r.searchText],
};

/**
 * Imports the official list of provinces and communes. Codes are the stable keys: a renamed unit
 * is updated in place, an identical one is not touched (updated_at kept), and a unit missing from
 * the file is kept. The whole document is checked first, then written in one transaction.
 */
@Injectable()
export class UnitsImportService {
  private readonly logger = new Logger(UnitsImportService.name);

  constructor(private readonly em: EntityManager) {}

  async importFile(filePath: string, onProgress?: (progress: JobProgress) => void): Promise<UnitsImportSummary> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'lỗi đọc';
      throw new GeographyError(GeographyErrorCode.UNITS_FILE_INVALID, {
        reason: `không đọc được tệp (${code})`,
        position: filePath,
      });
    }
    return this.importDocument(text, onProgress);
  }

  async importDocument(text: string, onProgress?: (progress: JobProgress) => void): Promise<UnitsImportSummary> {
    const { provinces, communes } = parseUnitsDocument(text);
    const total = provinces.length + communes.length;
    onProgress?.({ phase: 'validated', done: total, total });

    const summary = await this.em.transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [IMPORT_LOCK_KEY]);
      const provinceCounts = await this.upsert(em, provinceTable, provinces, (done) =>
        onProgress?.({ phase: 'provinces', done, total: provinces.length }),
      );
      const communeCounts = await this.upsert(em, communeTable, communes, (done) =>
        onProgress?.({ phase: 'communes', done, total: communes.length }),
      );
      const [stored] = await em.execute<{ provinces: string; communes: string }[]>(
        'select (select count(*) from "province") as provinces, (select count(*) from "commune") as communes',
      );
      return {
        provinces: provinceCounts,
        communes: communeCounts,
        provincesByKind: {
          CITY: provinces.filter((p) => p.kind === ProvinceKind.CITY).length,
          PROVINCE: provinces.filter((p) => p.kind === ProvinceKind.PROVINCE).length,
        },
        communesByKind: {
          XA: communes.filter((c) => c.kind === CommuneKind.XA).length,
          PHUONG: communes.filter((c) => c.kind === CommuneKind.PHUONG).length,
          DAC_KHU: communes.filter((c) => c.kind === CommuneKind.DAC_KHU).length,
        },
        totalProvinces: provinces.length,
        totalCommunes: communes.length,
        // Every code of the file is stored by now, so the rest are the ones the file left out.
        provincesNotInFile: Number(stored.provinces) - provinces.length,
        communesNotInFile: Number(stored.communes) - communes.length,
      } satisfies UnitsImportSummary;
    });
    this.logger.log(
      `units imported: provinces ${JSON.stringify(summary.provinces)}, communes ${JSON.stringify(summary.communes)}`,
    );
    return summary;
  }

  /**
   * Multi-row upsert per chunk; the `where ... is distinct from` leaves identical rows alone, so
   * only created or changed rows come back from `returning`.
   */
  private async upsert<R extends { code: string }>(
    em: EntityManager,
    spec: UpsertTable<R>,
    rows: R[],
    progress: (done: number) => void,
  ): Promise<UnitCounts> {
    const { table, columns } = spec;
    const data = columns.filter((c) => c !== 'code');
    const quoted = (prefix: string) => data.map((c) => `${prefix}"${c}"`).join(', ');
    const upsertSql = (count: number) =>
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples(count, columns.length)}
       on conflict ("code") do update set ${data.map((c) => `"${c}" = excluded."${c}"`).join(', ')}, "updated_at" = now()
       where (${quoted(`"${table}".`)}) is distinct from (${quoted('excluded.')})
       returning "code"`;

    const counts: UnitCounts = { created: 0, updated: 0, unchanged: 0 };
    for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
      const chunk = rows.slice(start, start + CHUNK_SIZE);
      const codes = chunk.map((r) => r.code);
      const existing = await em.execute<{ code: string }[]>(
        `select "code" from "${table}" where "code" in (${placeholders(codes)})`,
        codes,
      );
      const existed = new Set(existing.map((r) => r.code));
      const written = await em.execute<{ code: string }[]>(upsertSql(chunk.length), chunk.flatMap(spec.values));
      for (const { code } of written) {
        if (existed.has(code)) counts.updated++;
        else counts.created++;
      }
      counts.unchanged += chunk.length - written.length;
      progress(start + chunk.length);
    }
    return counts;
  }
}
