import { Module } from '@nestjs/common';
import { SupportVisitsService } from './support-visits/support-visits.service';
import { ReachTargetsService } from './targets/reach-targets.service';
import { TeamsService } from './teams.service';
import { VolunteersService } from './volunteers.service';
import { YouthUnitsService } from './youth-units.service';

/** Youth union, teams, volunteers, support visits and reach targets; AuditModule is global. */
@Module({
  providers: [ReachTargetsService, SupportVisitsService, TeamsService, VolunteersService, YouthUnitsService],
  exports: [ReachTargetsService, SupportVisitsService, TeamsService, VolunteersService, YouthUnitsService],
})
export class YouthModule {}
