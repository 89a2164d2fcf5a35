import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AccountActor, type Actor, type Grant, requireAccount, type Role } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { decodeCursor, MAX_PAGE_SIZE, type Page, type PageArgs, toPage } from '@hocvuso/database/pagination';
import { grantScope } from '@hocvuso/identity';
import { QueueName, type StatisticsJobs } from '@hocvuso/jobs';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import type { ReachPeriod } from '../reach-figures';
import { checkPeriod, ReachStatisticsService } from '../reach-statistics.service';
import { readableUnit, type ReachUnit, ReachUnitKind, type ReachUnitRef } from '../reach-units';
import { StatisticsError, StatisticsErrorCode } from '../statistics.errors';
import {
  REACH_EXPORT_CONTENT_TYPES,
  reachExportDocument,
  reachExportFileName,
  ReachExportFormat,
  renderCsv,
  renderXlsx,
} from './reach-export-document';
import { type SignedExportLink, signExportLink, verifyExportLink } from './reach-export-link';
import { ReachExportError, ReachExportErrorCode } from './reach-export.errors';

export enum ReachExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** How long an export (and its file) is kept after it was requested; the worker deletes it after. */
export const REACH_EXPORT_RETENTION_MS = 24 * 3_600_000;

export interface ReachExportRequest {
  /** the client's own UUID: the same request sent again returns the same export */
  id?: string | null;
  unit: ReachUnitRef;
  from: unknown;
  to: unknown;
  format: ReachExportFormat;
}

export interface ReachExportView {
  id: string;
  status: ReachExportStatus;
  /** 0–100 */
  progress: number;
  format: ReachExportFormat;
  /** as it was named when requested */
  unit: Omit<ReachUnit, 'scope'>;
  period: ReachPeriod;
  requestedBy: string;
  fileName: string | null;
  /** for FAILED: UNIT_NOT_FOUND when the requester lost access, INTERNAL otherwise */
  errorCode: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** when the export and its file are deleted */
  expiresAt: Date;
  /** a fresh signed link when DONE */
  download: SignedExportLink | null;
}

export interface ReachExportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

interface ExportRow {
  id: string;
  requested_by: string;
  unit_kind: ReachUnitKind;
  unit_key: string;
  unit_name: string;
  province_code: string;
  commune_code: string | null;
  period_from: string;
  period_to: string;
  format: ReachExportFormat;
  status: ReachExportStatus;
  progress: number;
  file_name: string | null;
  error_code: string | null;
  created_at: Date;
  created_key: string;
  finished_at: Date | null;
  expires_at: Date;
}

const COLUMNS = `id::text, requested_by::text, unit_kind, unit_key, unit_name, province_code, commune_code,
  period_from::text, period_to::text, format, status, progress, file_name, error_code, created_at,
  created_at::text as created_key, finished_at, expires_at`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const byCode = (kind: ReachUnitKind) => kind === ReachUnitKind.PROVINCE || kind === ReachUnitKind.COMMUNE;
const refOf = (row: ExportRow): ReachUnitRef =>
  byCode(row.unit_kind) ? { kind: row.unit_kind, code: row.unit_key } : { kind: row.unit_kind, id: row.unit_key };

/**
 * Reports of a unit's reach over a period as XLSX or CSV files, in the layout sent up the
 * hierarchy. The API records the request (scope-checked like `reachStatistics`) and queues a
 * `build-reach-export` job; the worker builds the file from the same figures and breakdown as the
 * dashboard into the `reach_export` row; the file is fetched through a short-lived signed link.
 */
@Injectable()
export class ReachExportsService {
  private readonly logger = new Logger(ReachExportsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly em: EntityManager,
    @InjectQueue(QueueName.statistics)
    private readonly queue: Queue<StatisticsJobs['build-reach-export'], unknown, 'build-reach-export'>,
    private readonly statistics: ReachStatisticsService,
  ) {}

  /**
   * Records the request and queues its job. Sending the same request with the same id returns the
   * same export (and queues its job again while it waits, in case the first enqueue was lost);
   * the id of another request is EXPORT_ID_CONFLICT.
   */
  async request(actor: Actor, input: ReachExportRequest, requestId: string | null = null): Promise<ReachExportView> {
    const account = requireAccount(actor);
    const id = input.id ?? randomUUID();
    if (!UUID.test(id) || !Object.values(ReachExportFormat).includes(input.format)) {
      throw new ReachExportError(ReachExportErrorCode.INVALID_EXPORT_REQUEST);
    }
    const period = checkPeriod(input.from, input.to);
    const unit = await readableUnit(this.em, actor, input.unit);
    const row = await this.em.transactional(async (em) => {
      const [created] = await em.execute<{ id: string }[]>(
        `insert into reach_export (id, requested_by, unit_kind, unit_key, unit_name, province_code, commune_code,
                                   period_from, period_to, format, expires_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?))
         on conflict (id) do nothing returning id::text`,
        [
          id.toLowerCase(),
          account.accountId,
          unit.kind,
          unit.key,
          unit.name,
          unit.provinceCode,
          unit.communeCode,
          period.from,
          period.to,
          input.format,
          REACH_EXPORT_RETENTION_MS / 1_000,
        ],
      );
      if (created) {
        await this.audit.record(em, {
          action: AuditAction.REACH_EXPORT_REQUESTED,
          actorAccountId: account.accountId,
          targetType: 'reach_export',
          targetId: created.id,
          requestId,
          details: { unitKind: unit.kind, unitKey: unit.key, from: period.from, to: period.to, format: input.format },
        });
      }
      return this.findRow(id.toLowerCase(), em);
    });
    const same =
      row &&
      row.requested_by === account.accountId &&
      row.unit_kind === unit.kind &&
      row.unit_key === unit.key &&
      row.period_from === period.from &&
      row.period_to === period.to &&
      row.format === input.format;
    if (!same) throw new ReachExportError(ReachExportErrorCode.EXPORT_ID_CONFLICT, { id });
    if (row.status === ReachExportStatus.QUEUED) {
      await this.queue.add(
        'build-reach-export',
        { exportId: row.id },
        { jobId: `reach-export-${row.id}`, attempts: 3, backoff: { type: 'exponential', delay: 2_000 } },
      );
      this.logger.log({ exportId: row.id, accountId: account.accountId }, 'reach export queued');
    }
    return this.toView(row);
  }

  /** An export its requester, or anyone who may read its unit's statistics, may see. */
  async get(actor: Actor, id: string): Promise<ReachExportView> {
    const account = requireAccount(actor);
    const row = UUID.test(id) ? await this.findRow(id.toLowerCase()) : null;
    if (!row || !(row.requested_by === account.accountId || (await this.mayReadUnit(account, row)))) {
      throw new ReachExportError(ReachExportErrorCode.EXPORT_NOT_FOUND, { id });
    }
    return this.toView(row);
  }

  /** The caller's own exports, newest first. */
  async listMine(actor: Actor, page: PageArgs): Promise<Page<ReachExportView>> {
    const account = requireAccount(actor);
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
      throw new ReachExportError(ReachExportErrorCode.INVALID_EXPORT_REQUEST, { first: page.first });
    }
    const after = page.after == null ? null : decodeCursor(page.after, 2);
    if (page.after != null && (!after || !UUID.test(after[1]))) {
      throw new ReachExportError(ReachExportErrorCode.INVALID_EXPORT_REQUEST, { after: 'cursor' });
    }
    const keyset = after ? ' and (created_at, id) < (?::timestamptz, ?::uuid)' : '';
    const [rows, [{ n }]] = await Promise.all([
      this.em.execute<ExportRow[]>(
        `select ${COLUMNS} from reach_export where requested_by = ?${keyset}
          order by created_at desc, id desc limit ?`,
        [account.accountId, ...(after ?? []), page.first + 1],
      ),
      this.em.execute<{ n: number }[]>(`select count(*)::int as n from reach_export where requested_by = ?`, [
        account.accountId,
      ]),
    ]);
    const result = toPage(rows, page.first, n, (row) => [row.created_key, row.id]);
    return { ...result, items: result.items.map((row) => this.toView(row)) };
  }

  /**
   * The worker's part: builds the file into the row. The requester's grants are read again, so
   * one who lost access to the unit since asking gets a FAILED export (UNIT_NOT_FOUND). A rerun
   * overwrites the row's own result.
   */
  async build(exportId: string, onProgress: (progress: number) => Promise<void> = async () => {}): Promise<void> {
    const row = UUID.test(exportId) ? await this.findRow(exportId) : null;
    if (!row) throw new ReachExportError(ReachExportErrorCode.EXPORT_NOT_FOUND, { id: exportId });
    const progress = async (value: number, status = ReachExportStatus.RUNNING) => {
      await this.em.execute(`update reach_export set status = ?, progress = ? where id = ?`, [status, value, row.id]);
      await onProgress(value);
    };
    await progress(5);
    const actor = await this.requesterActor(row.requested_by);
    const report = await this.statistics.report(actor, refOf(row), row.period_from, row.period_to);
    await progress(35);
    const breakdown = await this.statistics.breakdown(report);
    await progress(70);
    const doc = reachExportDocument({ ...report, breakdown });
    const content = row.format === ReachExportFormat.XLSX ? await renderXlsx(doc) : renderCsv(doc);
    await progress(90);
    await this.em.execute(
      `update reach_export set status = 'DONE', progress = 100, file = ?, file_name = ?, error_code = null,
              finished_at = now() where id = ?`,
      [content, reachExportFileName(row.unit_key, report.period, row.format), row.id],
    );
    await onProgress(100);
  }

  /** A build that will not succeed: the code tells the requester why (no personal data). */
  async fail(exportId: string, code: string): Promise<void> {
    await this.em.execute(
      `update reach_export set status = 'FAILED', error_code = ?, file = null, finished_at = now() where id = ?`,
      [code, exportId],
    );
  }

  /** Deletes exports past their retention, files included. */
  async purgeExpired(): Promise<number> {
    const rows = await this.em.execute<{ id: string }[]>(
      `delete from reach_export where expires_at < now() returning id`,
    );
    return rows.length;
  }

  /**
   * The file behind a signed link; every download is audited (ids only). A forged link is
   * EXPORT_LINK_INVALID, an old one EXPORT_LINK_EXPIRED, a deleted export EXPORT_GONE.
   */
  async download(
    id: string,
    expires: unknown,
    signature: unknown,
    requestId: string | null = null,
  ): Promise<ReachExportFile> {
    verifyExportLink(this.config.EXPORT_LINK_SECRET, id, expires, signature);
    return this.em.transactional(async (em) => {
      const [row] = UUID.test(id)
        ? await em.execute<
            { file: Buffer | null; file_name: string | null; format: ReachExportFormat; requested_by: string }[]
          >(
            `select file, file_name, format, requested_by::text from reach_export
              where id = ? and status = 'DONE' and expires_at > now()`,
            [id],
          )
        : [];
      if (!row?.file || !row.file_name) throw new ReachExportError(ReachExportErrorCode.EXPORT_GONE, { id });
      await this.audit.record(em, {
        action: AuditAction.REACH_EXPORT_DOWNLOADED,
        targetType: 'reach_export',
        targetId: id,
        requestId,
        details: { requestedBy: row.requested_by, format: row.format, bytes: row.file.length },
      });
      return { fileName: row.file_name, contentType: REACH_EXPORT_CONTENT_TYPES[row.format], content: row.file };
    });
  }

  private async findRow(id: string, em: EntityManager = this.em): Promise<ExportRow | null> {
    const [row] = await em.execute<ExportRow[]>(`select ${COLUMNS} from reach_export where id = ?`, [id]);
    return row ?? null;
  }

  private async mayReadUnit(account: AccountActor, row: ExportRow): Promise<boolean> {
    try {
      await readableUnit(this.em, account, refOf(row));
      return true;
    } catch (error) {
      if (error instanceof StatisticsError) return false;
      throw error;
    }
  }

  /** The requester as the API would see them now: active grants of an active account. */
  private async requesterActor(accountId: string): Promise<AccountActor> {
    const grants = await this.em.execute<
      {
        id: string;
        role: Role;
        scope_kind: Grant['scope']['kind'];
        scope_id: string;
        province_code: string | null;
        commune_code: string | null;
        village_id: string | null;
        resident_id: string | null;
      }[]
    >(
      `select g.id::text, g.role, g.scope_kind, g.scope_id, g.province_code, g.commune_code, g.village_id::text,
              a.resident_id::text
         from account a join role_grant g on g.account_id = a.id and g.revoked_at is null
        where a.id = ? and a.status = 'ACTIVE' order by g.created_at`,
      [accountId],
    );
    if (grants.length === 0) throw new StatisticsError(StatisticsErrorCode.UNIT_NOT_FOUND);
    return {
      kind: 'account',
      accountId,
      residentId: grants[0].resident_id,
      sessionId: 'reach-export',
      grants: grants.map((grant) => ({
        id: grant.id,
        role: grant.role,
        scope: grantScope({
          scopeKind: grant.scope_kind,
          scopeId: grant.scope_id,
          provinceCode: grant.province_code,
          communeCode: grant.commune_code,
          villageId: grant.village_id,
        }),
      })),
    };
  }

  private toView(row: ExportRow): ReachExportView {
    const done = row.status === ReachExportStatus.DONE;
    const linkExpiry = new Date(
      Math.min(Date.now() + this.config.EXPORT_LINK_TTL_SECONDS * 1_000, new Date(row.expires_at).getTime()),
    );
    return {
      id: row.id,
      status: row.status,
      progress: Number(row.progress),
      format: row.format,
      unit: {
        kind: row.unit_kind,
        key: row.unit_key,
        name: row.unit_name,
        provinceCode: row.province_code,
        communeCode: row.commune_code,
      },
      period: { from: row.period_from, to: row.period_to },
      requestedBy: row.requested_by,
      fileName: row.file_name,
      errorCode: row.error_code,
      createdAt: new Date(row.created_at),
      finishedAt: row.finished_at ? new Date(row.finished_at) : null,
      expiresAt: new Date(row.expires_at),
      download: done ? signExportLink(this.config.EXPORT_LINK_SECRET, row.id, linkExpiry) : null,
    };
  }
}
