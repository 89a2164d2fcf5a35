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
  ],
  COMMUNE_OFFICIAL: [
    Permission.GEOGRAPHY_MANAGE,
    Permission.GRANTS_MANAGE,
    Permission.RESIDENTS_READ,
    Permission.RESIDENTS_WRITE,
    Permission.RESIDENTS_IMPORT,
    Permission.RESIDENTS_READ_UNMASKED,
    Permission.RESIDENTS_DATA_REQUESTS,
  ],
  YOUTH_LEADER: [Permission.GRANTS_MANAGE, Permission.RESIDENTS_READ, Permission.RESIDENTS_WRITE],
  TEAM_LEADER: [Permission.RESIDENTS_READ, Permission.RESIDENTS_WRITE],
  VOLUNTEER: [Permission.RESIDENTS_READ, Permission.RESIDENTS_WRITE],
  TRAINER: [],
  VENUE_FACILITATOR: [],
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
