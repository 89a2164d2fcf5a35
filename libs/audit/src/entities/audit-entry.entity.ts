import { defineEntity, p } from '@mikro-orm/core';

/**
 * One line of the append-only audit log. The table refuses UPDATE, DELETE and TRUNCATE (a
 * trigger), whatever role the application connects with. Details hold ids and counts, never
 * personal data.
 */
const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_log',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    occurredAt: p.datetime().onCreate(() => new Date()),
    actorAccountId: p.uuid().nullable(),
    action: p.string().length(64),
    targetType: p.string().length(32).nullable(),
    targetId: p.string().length(64).nullable(),
    requestId: p.string().length(64).nullable(),
    details: p.json<Record<string, unknown>>(),
  },
});

export class AuditEntry extends AuditEntrySchema.class {}
AuditEntrySchema.setClass(AuditEntry);
export { AuditEntrySchema };
