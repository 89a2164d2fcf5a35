import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

/**
 * A unit's target: of `adultPopulation` adults, `targetPercent` % confirmed (basic digital
 * skills) by `dueOn`. A commune-wide target has no village. One row per unit and due date.
 */
const ReachTargetSchema = defineEntity({
  name: 'ReachTarget',
  tableName: 'reach_target',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    provinceCode: p.string().length(2),
    communeCode: p.string().length(5),
    villageId: p.uuid().nullable(),
    adultPopulation: p.integer(),
    targetPercent: p.smallint(),
    dueOn: p.date(),
    updatedBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class ReachTarget extends ReachTargetSchema.class {}
ReachTargetSchema.setClass(ReachTarget);
export { ReachTargetSchema };
