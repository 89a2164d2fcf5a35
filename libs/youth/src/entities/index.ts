import { ReachTargetSchema } from './reach-target.entity';
import { SupportVisitSchema } from './support-visit.entity';
import { TeamMemberSchema, TeamSchema, TeamVillageSchema } from './team.entity';
import { VolunteerAssignmentSchema } from './volunteer-assignment.entity';
import { YouthUnitSchema } from './youth-unit.entity';

export { ReachTarget } from './reach-target.entity';
export { SupportPlace, SupportTask, SupportVisit } from './support-visit.entity';
export { Team, TeamMember, TeamVillage } from './team.entity';
export { VolunteerAssignment } from './volunteer-assignment.entity';
export { YouthUnit, YouthUnitLevel } from './youth-unit.entity';

export const youthEntities = [
  YouthUnitSchema,
  TeamSchema,
  TeamMemberSchema,
  TeamVillageSchema,
  VolunteerAssignmentSchema,
  SupportVisitSchema,
  ReachTargetSchema,
];
