import { Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { type PersonalDataSource, PersonalDataSources } from '@hocvuso/residents';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The live classes a resident was checked in at, in their data export. Erasure keeps the
 * check-ins: they name no one once the resident row is blank, and attendance is counted.
 */
@Injectable()
export class LivePersonalData implements PersonalDataSource, OnModuleInit {
  readonly section = 'liveClasses';

  constructor(@Optional() private readonly registry?: PersonalDataSources) {}

  onModuleInit(): void {
    this.registry?.register(this);
  }

  async collect(em: EntityManager, residentId: string): Promise<unknown> {
    const checkIns = await em.execute(
      `select s.title as "sessionTitle", s.scheduled_start as "scheduledStart", c.venue_id as "venueId",
              c.checked_in_at as "checkedInAt", c.checked_in_by as "checkedInBy"
         from live_check_in c join live_session s on s.id = c.session_id
        where c.resident_id = ? order by c.checked_in_at`,
      [residentId],
    );
    return { checkIns };
  }

  async erase(): Promise<void> {
    // Kept: see the class comment.
  }
}
