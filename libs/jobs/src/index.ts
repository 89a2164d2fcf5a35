export {
  type CertificateJobs,
  type GeographyJobs,
  type IssueCertificatePayload,
  type JobProgress,
  type LiveJobs,
  QueueName,
} from './queues';
