import { randomUUID } from 'node:crypto';
import { ResidentSchema } from '@hocvuso/residents/entities/resident.entity';
import { defineEntity, p } from '@mikro-orm/core';

/**
 * A certificate of a completed course version. Everything it states (course title, version,
 * issuing unit) is a snapshot taken at completion; only the holder's name is read live from the
 * resident, so erasing the resident removes it from verification too. One per resident and
 * course version; revocation keeps the row.
 */
const CertificateSchema = defineEntity({
  name: 'Certificate',
  tableName: 'certificate',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    /** 10 Crockford base32 characters, stored without dashes */
    code: p.string().length(10).unique(),
    resident: () => p.manyToOne(ResidentSchema),
    enrollmentId: p.uuid(),
    courseId: p.uuid(),
    courseVersionId: p.uuid(),
    courseVersionNumber: p.integer(),
    courseTitle: p.string().length(300),
    issuingProvinceCode: p.string().length(2).nullable(),
    issuingUnitName: p.string().length(255),
    completedAt: p.datetime(),
    issuedAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
    revokedReason: p.string().length(500).nullable(),
    revokedBy: p.uuid().nullable(),
  },
});

export class Certificate extends CertificateSchema.class {}
CertificateSchema.setClass(Certificate);
export { CertificateSchema };
