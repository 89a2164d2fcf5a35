export {
  Commune,
  CommuneKind,
  geographyEntities,
  Province,
  ProvinceKind,
  Venue,
  Village,
  VillageKind,
} from './entities';
export { GeographyError, GeographyErrorCode, geographyErrorMessages } from './geography.errors';
export { GeographyModule } from './geography.module';
export { type CommuneFilter, GeographyService } from './geography.service';
export { decodeBase64File, type PlacesImportResult, PlacesImportService } from './places-import';
export { cleanName, foldVietnamese, searchTokens } from './text/fold';
export { type UnitCounts, UnitsImportService, type UnitsImportSummary } from './units-import/units-import.service';
export {
  type CreateVenueInput,
  type CreateVillageInput,
  VillagesAndVenuesService,
} from './villages-and-venues.service';
