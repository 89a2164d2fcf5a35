import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type Actor, can, Permission, ScopeKind } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { foldVietnamese, GeographyError, GeographyErrorCode } from '@hocvuso/geography';
import { PiiVault } from '@hocvuso/identity';
import { EntityManager } from '@mikro-orm/postgresql';
import { type Gender } from '../entities';
import { insertConsents, placeholders, requireAccount } from '../resident-records';
import {
  checkResidentFields,
  type ConsentInput,
  namesakeKey,
  type ResidentField,
  type ValidConsent,
  validConsent,
} from '../resident-rules';
import { residentsErrorMessages } from '../residents.errors';
import {
  cellAt,
  citizenIdText,
  parseBirthYear,
  parseGender,
  phoneText,
  readResidentsFile,
  ResidentsColumn,
  residentsColumnHeaders,
  type ResidentsColumnIndex,
  residentsFileFormat,
  type ResidentsSheetRow,
} from './residents-file.parser';

export interface ResidentsImportInput {
  communeCode: string;
  /** only its extension matters: .xlsx or .csv */
  fileName: string;
  content: Buffer;
  /** one consent for every resident of the file, e.g. signed paper forms collected by the commune */
  consent: ConsentInput;
  /** validate and count, write nothing */
  dryRun?: boolean;
}

export enum ResidentsImportRowCode {
  INVALID_FULL_NAME = 'INVALID_FULL_NAME',
  INVALID_BIRTH_YEAR = 'INVALID_BIRTH_YEAR',
  INVALID_GENDER = 'INVALID_GENDER',
  VILLAGE_NOT_FOUND = 'VILLAGE_NOT_FOUND',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_CITIZEN_ID = 'INVALID_CITIZEN_ID',
  CITIZEN_ID_BIRTH_YEAR_MISMATCH = 'CITIZEN_ID_BIRTH_YEAR_MISMATCH',
  /** the same person appears on an earlier row of the file */
  DUPLICATE_IN_FILE = 'DUPLICATE_IN_FILE',
  /** the person is already a resident */
  DUPLICATE_EXISTING = 'DUPLICATE_EXISTING',
}

/** One problem in one row. Messages never repeat a phone number or citizen id. */
export interface ResidentsImportRowIssue {
  row: number;
  column: string | null;
  code: ResidentsImportRowCode;
  message: string;
}

export interface ResidentsImportResult {
  /** false when any row is bad: then nothing was written */
  ok: boolean;
  rowsRead: number;
  created: number;
  /** rows skipped because the person already exists (in the database or higher up in the file) */
  duplicates: ResidentsImportRowIssue[];
  errors: ResidentsImportRowIssue[];
}

interface PlannedResident {
  row: number;
  villageId: string;
  fullName: string;
  birthYear: number;
  gender: Gender | null;
  phone: string | null;
  phoneHash: string | null;
  citizenId: string | null;
  citizenIdHash: string | null;
}

interface Plan {
  residents: PlannedResident[];
  duplicates: ResidentsImportRowIssue[];
  errors: ResidentsImportRowIssue[];
}

const columnOfField: Record<ResidentField, ResidentsColumn | null> = {
  fullName: ResidentsColumn.FULL_NAME,
  birthYear: ResidentsColumn.BIRTH_YEAR,
  gender: ResidentsColumn.GENDER,
  phone: ResidentsColumn.PHONE,
  citizenId: ResidentsColumn.CITIZEN_ID,
  consentEvidence: null,
};

// Ten parameters a row: 2,000 rows stay well under PostgreSQL's 65,535 per statement.
const INSERT_CHUNK = 2_000;
const LOOKUP_CHUNK = 5_000;

/** Another writer created one of the file's residents between the checks and the insert. */
class ImportRaceError extends Error {}

const issue = (
  row: number,
  column: ResidentsColumn | null,
  code: ResidentsImportRowCode,
  message: string,
): ResidentsImportRowIssue => ({
  row,
  column: column ? residentsColumnHeaders[column] : null,
  code,
  message,
});

const fieldNames: Record<'phone' | 'citizenId' | 'namesake', string> = {
  phone: 'số điện thoại',
  citizenId: 'số CCCD',
  namesake: 'họ tên, năm sinh và thôn (không có số điện thoại, số CCCD)',
};

/**
 * Bulk import of a commune's residents (layout in residents-file.parser.ts), with one consent
 * given for all of them.
 *
 * - A malformed file (not a spreadsheet, missing headers, > 5 MB, > 20,000 rows) is refused with
 *   RESIDENTS_FILE_INVALID; nothing is written.
 * - All or nothing, like the village import: one bad row and nothing is written (`ok` false),
 *   with every bad row listed.
 * - Duplicates do not block: a row whose phone or citizen id (by hash) is already a resident's, or
 *   an earlier row's, is skipped and listed in `duplicates`. Rows without either are matched by
 *   village, name and birth year. Importing the same file twice creates nothing the second time.
 */
@Injectable()
export class ResidentsImportService {
  private readonly logger = new Logger(ResidentsImportService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly em: EntityManager,
    private readonly vault: PiiVault,
  ) {}

  async importFile(
    actor: Actor,
    input: ResidentsImportInput,
    requestId?: string | null,
  ): Promise<ResidentsImportResult> {
    const account = requireAccount(actor);
    const consent = validConsent(input.consent);
    const villages = await this.importableVillages(actor, input.communeCode);
    const format = residentsFileFormat(input.fileName);
    const { columns, rows } = await readResidentsFile(input.content, format);

    for (let attempt = 1; ; attempt++) {
      try {
        const plan = this.plan(rows, columns, villages, new Date());
        await this.markExisting(plan, [...new Set(villages.values())]);
        const result: ResidentsImportResult = {
          ok: plan.errors.length === 0,
          rowsRead: rows.length,
          created: 0,
          duplicates: plan.duplicates.sort((a, b) => a.row - b.row),
          errors: plan.errors.sort((a, b) => a.row - b.row),
        };
        if (!result.ok || input.dryRun) return result;
        result.created = await this.write(
          plan.residents,
          consent,
          account.accountId,
          input.communeCode,
          requestId,
          result,
        );
        this.logger.log(
          { communeCode: input.communeCode, created: result.created, duplicates: result.duplicates.length },
          'residents imported',
        );
        return result;
      } catch (error) {
        // One retry: the second pass sees the other writer's residents as duplicates.
        if (!(error instanceof ImportRaceError) || attempt >= 2) throw error;
        this.logger.warn(
          { communeCode: input.communeCode },
          'residents import raced with another writer; validating again',
        );
      }
    }
  }

  /** Folded village name → id for the commune; COMMUNE_NOT_FOUND when missing or not importable. */
  private async importableVillages(actor: Actor, communeCode: string): Promise<Map<string, string>> {
    const [commune] = await this.em.execute<{ province_code: string }[]>(
      `select province_code from commune where code = ?`,
      [String(communeCode)],
    );
    const scope = {
      kind: ScopeKind.COMMUNE,
      id: communeCode,
      provinceCode: commune?.province_code ?? null,
      communeCode,
      villageId: null,
    };
    if (!commune || !can(actor, Permission.RESIDENTS_IMPORT, scope)) {
      throw new GeographyError(GeographyErrorCode.COMMUNE_NOT_FOUND, { code: communeCode });
    }
    const rows = await this.em.execute<{ id: string; search_text: string }[]>(
      `select id, search_text from village where commune_code = ?`,
      [communeCode],
    );
    return new Map(rows.map((row) => [row.search_text, row.id]));
  }

  /** Validates every row and removes duplicates within the file. */
  private plan(
    rows: ResidentsSheetRow[],
    columns: ResidentsColumnIndex,
    villages: Map<string, string>,
    now: Date,
  ): Plan {
    const plan: Plan = { residents: [], duplicates: [], errors: [] };
    const firstRowOf = new Map<string, number>();
    for (const sheetRow of rows) {
      const { row } = sheetRow;
      const text = (column: ResidentsColumn) => {
        const cell = cellAt(sheetRow, columns[column]);
        return cell === null ? '' : String(cell);
      };
      const before = plan.errors.length;
      const gender = parseGender(cellAt(sheetRow, columns[ResidentsColumn.GENDER]));
      if (gender === undefined) {
        plan.errors.push(
          issue(
            row,
            ResidentsColumn.GENDER,
            ResidentsImportRowCode.INVALID_GENDER,
            'Giới tính phải là "Nam", "Nữ" hoặc "Khác".',
          ),
        );
      }
      const villageName = text(ResidentsColumn.VILLAGE).trim();
      const villageId = villages.get(foldVietnamese(villageName));
      if (!villageId) {
        // The name is echoed to help the official, unless it looks like a number typed in the wrong column.
        const message = !villageName
          ? 'Thiếu tên thôn/tổ dân phố.'
          : /\d{6,}/.test(villageName)
            ? 'Xã/phường này không có thôn/tổ dân phố ghi ở dòng này.'
            : `Xã/phường này không có thôn/tổ dân phố "${villageName.slice(0, 120)}".`;
        plan.errors.push(issue(row, ResidentsColumn.VILLAGE, ResidentsImportRowCode.VILLAGE_NOT_FOUND, message));
      }
      // Every broken field is reported, not only the first: the official fixes the row once.
      const raw = {
        fullName: text(ResidentsColumn.FULL_NAME),
        birthYear: parseBirthYear(cellAt(sheetRow, columns[ResidentsColumn.BIRTH_YEAR])),
        gender: gender ?? null,
        phone: phoneText(cellAt(sheetRow, columns[ResidentsColumn.PHONE])),
        citizenId: citizenIdText(cellAt(sheetRow, columns[ResidentsColumn.CITIZEN_ID])),
      };
      let checked = checkResidentFields(raw, now);
      const skipped = new Set<ResidentField>();
      while (!checked.ok) {
        const code = checked.code as string as ResidentsImportRowCode;
        plan.errors.push(issue(row, columnOfField[checked.field], code, residentsErrorMessages[checked.code]));
        skipped.add(checked.field);
        if (skipped.size > 5) break;
        checked = checkResidentFields(
          {
            fullName: skipped.has('fullName') ? 'Tạm' : raw.fullName,
            birthYear: skipped.has('birthYear') ? now.getFullYear() : raw.birthYear,
            gender: raw.gender,
            phone: skipped.has('phone') ? null : raw.phone,
            citizenId: skipped.has('citizenId') || skipped.has('birthYear') ? null : raw.citizenId,
          },
          now,
        );
      }
      if (plan.errors.length > before || !checked.ok || !villageId) continue;

      const fields = checked.value;
      const planned: PlannedResident = {
        row,
        villageId,
        ...fields,
        phoneHash: fields.phone ? this.vault.hash('phone', fields.phone) : null,
        citizenIdHash: fields.citizenId ? this.vault.hash('citizenId', fields.citizenId) : null,
      };
      const keys: ['phone' | 'citizenId' | 'namesake', string][] = [];
      if (planned.phoneHash) keys.push(['phone', `p:${planned.phoneHash}`]);
      if (planned.citizenIdHash) keys.push(['citizenId', `c:${planned.citizenIdHash}`]);
      if (keys.length === 0) keys.push(['namesake', `n:${namesakeKey(villageId, fields.fullName, fields.birthYear)}`]);
      const clash = keys.find(([, key]) => firstRowOf.has(key));
      if (clash) {
        const column =
          clash[0] === 'phone' ? ResidentsColumn.PHONE : clash[0] === 'citizenId' ? ResidentsColumn.CITIZEN_ID : null;
        plan.duplicates.push(
          issue(
            row,
            column,
            ResidentsImportRowCode.DUPLICATE_IN_FILE,
            `Trùng ${fieldNames[clash[0]]} với dòng ${firstRowOf.get(clash[1])}: bỏ qua dòng này.`,
          ),
        );
        continue;
      }
      for (const [, key] of keys) firstRowOf.set(key, row);
      plan.residents.push(planned);
    }
    return plan;
  }

  /** Moves planned residents that already exist to the duplicates. A few queries whatever the file's size. */
  private async markExisting(plan: Plan, villageIds: string[]): Promise<void> {
    const existing = new Set<string>();
    const phoneHashes = plan.residents.flatMap((r) => (r.phoneHash ? [r.phoneHash] : []));
    const citizenIdHashes = plan.residents.flatMap((r) => (r.citizenIdHash ? [r.citizenIdHash] : []));
    for (const [column, prefix, hashes] of [
      ['phone_hash', 'p', phoneHashes],
      ['citizen_id_hash', 'c', citizenIdHashes],
    ] as const) {
      for (let start = 0; start < hashes.length; start += LOOKUP_CHUNK) {
        const chunk = hashes.slice(start, start + LOOKUP_CHUNK);
        const found = await this.em.execute<{ hash: string }[]>(
          `select ${column} as hash from resident where ${column} in (${placeholders(chunk.length)})`,
          chunk,
        );
        for (const { hash } of found) existing.add(`${prefix}:${hash}`);
      }
    }
    if (villageIds.length > 0 && plan.residents.some((r) => !r.phoneHash && !r.citizenIdHash)) {
      const namesakes = await this.em.execute<{ village_id: string; full_name: string; birth_year: number }[]>(
        `select village_id, full_name, birth_year from resident
          where village_id in (${placeholders(villageIds.length)}) and erased_at is null and phone_hash is null and citizen_id_hash is null`,
        villageIds,
      );
      for (const r of namesakes) existing.add(`n:${namesakeKey(r.village_id, r.full_name, r.birth_year)}`);
    }
    plan.residents = plan.residents.filter((resident) => {
      const clash: 'phone' | 'citizenId' | 'namesake' | null =
        resident.phoneHash && existing.has(`p:${resident.phoneHash}`)
          ? 'phone'
          : resident.citizenIdHash && existing.has(`c:${resident.citizenIdHash}`)
            ? 'citizenId'
            : !resident.phoneHash &&
                !resident.citizenIdHash &&
                existing.has(`n:${namesakeKey(resident.villageId, resident.fullName, resident.birthYear)}`)
              ? 'namesake'
              : null;
      if (!clash) return true;
      const column =
        clash === 'phone' ? ResidentsColumn.PHONE : clash === 'citizenId' ? ResidentsColumn.CITIZEN_ID : null;
      plan.duplicates.push(
        issue(
          resident.row,
          column,
          ResidentsImportRowCode.DUPLICATE_EXISTING,
          `Đã có người dân với ${fieldNames[clash]} này: bỏ qua dòng này.`,
        ),
      );
      return false;
    });
  }

  /** Multi-row inserts, consents and the audit line in one transaction. */
  private async write(
    residents: PlannedResident[],
    consent: ValidConsent,
    actorAccountId: string,
    communeCode: string,
    requestId: string | null | undefined,
    result: ResidentsImportResult,
  ): Promise<number> {
    return this.em.transactional(async (em) => {
      const ids: string[] = [];
      for (let start = 0; start < residents.length; start += INSERT_CHUNK) {
        const chunk = residents.slice(start, start + INSERT_CHUNK);
        const chunkIds = chunk.map(() => randomUUID());
        const inserted = await em.execute<{ id: string }[]>(
          `insert into resident (id, village_id, full_name, birth_year, gender, phone_cipher, phone_hash, citizen_id_cipher, citizen_id_hash, created_by)
           values ${chunk.map(() => '(?, ?, ?, ?, ?::gender, ?, ?, ?, ?, ?)').join(', ')} on conflict do nothing returning id`,
          chunk.flatMap((r, i) => [
            chunkIds[i],
            r.villageId,
            r.fullName,
            r.birthYear,
            r.gender,
            r.phone ? this.vault.encrypt(r.phone) : null,
            r.phoneHash,
            r.citizenId ? this.vault.encrypt(r.citizenId) : null,
            r.citizenIdHash,
            actorAccountId,
          ]),
        );
        if (inserted.length < chunk.length) throw new ImportRaceError();
        ids.push(...chunkIds);
      }
      await insertConsents(em, ids, consent, actorAccountId);
      await this.audit.record(em, {
        action: AuditAction.RESIDENTS_IMPORTED,
        actorAccountId,
        targetType: 'commune',
        targetId: communeCode,
        requestId,
        details: {
          rowsRead: result.rowsRead,
          created: ids.length,
          duplicates: result.duplicates.length,
          purposes: consent.purposes,
          method: consent.method,
        },
      });
      return ids.length;
    });
  }
}
