import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CertificatesError, CertificatesService, checkIssueRequest } from '@hocvuso/certificates';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { completionsWithoutCertificate } from '@hocvuso/courses';
import { type CertificateJobs, QueueName } from '@hocvuso/jobs';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';

const SWEEP_SCHEDULER = 'sweep-missing-certificates';
const SWEEP_BATCH = 500;

type CertificateJob = { [K in keyof CertificateJobs]: Job<CertificateJobs[K], unknown, K> }[keyof CertificateJobs];

/** What a sweep job returns. */
export interface SweepOutcome {
  issued: number;
  /** completions whose certificate could not be issued (logged with the reason) */
  failed: number;
}

/** What an issue-certificate job returns (the job's return value in BullMQ). */
export interface IssueCertificateOutcome {
  certificateId: string;
  /** grouped: HV7K-2M9Q-XR */
  code: string;
  /** false when the completion already had its certificate */
  created: boolean;
}

@Processor(QueueName.certificates)
export class CertificatesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(CertificatesProcessor.name);

  constructor(
    private readonly certificates: CertificatesService,
    private readonly orm: MikroORM,
    @InjectQueue(QueueName.certificates) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** One schedule per queue whatever the number of workers: upserting it again changes nothing. */
  async onApplicationBootstrap(): Promise<void> {
    const seconds = this.config.CERTIFICATE_SWEEP_INTERVAL_SECONDS;
    if (seconds === 0) {
      await this.queue.removeJobScheduler(SWEEP_SCHEDULER);
      return;
    }
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER,
      { every: seconds * 1_000 },
      { name: 'sweep-missing-certificates', data: {} },
    );
  }

  /** Each job runs in its own identity map, like a request. */
  process(job: CertificateJob): Promise<IssueCertificateOutcome | SweepOutcome> {
    return RequestContext.create(this.orm.em, () => this.run(job));
  }

  private async run(job: CertificateJob): Promise<IssueCertificateOutcome | SweepOutcome> {
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
      case 'sweep-missing-certificates':
        return this.sweep(job.data.limit ?? SWEEP_BATCH);
      default: {
        const unknown: never = job;
        throw new Error(`unknown certificates job ${(unknown as Job).name}`);
      }
    }
  }

  /** Issues the certificates of completions whose request never reached the queue. */
  private async sweep(limit: number): Promise<SweepOutcome> {
    const outcome: SweepOutcome = { issued: 0, failed: 0 };
    for (const payload of await completionsWithoutCertificate(this.orm.em.fork(), limit)) {
      try {
        const { created } = await this.certificates.issue(checkIssueRequest(payload));
        if (created) outcome.issued++;
      } catch (error) {
        outcome.failed++;
        this.logger.warn({ err: error, enrollmentId: payload.enrollmentId }, 'sweep could not issue a certificate');
      }
    }
    if (outcome.issued + outcome.failed > 0) this.logger.log(outcome, 'missing certificates swept');
    return outcome;
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
