import { Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { type PersonalDataSource, PersonalDataSources } from '@hocvuso/residents';
import type { EntityManager } from '@mikro-orm/postgresql';

/** What stays of a free-text note once the resident it was about is erased. */
export const ERASED_VISIT_NOTE = '(đã xóa)';

/**
 * The support visits a resident received, in their data export. Erasure keeps the visits (they
 * are counted) and blanks their free-text notes, the one place a volunteer may have written
 * something that identifies the person.
 */
@Injectable()
export class SupportVisitsPersonalData implements PersonalDataSource, OnModuleInit {
  readonly section = 'supportVisits';

  constructor(@Optional() private readonly registry?: PersonalDataSources) {}

  onModuleInit(): void {
    this.registry?.register(this);
  }

  collect(em: EntityManager, residentId: string): Promise<unknown> {
    return em.execute(
      `select id, task, note, place, venue_id as "venueId", village_id as "villageId", occurred_at as "occurredAt",
              minutes, volunteer_account_id as "volunteerAccountId", team_id as "teamId"
         from support_visit where resident_id = ? order by occurred_at`,
      [residentId],
    );
  }

  async erase(em: EntityManager, residentId: string): Promise<void> {
    await em.execute(
      `update support_visit set note = ? where resident_id = ? and note is not null`,
      [ERASED_VISIT_NOTE, residentId],
      'run',
    );
  }
}
