/**
 * The contract between the deployables that publish jobs (api, live, CLI) and the worker that
 * consumes them: queue names, job names and payload types, in one place.
 */
export const QueueName = {
  geography: 'geography',
  certificates: 'certificates',
  live: 'live',
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

/** Progress a long job reports through `job.updateProgress`. */
export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}
