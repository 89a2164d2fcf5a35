import { randomUUID } from 'node:crypto';
import { VillageSchema } from '@hocvuso/geography/entities/village.entity';
import { defineEntity, p } from '@mikro-orm/core';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
  OTHER = 'OTHER',
}

/**
 * A learner. Phone and citizen id are encrypted (AES-256-GCM, key id inside the ciphertext) with
 * a keyed hash beside each for exact lookup and de-duplication. Erasure blanks every personal
 * field and keeps the row (village, id) so counts stay right.
 */
const ResidentSchema = defineEntity({
  name: 'Resident',
  tableName: 'resident',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    village: () => p.manyToOne(VillageSchema).index(),
    /** NFC; null once erased */
    fullName: p.string().nullable(),
    birthYear: p.integer().nullable(),
    gender: p
      .enum(() => Gender)
      .nativeEnumName('gender')
      .nullable(),
    phoneCipher: p.text().nullable(),
    phoneHash: p.string().length(64).nullable(),
    citizenIdCipher: p.text().nullable(),
    citizenIdHash: p.string().length(64).nullable(),
    createdBy: p.uuid().nullable(),
    erasedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Resident extends ResidentSchema.class {}
ResidentSchema.setClass(Resident);
export { ResidentSchema };
