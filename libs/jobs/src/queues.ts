/**
 * The contract between the deployables that publish jobs (api, live, CLI) and the worker that
 * consumes them: queue names, job names and payload types, in one place.
 */
export const QueueName = {
  geography: 'geography',
  certificates: 'certificates',
  live: 'live',
  liveAttendance: 'live-attendance',
  statistics: 'statistics',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface GeographyJobs {
  /** Import an official unit list (the ../shared/data/vn-units format) from a file the worker can read. */
  'import-units': { filePath: string };
}

/**
 * Everything a certificate states, snapshotted when the course is completed, so the worker never
 * reads a course version that an editor has since moved past.
 */
export interface IssueCertificatePayload {
  enrollmentId: string;
  residentId: string;
  courseId: string;
  courseVersionId: string;
  courseVersionNumber: number;
  courseTitle: string;
  /** 2-digit province code, or null for a national course */
  issuingProvinceCode: string | null;
  /** e.g. "Tỉnh Hưng Yên", or "Toàn quốc" */
  issuingUnitName: string;
  /** ISO 8601 */
  completedAt: string;
}

export interface CertificateJobs {
  /** Issue the certificate of a completed enrollment; idempotent per resident and course version. */
  'issue-certificate': IssueCertificatePayload;
  /** Issue the certificates of completions whose request was lost (repeats every few minutes). */
  'sweep-missing-certificates': { limit?: number };
}

/**
 * Scheduled transitions of a live session, delayed until their time. The job id is
 * `live-<transition>-<sessionId>`: rescheduling replaces the job, and a retried job finds the
 * session already moved on and does nothing.
 */
export interface LiveJobs {
  /** SCHEDULED → LIVE at the scheduled start */
  'open-session': { sessionId: string };
  /** LIVE → ENDED at the scheduled end (a session still SCHEDULED then is ended too) */
  'close-session': { sessionId: string };
}

/** One join or leave seen by a gateway; `eventId` is the gateway's uuid, so a re-sent event is ignored. */
export interface LiveAttendanceEvent {
  eventId: string;
  sessionId: string;
  participantId: string;
  kind: 'RESIDENT' | 'GUEST' | 'VENUE';
  action: 'JOIN' | 'LEAVE';
  residentId: string | null;
  venueId: string | null;
  villageId: string;
  communeCode: string;
  /** ISO 8601 */
  at: string;
}

/**
 * Live attendance, from the gateways to PostgreSQL. A batch's job id is its batch id, so a
 * gateway re-sending a batch whose first add timed out makes no second job; the completion's job
 * id is `attendance-complete-<sessionId>`, so every gateway and the close job may ask for it.
 */
export interface LiveAttendanceJobs {
  /** Write a gateway's buffered joins and leaves and recompute the touched summary rows. */
  'write-batch': { batchId: string; events: LiveAttendanceEvent[] };
  /** After a session ended (and a grace for the last batches): complete the attendees' lesson. */
  'complete-session': { sessionId: string };
}

/**
 * Reach statistics rollups. An incremental refresh recomputes the days whose raw rows changed
 * since the last refresh (plus today and yesterday); a full one rebuilds every rollup.
 */
export interface StatisticsJobs {
  'refresh-reach': { full: boolean };
  /**
   * Build a requested reach export (XLSX or CSV) into its `reach_export` row. The job id is
   * `reach-export-<exportId>`, so a retried request makes no second job; a rerun overwrites the
   * row's own result.
   */
  'build-reach-export': { exportId: string };
}

/** Progress a long job reports through `job.updateProgress`. */
export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}
