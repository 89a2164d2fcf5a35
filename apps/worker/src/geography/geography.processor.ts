import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { GeographyError, GeographyErrorCode, UnitsImportService, type UnitsImportSummary } from '@hocvuso/geography';
import { type GeographyJobs, QueueName } from '@hocvuso/jobs';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { type Job, UnrecoverableError } from 'bullmq';

type GeographyJob = { [K in keyof GeographyJobs]: Job<GeographyJobs[K], unknown, K> }[keyof GeographyJobs];

@Processor(QueueName.geography)
export class GeographyProcessor extends WorkerHost {
  private readonly logger = new Logger(GeographyProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly unitsImport: UnitsImportService,
  ) {
    super();
  }

  /** Each job runs in its own identity map, like a request. */
  process(job: GeographyJob): Promise<UnitsImportSummary> {
    return RequestContext.create(this.orm.em, () => this.run(job));
  }

  private async run(job: GeographyJob): Promise<UnitsImportSummary> {
    switch (job.name) {
      case 'import-units': {
        this.logger.log(`job ${job.id} import-units started`);
        const summary = await this.unitsImport
          .importFile(job.data.filePath, (progress) => void job.updateProgress({ ...progress }))
          .catch((error: unknown) => Promise.reject(jobFailure(error)));
        this.logger.log(
          `job ${job.id} import-units done: ${summary.totalProvinces} provinces, ${summary.totalCommunes} communes`,
        );
        return summary;
      }
      default: {
        const unknown: never = job.name;
        throw new Error(`unknown geography job ${String(unknown)}`);
      }
    }
  }
}

/**
 * BullMQ keeps only an error's message as the job's failedReason: put the position and reason of
 * a rejected file in it, and do not retry a file that will be just as bad next time.
 */
function jobFailure(error: unknown): unknown {
  if (!(error instanceof GeographyError) || error.code !== GeographyErrorCode.UNITS_FILE_INVALID) return error;
  const { position, reason } = error.details;
  return new UnrecoverableError(`${error.message} ${String(position)}: ${String(reason)}`);
}
