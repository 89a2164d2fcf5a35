export { type ConsentView, ConsentsService, type RecordConsentInput } from './consents.service';
export { Consent, ConsentMethod, ConsentPurpose, Gender, Resident, residentsEntities } from './entities';
export {
  ErasureReason,
  type ErasureResult,
  type PersonalDataExport,
  PersonalDataRequestsService,
} from './personal-data-requests.service';
export { type PersonalDataSource, PersonalDataModule, PersonalDataSources } from './personal-data-sources';
export type { ResidentView } from './resident-records';
export { type ConsentInput, FULL_NAME_MAX_LENGTH, FULL_NAME_MIN_LENGTH } from './resident-rules';
export {
  decodeResidentsFile,
  RESIDENTS_IMPORT_MAX_BYTES,
  RESIDENTS_IMPORT_MAX_ROWS,
  residentsColumnHeaders,
} from './residents-import/residents-file.parser';
export {
  ResidentsImportRowCode,
  type ResidentsImportInput,
  type ResidentsImportResult,
  type ResidentsImportRowIssue,
  ResidentsImportService,
} from './residents-import/residents-import.service';
export { ResidentsError, ResidentsErrorCode, residentsErrorMessages } from './residents.errors';
export { ResidentsModule } from './residents.module';
export {
  type CreateResidentInput,
  type ResidentContact,
  type ResidentFilter,
  ResidentsService,
} from './residents.service';
