export {
  decodeBase64File,
  PLACES_IMPORT_MAX_BYTES,
  PLACES_IMPORT_MAX_ROWS,
  placesColumnHeaders,
} from './places-import.parser';
export { type PlacesImportRowError, PlacesImportRowErrorCode } from './places-import.plan';
export { type PlacesImportInput, type PlacesImportResult, PlacesImportService } from './places-import.service';
