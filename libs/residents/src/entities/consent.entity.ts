import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { ResidentSchema } from './resident.entity';

export enum ConsentPurpose {
  /** học tập, cấp chứng chỉ và thống kê phổ cập */
  LEARNING = 'LEARNING',
  /** hỗ trợ tận nhà của đội hình tình nguyện */
  SUPPORT_VISITS = 'SUPPORT_VISITS',
  /** liên hệ qua điện thoại để nhắc lịch học */
  CONTACT = 'CONTACT',
}

export enum ConsentMethod {
  /** the resident, on their own account */
  SELF = 'SELF',
  /** recorded by a volunteer or official who helped the resident */
  ASSISTED_BY_VOLUNTEER = 'ASSISTED_BY_VOLUNTEER',
  /** given by a guardian */
  BY_GUARDIAN = 'BY_GUARDIAN',
}

/** Proof of consent (Law 91/2025/QH15): purpose, how, when, who recorded it; withdrawal is kept. */
const ConsentSchema = defineEntity({
  name: 'Consent',
  tableName: 'consent',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    resident: () => p.manyToOne(ResidentSchema).index(),
    purpose: p.enum(() => ConsentPurpose).nativeEnumName('consent_purpose'),
    method: p.enum(() => ConsentMethod).nativeEnumName('consent_method'),
    /** e.g. the number of a signed paper form; never a photo of an id card */
    evidence: p.string().nullable(),
    recordedAt: p.datetime(),
    recordedBy: p.uuid().nullable(),
    withdrawnAt: p.datetime().nullable(),
    withdrawnBy: p.uuid().nullable(),
  },
});

export class Consent extends ConsentSchema.class {}
ConsentSchema.setClass(Consent);
export { ConsentSchema };
