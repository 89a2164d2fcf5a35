import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { CertificatesError, CertificatesService, checkIssueRequest } from '@hocvuso/certificates';
import { type CertificateJobs, QueueName } from '@hocvuso/jobs';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { type Job, UnrecoverableError } from 'bullmq';

type CertificateJob = { [K in keyof CertificateJobs]: Job<CertificateJobs[K], unknown, K> }[keyof CertificateJobs];

/** What an issue-certificate job returns (the job's return value in BullMQ). */
export interface IssueCertificateOutcome {
  certificateId: string;
  /** grouped: HV7K-2M9Q-XR */
  code: string;
  /** false when the completion already had its certificate */
  created: boolean;
}

@Processor(QueueName.certificates)
export class CertificatesProcessor extends WorkerHost {
  private readonly logger = new Logger(CertificatesProcessor.name);

  constructor(
    private readonly certificates: CertificatesService,
    private readonly orm: MikroORM,
  ) {
    super();
  }

  /** Each job runs in its own identity map, like a request. */
  process(job: CertificateJob): Promise<IssueCertificateOutcome> {
    return RequestContext.create(this.orm.em, () => this.run(job));
  }

  private async run(job: CertificateJob): Promise<IssueCertificateOutcome> {
    switch (job.name) {
      case 'issue-certificate': {
        const { certificate, created } = await Promise.resolve()
          .then(() => this.certificates.issue(checkIssueRequest(job.data)))
          .catch((error: unknown) => Promise.reject(jobFailure(error)));
        this.logger.log(
          `job ${job.id} issue-certificate: certificate ${certificate.id} ${created ? 'issued' : 'already issued'}`,
        );
        return { certificateId: certificate.id, code: certificate.code, created };
      }
      default: {
        const unknown: never = job.name;
        throw new Error(`unknown certificates job ${String(unknown)}`);
      }
    }
  }
}

/**
 * A malformed payload or a resident who cannot hold a certificate will be just as wrong on the
 * next attempt: fail the job at once, with the reason (ids and field names only) in failedReason.
 */
function jobFailure(error: unknown): unknown {
  if (!(error instanceof CertificatesError)) return error;
  const reason = typeof error.details.reason === 'string' ? ` ${error.details.reason}` : '';
  return new UnrecoverableError(`${error.message}${reason}`);
}
