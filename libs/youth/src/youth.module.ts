import { Module } from '@nestjs/common';
import { SupportVisitsService } from './support-visits/support-visits.service';
import { ReachTargetsService } from './targets/reach-targets.service';
import { TeamsService } from './teams.service';
import { VolunteersService } from './volunteers.service';
import { YouthUnitsService } from './youth-units.service';
import { SupportVisitsPersonalData } from './support-visits/support-visits-personal-data';

/** Youth union, teams, volunteers, support visits and reach targets; AuditModule is global. */
@Module({
  providers: [
    ReachTargetsService,
    SupportVisitsPersonalData,
    SupportVisitsService,
    TeamsService,
    VolunteersService,
    YouthUnitsService,
  ],
  exports: [ReachTargetsService, SupportVisitsService, TeamsService, VolunteersService, YouthUnitsService],
})
export class YouthModule {}
