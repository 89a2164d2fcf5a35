import { Module } from '@nestjs/common';
import { AuditModule } from '@hocvuso/audit';
import { GeographyService } from './geography.service';
import { PlacesImportService } from './places-import/places-import.service';
import { UnitsImportService } from './units-import/units-import.service';
import { VillagesAndVenuesService } from './villages-and-venues.service';

@Module({
  imports: [AuditModule],
  providers: [GeographyService, PlacesImportService, UnitsImportService, VillagesAndVenuesService],
  exports: [GeographyService, PlacesImportService, UnitsImportService, VillagesAndVenuesService],
})
export class GeographyModule {}
