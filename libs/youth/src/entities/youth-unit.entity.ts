import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

export enum YouthUnitLevel {
  /** Tỉnh đoàn */
  PROVINCE = 'PROVINCE',
  /** Đoàn xã / phường */
  COMMUNE = 'COMMUNE',
  /** Chi đoàn thôn / tổ dân phố */
  BRANCH = 'BRANCH',
}

/** The youth union tree: one provincial union, one union per commune, one branch per village. */
const YouthUnitSchema = defineEntity({
  name: 'YouthUnit',
  tableName: 'youth_unit',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    level: p.enum(() => YouthUnitLevel).nativeEnumName('youth_unit_level'),
    parentId: p.uuid().nullable().index(),
    provinceCode: p.string().length(2),
    communeCode: p.string().length(5).nullable(),
    villageId: p.uuid().nullable(),
    name: p.string(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class YouthUnit extends YouthUnitSchema.class {}
YouthUnitSchema.setClass(YouthUnit);
export { YouthUnitSchema };
