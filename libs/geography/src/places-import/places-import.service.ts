import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type Actor, requireAccount } from '@hocvuso/access';
import { AuditAction, AuditService } from '@hocvuso/audit';
import { EntityManager } from '@mikro-orm/postgresql';
import { VillageKind } from '../entities/village.entity';
import { GeographyError, GeographyErrorCode } from '../geography.errors';
import { mayManagePlacesInCodes } from '../place-access';
import {
  matchPlacesHeader,
  PlacesColumn,
  placesFileFormat,
  readPlacesSheet,
  villageKindNames,
} from './places-import.parser';
import {
  describeCapacity,
  type PlacesImportRowError,
  PlacesImportRowErrorCode,
  type PlacesPlan,
  type PlannedVenue,
  type PlannedVillage,
  planPlacesImport,
  rowError,
} from './places-import.plan';

export interface PlacesImportInput {
  /** only its extension matters: .xlsx or .csv */
  fileName: string;
  content: Buffer;
  /** validate and count, write nothing */
  dryRun?: boolean;
}

export interface PlacesImportResult {
  ok: boolean;
  villagesCreated: number;
  villagesUnchanged: number;
  venuesCreated: number;
  venuesUnchanged: number;
  rowsRead: number;
  errors: PlacesImportRowError[];
}

interface ExistingVillage {
  id: string;
  kind: VillageKind;
}

interface ExistingVenue {
  capacity: number | null;
}

/** Planned villages and venues matched against the database. */
interface Resolved {
  existingVillages: Map<string, ExistingVillage>;
  existingVenues: Map<string, ExistingVenue>;
  errors: PlacesImportRowError[];
}

// Rows per INSERT: five parameters a row stays far under PostgreSQL's 65,535 per statement.
const INSERT_CHUNK = 1_000;

interface ImportedBy {
  actor: Actor;
  accountId: string;
  requestId: string | null;
}

/** A concurrent writer created one of our villages or venues differently between check and write. */
class ImportRaceError extends Error {}

const placeholders = (count: number, width: number): string =>
  Array.from({ length: count }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');

/**
 * Bulk import of villages and venues from a commune's spreadsheet (layout in places-import.parser.ts).
 * All or nothing: one bad row and nothing is written, with every problem reported by row. Like the
 * single create, a village or venue that already exists under the same name (accents and case
 * aside) is left as it is, so importing the same file twice creates nothing the second time.
 */
@Injectable()
export class PlacesImportService {
  private readonly logger = new Logger(PlacesImportService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /**
   * Rows naming a commune outside the actor's GEOGRAPHY_MANAGE scope are reported exactly like
   * rows naming a commune that does not exist.
   */
  async importFile(
    actor: Actor,
    input: PlacesImportInput,
    requestId: string | null = null,
  ): Promise<PlacesImportResult> {
    const account = requireAccount(actor);
    const format = placesFileFormat(input.fileName);
    const [header, ...dataRows] = await readPlacesSheet(input.content, format);
    if (!header) throw new GeographyError(GeographyErrorCode.PLACES_FILE_INVALID, { reason: 'Tệp trống.' });
    const plan = planPlacesImport(dataRows, matchPlacesHeader(header));
    if (plan.rowsRead === 0) {
      throw new GeographyError(GeographyErrorCode.PLACES_FILE_INVALID, {
        reason: 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.',
      });
    }

    // One retry: after a race the second pass sees the other writer's rows and reports or reuses them.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.run(plan, input.dryRun ?? false, { actor, accountId: account.accountId, requestId });
      } catch (error) {
        if (!(error instanceof ImportRaceError) || attempt >= 2) throw error;
        this.logger.warn('places import raced with another writer; validating again');
      }
    }
  }

  private async run(plan: PlacesPlan, dryRun: boolean, by: ImportedBy): Promise<PlacesImportResult> {
    const resolved = await this.resolve(plan, by.actor);
    const errors = [...plan.errors, ...resolved.errors].sort((a, b) => a.row - b.row);
    if (errors.length > 0) {
      return {
        ok: false,
        villagesCreated: 0,
        villagesUnchanged: 0,
        venuesCreated: 0,
        venuesUnchanged: 0,
        rowsRead: plan.rowsRead,
        errors,
      };
    }

    const newVillages = [...plan.villages.values()].filter((village) => !resolved.existingVillages.has(village.key));
    const newVenues = [...plan.venues.values()].filter((venue) => !resolved.existingVenues.has(venue.key));
    const counts = {
      villagesCreated: newVillages.length,
      villagesUnchanged: plan.villages.size - newVillages.length,
      venuesCreated: newVenues.length,
      venuesUnchanged: plan.venues.size - newVenues.length,
    };
    if (!dryRun) {
      const written = await this.write(newVillages, newVenues, resolved.existingVillages, by);
      counts.villagesUnchanged += counts.villagesCreated - written.villagesCreated;
      counts.venuesUnchanged += counts.venuesCreated - written.venuesCreated;
      Object.assign(counts, written);
      const communes = [...new Set(newVillages.map((village) => village.communeCode))];
      this.logger.log({ ...counts, communes }, 'places imported');
    }
    return { ok: true, ...counts, rowsRead: plan.rowsRead, errors: [] };
  }

  /** Three queries whatever the file's size: its communes, their villages, those villages' venues. */
  private async resolve(plan: PlacesPlan, actor: Actor): Promise<Resolved> {
    const errors: PlacesImportRowError[] = [];
    const existingVillages = new Map<string, ExistingVillage>();
    const existingVenues = new Map<string, ExistingVenue>();

    const codes = [...new Set(plan.communeCodeRows.map(({ communeCode }) => communeCode))];
    if (codes.length === 0) return { existingVillages, existingVenues, errors };
    const found = await this.em.execute<{ code: string; province_code: string }[]>(
      `select "code", "province_code" from "commune" where "code" in (${codes.map(() => '?').join(', ')})`,
      codes,
    );
    const knownCodes = new Set(
      found
        .filter((commune) => mayManagePlacesInCodes(actor, commune.code, commune.province_code))
        .map(({ code }) => code),
    );
    for (const { row, communeCode } of plan.communeCodeRows) {
      if (!knownCodes.has(communeCode)) {
        errors.push(
          rowError(
            row,
            PlacesColumn.COMMUNE_CODE,
            PlacesImportRowErrorCode.COMMUNE_NOT_FOUND,
            `Không có xã/phường/đặc khu nào mang mã ${communeCode}.`,
          ),
        );
      }
    }
    if (knownCodes.size === 0) return { existingVillages, existingVenues, errors };

    const villageRows = await this.em.execute<
      { id: string; commune_code: string; search_text: string; name: string; kind: VillageKind }[]
    >(
      `select "id", "commune_code", "search_text", "name", "kind" from "village" where "commune_code" in (${[...knownCodes].map(() => '?').join(', ')})`,
      [...knownCodes],
    );
    for (const existing of villageRows) {
      const planned = plan.villages.get(`${existing.commune_code}\u0000${existing.search_text}`);
      if (!planned) continue;
      if (existing.kind !== planned.kind) {
        for (const row of planned.rows) {
          errors.push(
            rowError(
              row,
              PlacesColumn.VILLAGE_KIND,
              PlacesImportRowErrorCode.VILLAGE_KIND_MISMATCH,
              `Xã ${planned.communeCode} đã có "${existing.name}" là ${villageKindNames[existing.kind]}, dòng này ghi ${villageKindNames[planned.kind]}.`,
            ),
          );
        }
        continue;
      }
      existingVillages.set(planned.key, { id: existing.id, kind: existing.kind });
    }

    const villageKeysById = new Map([...existingVillages].map(([key, { id }]) => [id, key]));
    if (villageKeysById.size === 0) return { existingVillages, existingVenues, errors };
    const venueRows = await this.em.execute<
      { village_id: string; search_text: string; name: string; capacity: number | null }[]
    >(
      `select "village_id", "search_text", "name", "capacity" from "venue" where "village_id" in (${[...villageKeysById.keys()].map(() => '?').join(', ')})`,
      [...villageKeysById.keys()],
    );
    for (const existing of venueRows) {
      const planned = plan.venues.get(`${villageKeysById.get(existing.village_id)}\u0000${existing.search_text}`);
      if (!planned) continue;
      if (existing.capacity !== planned.capacity) {
        for (const row of planned.rows) {
          errors.push(
            rowError(
              row,
              PlacesColumn.VENUE_CAPACITY,
              PlacesImportRowErrorCode.VENUE_CAPACITY_MISMATCH,
              `"${planned.village.name}" đã có điểm cầu "${existing.name}" với ${describeCapacity(existing.capacity)}, dòng này ${describeCapacity(planned.capacity)}.`,
            ),
          );
        }
        continue;
      }
      existingVenues.set(planned.key, { capacity: existing.capacity });
    }
    return { existingVillages, existingVenues, errors };
  }

  /** One transaction of multi-row inserts; what another writer created meanwhile is kept if it matches. */
  private async write(
    newVillages: PlannedVillage[],
    newVenues: PlannedVenue[],
    existingVillages: Map<string, ExistingVillage>,
    by: ImportedBy,
  ): Promise<{ villagesCreated: number; venuesCreated: number }> {
    return this.em.transactional(async (em) => {
      const written = await this.insert(em, newVillages, newVenues, existingVillages);
      const communes = [...new Set(newVillages.map((village) => village.communeCode))];
      await this.audit.record(em, {
        action: AuditAction.PLACES_IMPORTED,
        actorAccountId: by.accountId,
        requestId: by.requestId,
        details: { ...written, communes },
      });
      return written;
    });
  }

  private async insert(
    em: EntityManager,
    newVillages: PlannedVillage[],
    newVenues: PlannedVenue[],
    existingVillages: Map<string, ExistingVillage>,
  ): Promise<{ villagesCreated: number; venuesCreated: number }> {
    const villageIds = new Map([...existingVillages].map(([key, { id }]) => [key, id]));
    let villagesCreated = 0;
    for (let start = 0; start < newVillages.length; start += INSERT_CHUNK) {
      const chunk = newVillages.slice(start, start + INSERT_CHUNK);
      const ids = chunk.map(() => randomUUID());
      const inserted = await em.execute<{ id: string }[]>(
        `insert into "village" ("id", "commune_code", "name", "kind", "search_text") values ${placeholders(chunk.length, 5)}
         on conflict ("commune_code", "search_text") do nothing returning "id"`,
        chunk.flatMap((village, i) => [ids[i], village.communeCode, village.name, village.kind, village.searchText]),
      );
      villagesCreated += inserted.length;
      const insertedIds = new Set(inserted.map(({ id }) => id));
      const raced: PlannedVillage[] = [];
      chunk.forEach((village, i) =>
        insertedIds.has(ids[i]) ? villageIds.set(village.key, ids[i]) : raced.push(village),
      );
      for (const village of raced) villageIds.set(village.key, await this.racedVillageId(em, village));
    }

    let venuesCreated = 0;
    for (let start = 0; start < newVenues.length; start += INSERT_CHUNK) {
      const chunk = newVenues.slice(start, start + INSERT_CHUNK);
      const inserted = await em.execute<{ village_id: string; search_text: string }[]>(
        `insert into "venue" ("id", "village_id", "name", "capacity", "search_text") values ${placeholders(chunk.length, 5)}
         on conflict ("village_id", "search_text") do nothing returning "village_id", "search_text"`,
        chunk.flatMap((venue) => [
          randomUUID(),
          villageIds.get(venue.village.key),
          venue.name,
          venue.capacity,
          venue.searchText,
        ]),
      );
      venuesCreated += inserted.length;
      if (inserted.length < chunk.length) await this.checkRacedVenues(em, chunk, villageIds, inserted);
    }
    return { villagesCreated, venuesCreated };
  }

  private async racedVillageId(em: EntityManager, village: PlannedVillage): Promise<string> {
    const [winner] = await em.execute<{ id: string; kind: VillageKind }[]>(
      `select "id", "kind" from "village" where "commune_code" = ? and "search_text" = ?`,
      [village.communeCode, village.searchText],
    );
    if (!winner || winner.kind !== village.kind) throw new ImportRaceError();
    return winner.id;
  }

  private async checkRacedVenues(
    em: EntityManager,
    chunk: PlannedVenue[],
    villageIds: Map<string, string>,
    inserted: { village_id: string; search_text: string }[],
  ): Promise<void> {
    const insertedKeys = new Set(inserted.map((row) => `${row.village_id}\u0000${row.search_text}`));
    for (const venue of chunk) {
      const villageId = villageIds.get(venue.village.key);
      if (insertedKeys.has(`${villageId}\u0000${venue.searchText}`)) continue;
      const [winner] = await em.execute<{ capacity: number | null }[]>(
        `select "capacity" from "venue" where "village_id" = ? and "search_text" = ?`,
        [villageId, venue.searchText],
      );
      if (!winner || winner.capacity !== venue.capacity) throw new ImportRaceError();
    }
  }
}
