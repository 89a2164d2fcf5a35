import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

/** A volunteer IT student sent to a commune for a period (e.g. two per commune for a month). */
const VolunteerAssignmentSchema = defineEntity({
  name: 'VolunteerAssignment',
  tableName: 'volunteer_assignment',
  uniques: [{ properties: ['accountId', 'communeCode', 'startsOn'], name: 'volunteer_assignment_unique' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    accountId: p.uuid(),
    provinceCode: p.string().length(2),
    communeCode: p.string().length(5),
    university: p.string().length(200),
    startsOn: p.date(),
    /** inclusive */
    endsOn: p.date(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class VolunteerAssignment extends VolunteerAssignmentSchema.class {}
VolunteerAssignmentSchema.setClass(VolunteerAssignment);
export { VolunteerAssignmentSchema };
