export {
  type CertificateJobs,
  type GeographyJobs,
  type IssueCertificatePayload,
  type JobProgress,
  type LiveAttendanceEvent,
  type LiveAttendanceJobs,
  type LiveJobs,
  QueueName,
  type StatisticsJobs,
} from './queues';
