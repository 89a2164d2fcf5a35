/**
 * The contract between the deployables that publish jobs (api, live, CLI) and the worker that
 * consumes them: queue names, job names and payload types, in one place.
 */
export const QueueName = {
  geography: 'geography',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface GeographyJobs {
  /** Import an official unit list (the ../shared/data/vn-units format) from a file the worker can read. */
  'import-units': { filePath: string };
}

/** Progress a long job reports through `job.updateProgress`. */
export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}
