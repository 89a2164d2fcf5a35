import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { type CertificateJobs, type IssueCertificatePayload, QueueName } from '@hocvuso/jobs';
import type { Queue } from 'bullmq';

/** BullMQ refuses ':' in custom job ids; an enrollment id is a uuid, so this one is safe. */
export const certificateJobId = (enrollmentId: string): string => `certificate-${enrollmentId}`;

/**
 * Asks the worker for a completed enrollment's certificate. Called after the completing
 * transaction commits; the job id is derived from the enrollment, so adding it again (a retried
 * request) never makes a second job while the first is kept.
 */
@Injectable()
export class CertificateRequests {
  private readonly logger = new Logger(CertificateRequests.name);

  constructor(
    @InjectQueue(QueueName.certificates)
    private readonly queue: Queue<CertificateJobs['issue-certificate'], unknown, 'issue-certificate'>,
  ) {}

  async request(payload: IssueCertificatePayload): Promise<void> {
    await this.queue.add('issue-certificate', payload, {
      jobId: certificateJobId(payload.enrollmentId),
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
    });
    this.logger.log({ enrollmentId: payload.enrollmentId }, 'certificate requested');
  }
}
