/** Roles are granted on a scope (see scope.ts); one account may hold several grants. */
export enum Role {
  ADMIN = 'ADMIN',
  PROVINCE_OFFICIAL = 'PROVINCE_OFFICIAL',
  COMMUNE_OFFICIAL = 'COMMUNE_OFFICIAL',
  YOUTH_LEADER = 'YOUTH_LEADER',
  TEAM_LEADER = 'TEAM_LEADER',
  VOLUNTEER = 'VOLUNTEER',
  TRAINER = 'TRAINER',
  VENUE_FACILITATOR = 'VENUE_FACILITATOR',
  RESIDENT = 'RESIDENT',
}

/** What a grant allows inside its scope. Services ask for permissions, never for roles. */
export enum Permission {
  /** create, rename, move and import villages and venues */
  GEOGRAPHY_MANAGE = 'GEOGRAPHY_MANAGE',
  /** grant and revoke roles on scopes inside one's own */
  GRANTS_MANAGE = 'GRANTS_MANAGE',
  /** see residents (masked personal data) */
  RESIDENTS_READ = 'RESIDENTS_READ',
  /** create and correct residents, record consent on their behalf */
  RESIDENTS_WRITE = 'RESIDENTS_WRITE',
  /** bulk import residents */
  RESIDENTS_IMPORT = 'RESIDENTS_IMPORT',
  /** read a phone or citizen id in clear; every such read is audited */
  RESIDENTS_READ_UNMASKED = 'RESIDENTS_READ_UNMASKED',
  /** export everything held about a resident, or erase it, on the resident's request */
  RESIDENTS_DATA_REQUESTS = 'RESIDENTS_DATA_REQUESTS',
  /** read the audit log */
  AUDIT_READ = 'AUDIT_READ',
  /** create, edit and publish courses of the scope's publishing unit (a NATION grant for national courses) */
  COURSES_MANAGE = 'COURSES_MANAGE',
  /** record a resident's learning progress and quiz attempts, under the resident's LEARNING consent */
  LEARNING_ASSIST = 'LEARNING_ASSIST',
  /** revoke a certificate of a resident in the scope, with a reason (audited) */
  CERTIFICATES_REVOKE = 'CERTIFICATES_REVOKE',
  /** schedule, edit, start, end and cancel live sessions for target units inside the scope */
  LIVE_SESSIONS_MANAGE = 'LIVE_SESSIONS_MANAGE',
  /** join a live session as a venue of the scope, report its headcount and check residents in */
  LIVE_VENUE_HOST = 'LIVE_VENUE_HOST',
  /** create teams under the commune union, name their leaders, assign volunteer students to communes */
  TEAMS_MANAGE = 'TEAMS_MANAGE',
  /** add and remove members of teams in the scope and set the villages they cover */
  TEAM_MEMBERS_MANAGE = 'TEAM_MEMBERS_MANAGE',
  /** see the youth union, teams, members and volunteer assignments of the scope */
  TEAMS_READ = 'TEAMS_READ',
  /** record support visits (lượt hỗ trợ) in villages of the scope */
  SUPPORT_VISITS_RECORD = 'SUPPORT_VISITS_RECORD',
  /** list the support visits recorded in the scope */
  SUPPORT_VISITS_READ = 'SUPPORT_VISITS_READ',
  /** enter adult population and reach targets of communes and villages (by hand or from a file) */
  TARGETS_MANAGE = 'TARGETS_MANAGE',
  /** see the reach targets of the scope */
  TARGETS_READ = 'TARGETS_READ',
  /** see the reach statistics (classes, person-times, unique people, coverage) of units in the scope */
  STATISTICS_READ = 'STATISTICS_READ',
  /** rebuild the reach statistics rollups on demand (a NATION grant) */
  STATISTICS_REFRESH = 'STATISTICS_REFRESH',
}

const ALL = Object.values(Permission);

/**
 * The one table of who may do what. Unmasked reads stay with officials, never volunteers:
 * volunteers record and help, they do not browse citizen ids.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  ADMIN: ALL,
  PROVINCE_OFFICIAL: [
    Permission.GEOGRAPHY_MANAGE,
    Permission.GRANTS_MANAGE,
    Permission.RESIDENTS_READ,
    Permission.RESIDENTS_WRITE,
    Permission.RESIDENTS_IMPORT,
    Permission.RESIDENTS_READ_UNMASKED,
    Permission.RESIDENTS_DATA_REQUESTS,
    Permission.COURSES_MANAGE,
    Permission.LEARNING_ASSIST,
    Permission.CERTIFICATES_REVOKE,
    Permission.LIVE_SESSIONS_MANAGE,
    Permission.LIVE_VENUE_HOST,
    Permission.TEAMS_READ,
    Permission.SUPPORT_VISITS_READ,
    Permission.TARGETS_MANAGE,
    Permission.TARGETS_READ,
    Permission.STATISTICS_READ,
  ],
  COMMUNE_OFFICIAL: [
    Permission.GEOGRAPHY_MANAGE,
    Permission.GRANTS_MANAGE,
    Permission.RESIDENTS_READ,
    Permission.RESIDENTS_WRITE,
    Permission.RESIDENTS_IMPORT,
    Permission.RESIDENTS_READ_UNMASKED,
    Permission.RESIDENTS_DATA_REQUESTS,
    Permission.LEARNING_ASSIST,
    Permission.CERTIFICATES_REVOKE,
    Permission.LIVE_SESSIONS_MANAGE,
    Permission.LIVE_VENUE_HOST,
    Permission.TEAMS_READ,
    Permission.SUPPORT_VISITS_READ,
    Permission.TARGETS_MANAGE,
    Permission.TARGETS_READ,
    Permission.STATISTICS_READ,
  ],
  YOUTH_LEADER: [
    Permission.GRANTS_MANAGE,
    Permission.RESIDENTS_READ,
    Permission.RESIDENTS_WRITE,
    Permission.LEARNING_ASSIST,
    Permission.TEAMS_MANAGE,
    Permission.TEAM_MEMBERS_MANAGE,
    Permission.TEAMS_READ,
    Permission.SUPPORT_VISITS_RECORD,
    Permission.SUPPORT_VISITS_READ,
    Permission.TARGETS_READ,
    Permission.STATISTICS_READ,
  ],
  TEAM_LEADER: [
    Permission.RESIDENTS_READ,
    Permission.RESIDENTS_WRITE,
    Permission.LEARNING_ASSIST,
    Permission.TEAM_MEMBERS_MANAGE,
    Permission.TEAMS_READ,
    Permission.SUPPORT_VISITS_RECORD,
    Permission.SUPPORT_VISITS_READ,
  ],
  VOLUNTEER: [
    Permission.RESIDENTS_READ,
    Permission.RESIDENTS_WRITE,
    Permission.LEARNING_ASSIST,
    Permission.SUPPORT_VISITS_RECORD,
  ],
  TRAINER: [Permission.COURSES_MANAGE, Permission.LIVE_SESSIONS_MANAGE],
  VENUE_FACILITATOR: [Permission.LIVE_VENUE_HOST],
  RESIDENT: [],
};

/** Roles a holder of GRANTS_MANAGE with `role` may hand out (inside its own scope). */
export const grantableRoles: Record<Role, readonly Role[]> = {
  ADMIN: Object.values(Role),
  PROVINCE_OFFICIAL: [
    Role.PROVINCE_OFFICIAL,
    Role.COMMUNE_OFFICIAL,
    Role.YOUTH_LEADER,
    Role.TEAM_LEADER,
    Role.VOLUNTEER,
    Role.TRAINER,
    Role.VENUE_FACILITATOR,
  ],
  COMMUNE_OFFICIAL: [
    Role.COMMUNE_OFFICIAL,
    Role.YOUTH_LEADER,
    Role.TEAM_LEADER,
    Role.VOLUNTEER,
    Role.TRAINER,
    Role.VENUE_FACILITATOR,
  ],
  YOUTH_LEADER: [Role.TEAM_LEADER, Role.VOLUNTEER],
  TEAM_LEADER: [],
  VOLUNTEER: [],
  TRAINER: [],
  VENUE_FACILITATOR: [],
  RESIDENT: [],
};
