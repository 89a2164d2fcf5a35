import { Module } from '@nestjs/common';
import { IdentityModule } from '@hocvuso/identity';
import { ConsentsService } from './consents.service';
import { PersonalDataRequestsService } from './personal-data-requests.service';
import { PersonalDataModule } from './personal-data-sources';
import { ResidentsImportService } from './residents-import/residents-import.service';
import { ResidentsService } from './residents.service';

/** Residents and their personal data; AuditModule is global, PiiVault comes from IdentityModule. */
@Module({
  imports: [IdentityModule, PersonalDataModule],
  providers: [ConsentsService, PersonalDataRequestsService, ResidentsImportService, ResidentsService],
  exports: [ConsentsService, PersonalDataRequestsService, ResidentsImportService, ResidentsService],
})
export class ResidentsModule {}
