import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { AccessError, AccessErrorCode, type Actor, can, NATION, Permission, requireAccount } from '@hocvuso/access';
import { QueueName, type StatisticsJobs } from '@hocvuso/jobs';
import type { Queue } from 'bullmq';

export interface ReachRefreshRequest {
  jobId: string;
  full: boolean;
}

/**
 * An administrator's request for a refresh of the rollups, handed to the worker: a full rebuild
 * at national scale takes longer than a request should wait. Requests made while one is queued
 * share its job.
 */
@Injectable()
export class ReachRefreshRequests {
  private readonly logger = new Logger(ReachRefreshRequests.name);

  constructor(
    @InjectQueue(QueueName.statistics)
    private readonly queue: Queue<StatisticsJobs['refresh-reach'], unknown, 'refresh-reach'>,
  ) {}

  async request(actor: Actor, full: boolean): Promise<ReachRefreshRequest> {
    const account = requireAccount(actor);
    if (!can(account, Permission.STATISTICS_REFRESH, NATION)) throw new AccessError(AccessErrorCode.FORBIDDEN);
    const job = await this.queue.add(
      'refresh-reach',
      { full },
      { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
    );
    this.logger.log({ jobId: job.id, full, accountId: account.accountId }, 'reach refresh requested');
    return { jobId: job.id!, full };
  }
}
