import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type AccountActor, type Actor, can, Permission, requireAccount } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { foldVietnamese, GeographyError, GeographyErrorCode } from '@hocvuso/geography';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  type CommuneRow,
  communeNotFound,
  findCommune,
  findVillages,
  pageKey,
  scopeOfCommune,
  scopeOfVillage,
  toDate,
} from '../youth-records';
import { requireDay } from '../youth-rules';
import { YouthError, YouthErrorCode, youthErrorMessages } from '../youth.errors';
import {
  cellAt,
  parseAdultPopulation,
  parseDueOn,
  parseTargetPercent,
  readTargetsFile,
  TargetsColumn,
  targetsColumnHeaders,
  targetsFileFormat,
} from './targets-file.parser';

export interface ReachTargetView {
  id: string;
  provinceCode: string;
  communeCode: string;
  /** null: the whole commune */
  villageId: string | null;
  adultPopulation: number;
  targetPercent: number;
  /** people to confirm: adultPopulation × targetPercent %, rounded up */
  targetPeople: number;
  dueOn: string;
  updatedAt: Date;
}

export interface SetReachTargetInput {
  communeCode: string;
  villageId?: string | null;
  adultPopulation: number;
  targetPercent: number;
  dueOn: string;
}

export interface ReachTargetsImportInput {
  communeCode: string;
  fileName: string;
  content: Buffer;
  dryRun?: boolean;
}

export enum TargetsImportRowCode {
  VILLAGE_NOT_FOUND = 'VILLAGE_NOT_FOUND',
  INVALID_ADULT_POPULATION = 'INVALID_ADULT_POPULATION',
  INVALID_TARGET_PERCENT = 'INVALID_TARGET_PERCENT',
  INVALID_DATE = 'INVALID_DATE',
  /** the same unit and due day on an earlier row */
  DUPLICATE_IN_FILE = 'DUPLICATE_IN_FILE',
}

export interface TargetsImportRowIssue {
  row: number;
  column: string | null;
  code: TargetsImportRowCode;
  message: string;
}

export interface ReachTargetsImportResult {
  /** false when any row is bad: then nothing was written */
  ok: boolean;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: TargetsImportRowIssue[];
}

interface TargetRow {
  id: string;
  province_code: string;
  commune_code: string;
  village_id: string | null;
  adult_population: number;
  target_percent: number;
  due_on: string;
  updated_at: Date | string;
}

interface PlannedTarget {
  villageId: string | null;
  adultPopulation: number;
  targetPercent: number;
  dueOn: string;
}

const TARGET_COLUMNS = `t.id, t.province_code, t.commune_code, t.village_id, t.adult_population, t.target_percent,
  t.due_on::text as due_on, t.updated_at`;

function toView(row: TargetRow): ReachTargetView {
  return {
    id: row.id,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    villageId: row.village_id,
    adultPopulation: row.adult_population,
    targetPercent: row.target_percent,
    targetPeople: Math.ceil((row.adult_population * row.target_percent) / 100),
    dueOn: row.due_on,
    updatedAt: toDate(row.updated_at),
  };
}

const MAX_ADULT_POPULATION = 10_000_000;
const validPopulation = (value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value <= MAX_ADULT_POPULATION;
const validPercent = (value: number): boolean => Number.isInteger(value) && value >= 1 && value <= 100;

const rowMessages: Record<TargetsImportRowCode, string> = {
  VILLAGE_NOT_FOUND: 'Không có thôn/tổ dân phố này trong xã/phường.',
  INVALID_ADULT_POPULATION: youthErrorMessages.INVALID_ADULT_POPULATION,
  INVALID_TARGET_PERCENT: youthErrorMessages.INVALID_TARGET_PERCENT,
  INVALID_DATE: 'Hạn hoàn thành không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 31/12/2025.',
  DUPLICATE_IN_FILE: 'Thôn và hạn hoàn thành này đã có ở một dòng phía trên.',
};

/**
 * Reach targets: per commune (and per village) the adult population and the share of it to be
 * confirmed by a day. Entered by officials with TARGETS_MANAGE by hand or from a spreadsheet; one
 * row per unit and due day, so entering the same target again changes nothing.
 */
@Injectable()
export class ReachTargetsService {
  private readonly logger = new Logger(ReachTargetsService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
  ) {}

  /** Idempotent upsert by (commune, village, due day). */
  async setTarget(actor: Actor, input: SetReachTargetInput, requestId?: string | null): Promise<ReachTargetView> {
    const account = requireAccount(actor);
    const commune = await findCommune(this.em, input.communeCode);
    if (!commune) throw communeNotFound(input.communeCode);
    let villageId: string | null = null;
    if (input.villageId != null) {
      const village = (await findVillages(this.em, [input.villageId])).get(input.villageId);
      if (
        !village ||
        village.commune_code !== commune.code ||
        !can(account, Permission.TARGETS_MANAGE, scopeOfVillage(village))
      ) {
        throw new GeographyError(GeographyErrorCode.VILLAGE_NOT_FOUND, { id: input.villageId });
      }
      villageId = village.id;
    } else if (!can(account, Permission.TARGETS_MANAGE, scopeOfCommune(commune))) {
      throw communeNotFound(input.communeCode);
    }
    if (!validPopulation(input.adultPopulation)) throw new YouthError(YouthErrorCode.INVALID_ADULT_POPULATION);
    if (!validPercent(input.targetPercent)) throw new YouthError(YouthErrorCode.INVALID_TARGET_PERCENT);
    const dueOn = requireDay(input.dueOn, 'dueOn');
    const target: PlannedTarget = {
      villageId,
      adultPopulation: input.adultPopulation,
      targetPercent: input.targetPercent,
      dueOn,
    };
    await this.em.transactional(async (em) => {
      const counts = await this.upsert(em, commune, [target], account);
      if (counts.created + counts.updated > 0) {
        await this.recordSet(em, account, commune.code, requestId, { source: 'MANUAL', villageId, dueOn, ...counts });
      }
    });
    const [row] = await this.em.execute<TargetRow[]>(
      `select ${TARGET_COLUMNS} from reach_target t where t.commune_code = ? and t.village_id is not distinct from ? and t.due_on = ?`,
      [commune.code, villageId, dueOn],
    );
    return toView(row);
  }

  /**
   * Targets from a spreadsheet (layout in targets-file.parser.ts). All or nothing: one bad row and
   * nothing is written, with every bad row listed by its spreadsheet row number.
   */
  async importFile(
    actor: Actor,
    input: ReachTargetsImportInput,
    requestId?: string | null,
  ): Promise<ReachTargetsImportResult> {
    const account = requireAccount(actor);
    const commune = await findCommune(this.em, input.communeCode);
    if (!commune || !can(account, Permission.TARGETS_MANAGE, scopeOfCommune(commune))) {
      throw communeNotFound(input.communeCode);
    }
    const { columns, rows } = await readTargetsFile(input.content, targetsFileFormat(input.fileName));
    const villages = new Map(
      (
        await this.em.execute<{ id: string; search_text: string }[]>(
          `select id, search_text from village where commune_code = ?`,
          [commune.code],
        )
      ).map((row) => [row.search_text, row.id]),
    );
    const planned: PlannedTarget[] = [];
    const errors: TargetsImportRowIssue[] = [];
    const firstRowOf = new Map<string, number>();
    const issue = (row: number, column: TargetsColumn | null, code: TargetsImportRowCode): void => {
      errors.push({ row, column: column ? targetsColumnHeaders[column] : null, code, message: rowMessages[code] });
    };
    for (const sheetRow of rows) {
      const before = errors.length;
      const villageCell = cellAt(sheetRow, columns[TargetsColumn.VILLAGE]);
      const villageId = villageCell === null ? null : (villages.get(foldVietnamese(String(villageCell))) ?? undefined);
      if (villageId === undefined) issue(sheetRow.row, TargetsColumn.VILLAGE, TargetsImportRowCode.VILLAGE_NOT_FOUND);
      const adultPopulation = parseAdultPopulation(cellAt(sheetRow, columns[TargetsColumn.ADULT_POPULATION]));
      if (!validPopulation(adultPopulation)) {
        issue(sheetRow.row, TargetsColumn.ADULT_POPULATION, TargetsImportRowCode.INVALID_ADULT_POPULATION);
      }
      const targetPercent = parseTargetPercent(cellAt(sheetRow, columns[TargetsColumn.TARGET_PERCENT]));
      if (!validPercent(targetPercent)) {
        issue(sheetRow.row, TargetsColumn.TARGET_PERCENT, TargetsImportRowCode.INVALID_TARGET_PERCENT);
      }
      const dueOn = parseDueOn(cellAt(sheetRow, columns[TargetsColumn.DUE_ON]));
      if (dueOn === null) issue(sheetRow.row, TargetsColumn.DUE_ON, TargetsImportRowCode.INVALID_DATE);
      if (errors.length > before) continue;
      const key = `${villageId ?? ''}|${dueOn}`;
      if (firstRowOf.has(key)) {
        issue(sheetRow.row, TargetsColumn.VILLAGE, TargetsImportRowCode.DUPLICATE_IN_FILE);
        continue;
      }
      firstRowOf.set(key, sheetRow.row);
      planned.push({ villageId: villageId!, adultPopulation, targetPercent, dueOn: dueOn! });
    }
    const result: ReachTargetsImportResult = {
      ok: errors.length === 0,
      rowsRead: rows.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors,
    };
    if (!result.ok || input.dryRun) return result;
    const counts = await this.em.transactional(async (em) => {
      const written = await this.upsert(em, commune, planned, account);
      await this.recordSet(em, account, commune.code, requestId, { source: 'FILE', rows: rows.length, ...written });
      return written;
    });
    this.logger.log({ communeCode: commune.code, ...counts }, 'reach targets imported');
    return { ...result, ...counts };
  }

  /** Targets of a commune: the commune's own first, then villages by name; each by due day. */
  async listTargets(actor: Actor, communeCode: string, page: PageArgs): Promise<Page<ReachTargetView>> {
    const account = requireAccount(actor);
    const after = pageKey(page, 3);
    const commune = await findCommune(this.em, communeCode);
    if (!commune || !can(account, Permission.TARGETS_READ, scopeOfCommune(commune))) throw communeNotFound(communeCode);
    if (after && requireDay(after[1], 'cursor') !== after[1])
      throw new GeographyError(GeographyErrorCode.INVALID_CURSOR);
    const from = `reach_target t left join village v on v.id = t.village_id`;
    const unitKey = `coalesce(v.search_text, '')`;
    const keyset = after ? ` and (${unitKey}, t.due_on, t.id) > (?, ?::date, ?::uuid)` : '';
    const [rows, [{ n }]] = await Promise.all([
      this.em.execute<(TargetRow & { unit_key: string })[]>(
        `select ${TARGET_COLUMNS}, ${unitKey} as unit_key from ${from}
          where t.commune_code = ?${keyset} order by ${unitKey}, t.due_on, t.id limit ?`,
        [commune.code, ...(after ?? []), page.first + 1],
      ),
      this.em.execute<{ n: number }[]>(`select count(*)::int as n from reach_target t where t.commune_code = ?`, [
        commune.code,
      ]),
    ]);
    const result = toPage(rows, page.first, n, (row) => [row.unit_key, row.due_on, row.id]);
    return { ...result, items: result.items.map(toView) };
  }

  /** Upserts, counting what was new, what changed and what was already so. */
  private async upsert(
    em: EntityManager,
    commune: CommuneRow,
    targets: readonly PlannedTarget[],
    account: AccountActor,
  ): Promise<{ created: number; updated: number; unchanged: number }> {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    // 8 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 per statement.
    for (let start = 0; start < targets.length; start += 1_000) {
      const chunk = targets.slice(start, start + 1_000);
      const written = await em.execute<{ created: boolean }[]>(
        `insert into reach_target as t (id, province_code, commune_code, village_id, adult_population, target_percent, due_on, updated_by)
         values ${chunk.map(() => `(?, ?, ?, ?::uuid, ?, ?, ?::date, ?::uuid)`).join(', ')}
         on conflict (commune_code, village_id, due_on) do update
           set adult_population = excluded.adult_population, target_percent = excluded.target_percent,
               updated_by = excluded.updated_by, updated_at = now()
           where (t.adult_population, t.target_percent) is distinct from (excluded.adult_population, excluded.target_percent)
         returning (xmax = 0) as created`,
        chunk.flatMap((target) => [
          randomUUID(),
          commune.province_code,
          commune.code,
          target.villageId,
          target.adultPopulation,
          target.targetPercent,
          target.dueOn,
          account.accountId,
        ]),
      );
      const created = written.filter((row) => row.created).length;
      counts.created += created;
      counts.updated += written.length - created;
      counts.unchanged += chunk.length - written.length;
    }
    return counts;
  }

  private recordSet(
    em: EntityManager,
    account: AccountActor,
    communeCode: string,
    requestId: string | null | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(em, {
      action: AuditAction.REACH_TARGETS_SET,
      actorAccountId: account.accountId,
      targetType: 'commune',
      targetId: communeCode,
      requestId,
      details,
    });
  }
}
