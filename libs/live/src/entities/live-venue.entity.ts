import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { LiveSessionSchema } from './live-session.entity';

/** Every headcount a venue reported during a session, in order: the latest is the current one. */
const LiveVenueHeadcountSchema = defineEntity({
  name: 'LiveVenueHeadcount',
  tableName: 'live_venue_headcount',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    session: () => p.manyToOne(LiveSessionSchema),
    venueId: p.uuid(),
    communeCode: p.string().length(5),
    headcount: p.integer(),
    reportedBy: p.uuid(),
    reportedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class LiveVenueHeadcount extends LiveVenueHeadcountSchema.class {}
LiveVenueHeadcountSchema.setClass(LiveVenueHeadcount);
export { LiveVenueHeadcountSchema };

/** A resident a venue facilitator checked in: person-level presence at a venue. Once per session. */
const LiveCheckInSchema = defineEntity({
  name: 'LiveCheckIn',
  tableName: 'live_check_in',
  uniques: [{ properties: ['session', 'residentId'], name: 'live_check_in_session_resident_unique' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    session: () => p.manyToOne(LiveSessionSchema),
    venueId: p.uuid(),
    residentId: p.uuid(),
    checkedInBy: p.uuid(),
    checkedInAt: p.datetime().onCreate(() => new Date()),
  },
});

export class LiveCheckIn extends LiveCheckInSchema.class {}
LiveCheckInSchema.setClass(LiveCheckIn);
export { LiveCheckInSchema };
