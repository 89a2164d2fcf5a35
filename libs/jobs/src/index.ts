export {
  type CertificateJobs,
  type GeographyJobs,
  type IssueCertificatePayload,
  type JobProgress,
  QueueName,
} from './queues';
