export {
  ReachTarget,
  SupportPlace,
  SupportTask,
  SupportVisit,
  Team,
  TeamMember,
  TeamVillage,
  VolunteerAssignment,
  YouthUnit,
  youthEntities,
  YouthUnitLevel,
} from './entities';
export { SYNC_MAX_VISITS, type SupportVisitInput } from './support-visits/support-visit-rules';
export {
  type SupportVisitView,
  SupportVisitsService,
  type VisitFilter,
  VisitSyncStatus,
  type VisitSyncResult,
} from './support-visits/support-visits.service';
export {
  type ReachTargetsImportResult,
  ReachTargetsService,
  type ReachTargetView,
  type SetReachTargetInput,
  TargetsImportRowCode,
  type TargetsImportRowIssue,
} from './targets/reach-targets.service';
export { decodeTargetsFile, TARGETS_IMPORT_MAX_BYTES, targetsColumnHeaders } from './targets/targets-file.parser';
export {
  type CreateTeamInput,
  type TeamMemberView,
  type TeamMembershipInput,
  TeamsService,
  type TeamView,
} from './teams.service';
export { type AssignVolunteerInput, type VolunteerAssignmentView, VolunteersService } from './volunteers.service';
export { YouthError, YouthErrorCode, youthErrorMessages } from './youth.errors';
export { YouthModule } from './youth.module';
export { YouthUnitsService, type YouthUnitView } from './youth-units.service';
