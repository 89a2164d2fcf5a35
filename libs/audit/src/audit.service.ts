import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/** Every action the law or an investigation may ask about. */
export enum AuditAction {
  LOGIN_SUCCEEDED = 'login.succeeded',
  LOGIN_FAILED = 'login.failed',
  LOGIN_RATE_LIMITED = 'login.rate_limited',
  LOGOUT = 'logout',
  REFRESH_TOKEN_REUSED = 'refresh_token.reused',
  GRANT_CREATED = 'grant.created',
  GRANT_REVOKED = 'grant.revoked',
  ACCOUNT_CREATED = 'account.created',
  RESIDENT_CREATED = 'resident.created',
  RESIDENT_UNMASKED_READ = 'resident.unmasked_read',
  RESIDENT_DATA_EXPORTED = 'resident.data_exported',
  RESIDENT_ERASED = 'resident.erased',
  RESIDENTS_IMPORTED = 'residents.imported',
  CONSENT_RECORDED = 'consent.recorded',
  CONSENT_WITHDRAWN = 'consent.withdrawn',
  PLACES_IMPORTED = 'places.imported',
  COURSE_PUBLISHED = 'course.published',
  CERTIFICATE_ISSUED = 'certificate.issued',
  CERTIFICATE_REVOKED = 'certificate.revoked',
  LIVE_SESSION_CREATED = 'live_session.created',
  LIVE_SESSION_UPDATED = 'live_session.updated',
  LIVE_SESSION_STATUS_CHANGED = 'live_session.status_changed',
  LIVE_RESIDENT_CHECKED_IN = 'live_session.resident_checked_in',
  TEAM_CREATED = 'team.created',
  TEAM_CHANGED = 'team.changed',
  VOLUNTEER_ASSIGNED = 'volunteer.assigned',
  SUPPORT_VISITS_SYNCED = 'support_visits.synced',
  REACH_TARGETS_SET = 'reach_targets.set',
  REACH_EXPORT_REQUESTED = 'reach_export.requested',
  REACH_EXPORT_DOWNLOADED = 'reach_export.downloaded',
}

export interface AuditRecord {
  action: AuditAction;
  actorAccountId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  requestId?: string | null;
  /** ids, counts and codes only: never names, phones or citizen ids */
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log. Call it inside the transaction of the change it records, so a
 * change and its audit line commit or roll back together.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  async record(em: EntityManager, entry: AuditRecord): Promise<void> {
    await em
      .getConnection()
      .execute(
        `insert into audit_log (actor_account_id, action, target_type, target_id, request_id, details) values (?, ?, ?, ?, ?, ?)`,
        [
          entry.actorAccountId ?? null,
          entry.action,
          entry.targetType ?? null,
          entry.targetId ?? null,
          entry.requestId ?? null,
          JSON.stringify(entry.details ?? {}),
        ],
        'run',
        em.getTransactionContext(),
      );
    this.logger.debug({ action: entry.action, targetId: entry.targetId }, 'audited');
  }
}
