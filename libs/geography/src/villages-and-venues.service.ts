import { Injectable, Logger } from '@nestjs/common';
import { type Actor, requireAccount } from '@hocvuso/access';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Commune } from './entities/commune.entity';
import { Venue } from './entities/venue.entity';
import { Village, VillageKind } from './entities/village.entity';
import { GeographyError, GeographyErrorCode } from './geography.errors';
import { mayManagePlacesIn } from './place-access';
import { type Checked, checkCapacity, checkPlaceName } from './place-rules';

export interface CreateVillageInput {
  communeCode: string;
  name: string;
  kind: VillageKind;
}

export interface CreateVenueInput {
  villageId: string;
  name: string;
  capacity?: number | null;
}

function valid<T>(checked: Checked<T>, details: Record<string, unknown>): T {
  if (!checked.ok) throw new GeographyError(checked.code, details);
  return checked.value;
}

/**
 * Villages and venues are entered by commune officials (GEOGRAPHY_MANAGE on a scope containing
 * the commune; see place-access.ts). Creating one that already exists with the same name
 * (accents and case aside) returns the existing one, so a retried request never duplicates; a
 * clash with something different is an error.
 */
@Injectable()
export class VillagesAndVenuesService {
  private readonly logger = new Logger(VillagesAndVenuesService.name);

  constructor(private readonly em: EntityManager) {}

  async createVillage(actor: Actor, input: CreateVillageInput): Promise<Village> {
    requireAccount(actor);
    const { name, searchText } = valid(checkPlaceName(input.name), { communeCode: input.communeCode });
    const commune = await this.findManagedCommune(actor, input.communeCode);

    const existing = await this.em.findOne(Village, { commune, searchText });
    if (existing) return this.sameVillageOrClash(existing, input.kind);
    const village = this.em.create(Village, { commune, name, kind: input.kind, searchText } as never);
    try {
      await this.em.flush();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // A concurrent identical request won the race: answer as the retry it is.
      this.em.clear();
      const winner = await this.em.findOneOrFail(Village, { commune: input.communeCode, searchText });
      return this.sameVillageOrClash(winner, input.kind);
    }
    this.logger.log(`village ${village.id} created in commune ${commune.code}`);
    return village;
  }

  async renameVillage(actor: Actor, id: string, rawName: string): Promise<Village> {
    requireAccount(actor);
    const { name, searchText } = valid(checkPlaceName(rawName), { id });
    const village = await this.findManagedVillage(actor, id);
    await this.ensureVillageNameFree(village.commune.code, searchText, village.id);
    village.name = name;
    village.searchText = searchText;
    await this.em.flush();
    return village;
  }

  async moveVillage(actor: Actor, id: string, communeCode: string): Promise<Village> {
    requireAccount(actor);
    const village = await this.findManagedVillage(actor, id);
    const commune = await this.findManagedCommune(actor, communeCode);
    await this.ensureVillageNameFree(commune.code, village.searchText, village.id);
    village.commune = commune;
    await this.em.flush();
    this.logger.log(`village ${village.id} moved to commune ${commune.code}`);
    return village;
  }

  async createVenue(actor: Actor, input: CreateVenueInput): Promise<Venue> {
    requireAccount(actor);
    const { name, searchText } = valid(checkPlaceName(input.name), { villageId: input.villageId });
    const capacity = valid(checkCapacity(input.capacity), { villageId: input.villageId });
    const village = await this.findManagedVillage(actor, input.villageId);

    const existing = await this.em.findOne(Venue, { village, searchText });
    if (existing) return this.sameVenueOrClash(existing, capacity);
    const venue = this.em.create(Venue, { village, name, capacity, searchText } as never);
    try {
      await this.em.flush();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      this.em.clear();
      const winner = await this.em.findOneOrFail(Venue, { village: input.villageId, searchText });
      return this.sameVenueOrClash(winner, capacity);
    }
    this.logger.log(`venue ${venue.id} created in village ${village.id}`);
    return venue;
  }

  async renameVenue(actor: Actor, id: string, rawName: string): Promise<Venue> {
    requireAccount(actor);
    const { name, searchText } = valid(checkPlaceName(rawName), { id });
    const venue = await this.findManagedVenue(actor, id);
    await this.ensureVenueNameFree(venue.village.id, searchText, venue.id);
    venue.name = name;
    venue.searchText = searchText;
    await this.em.flush();
    return venue;
  }

  async moveVenue(actor: Actor, id: string, villageId: string): Promise<Venue> {
    requireAccount(actor);
    const venue = await this.findManagedVenue(actor, id);
    const village = await this.findManagedVillage(actor, villageId);
    await this.ensureVenueNameFree(village.id, venue.searchText, venue.id);
    venue.village = village;
    await this.em.flush();
    this.logger.log(`venue ${venue.id} moved to village ${village.id}`);
    return venue;
  }

  private sameVillageOrClash(existing: Village, kind: VillageKind): Village {
    if (existing.kind !== kind) {
      throw new GeographyError(GeographyErrorCode.VILLAGE_NAME_TAKEN, { villageId: existing.id });
    }
    return existing;
  }

  private sameVenueOrClash(existing: Venue, capacity: number | null): Venue {
    if (existing.capacity !== capacity) {
      throw new GeographyError(GeographyErrorCode.VENUE_NAME_TAKEN, { venueId: existing.id });
    }
    return existing;
  }

  private async findManagedCommune(actor: Actor, code: string): Promise<Commune> {
    const commune = await this.em.findOne(Commune, { code });
    if (!commune || !mayManagePlacesIn(actor, commune)) {
      throw new GeographyError(GeographyErrorCode.COMMUNE_NOT_FOUND, { code });
    }
    return commune;
  }

  private async findManagedVillage(actor: Actor, id: string): Promise<Village> {
    const village = await this.em.findOne(Village, { id }, { populate: ['commune'] });
    if (!village || !mayManagePlacesIn(actor, village.commune)) {
      throw new GeographyError(GeographyErrorCode.VILLAGE_NOT_FOUND, { id });
    }
    return village;
  }

  private async findManagedVenue(actor: Actor, id: string): Promise<Venue> {
    const venue = await this.em.findOne(Venue, { id }, { populate: ['village.commune'] });
    if (!venue || !mayManagePlacesIn(actor, venue.village.commune)) {
      throw new GeographyError(GeographyErrorCode.VENUE_NOT_FOUND, { id });
    }
    return venue;
  }

  private async ensureVillageNameFree(communeCode: string, searchText: string, exceptId: string): Promise<void> {
    const clash = await this.em.findOne(Village, { commune: communeCode, searchText, id: { $ne: exceptId } });
    if (clash) throw new GeographyError(GeographyErrorCode.VILLAGE_NAME_TAKEN, { villageId: clash.id });
  }

  private async ensureVenueNameFree(villageId: string, searchText: string, exceptId: string): Promise<void> {
    const clash = await this.em.findOne(Venue, { village: villageId, searchText, id: { $ne: exceptId } });
    if (clash) throw new GeographyError(GeographyErrorCode.VENUE_NAME_TAKEN, { venueId: clash.id });
  }
}
