export { type GeographyJobs, type JobProgress, QueueName } from './queues';
