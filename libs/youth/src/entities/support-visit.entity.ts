import { defineEntity, p } from '@mikro-orm/core';

export enum SupportTask {
  /** cài đặt, kích hoạt VNeID mức 2 */
  VNEID_ACTIVATION = 'VNEID_ACTIVATION',
  /** nộp hồ sơ dịch vụ công trực tuyến */
  PUBLIC_SERVICE_APPLICATION = 'PUBLIC_SERVICE_APPLICATION',
  /** đăng ký chữ ký số */
  DIGITAL_SIGNATURE = 'DIGITAL_SIGNATURE',
  /** cài ứng dụng dịch vụ công hoặc thuế */
  APP_INSTALL = 'APP_INSTALL',
  /** nhận biết lừa đảo trực tuyến */
  SCAM_AWARENESS = 'SCAM_AWARENESS',
  /** việc khác: `note` says what */
  OTHER = 'OTHER',
}

export enum SupportPlace {
  /** đến tận nhà */
  DOOR_TO_DOOR = 'DOOR_TO_DOOR',
  /** tại trung tâm phục vụ hành chính công của xã */
  PUBLIC_SERVICE_CENTRE = 'PUBLIC_SERVICE_CENTRE',
  /** tại một điểm cầu / nhà văn hóa: `venueId` */
  VENUE = 'VENUE',
}

/**
 * Lượt hỗ trợ: one volunteer helping one person (a named resident, or an unnamed person of the
 * village) with one task. The id is generated on the volunteer's phone, so a sync retried after a
 * lost answer finds the row it already wrote.
 */
const SupportVisitSchema = defineEntity({
  name: 'SupportVisit',
  tableName: 'support_visit',
  properties: {
    id: p.uuid().primary(),
    volunteerAccountId: p.uuid(),
    /** the volunteer's team covering the village when the visit was synced; null when none */
    teamId: p.uuid().nullable(),
    residentId: p.uuid().nullable().index(),
    provinceCode: p.string().length(2),
    communeCode: p.string().length(5),
    villageId: p.uuid(),
    task: p.enum(() => SupportTask).nativeEnumName('support_task'),
    note: p.string().length(500).nullable(),
    place: p.enum(() => SupportPlace).nativeEnumName('support_place'),
    venueId: p.uuid().nullable(),
    occurredAt: p.datetime(),
    minutes: p.integer(),
    contentHash: p.string().length(64),
    syncedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class SupportVisit extends SupportVisitSchema.class {}
SupportVisitSchema.setClass(SupportVisit);
export { SupportVisitSchema };
