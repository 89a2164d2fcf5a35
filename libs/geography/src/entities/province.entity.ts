import { defineEntity, p } from '@mikro-orm/core';

export enum ProvinceKind {
  /** thành phố trực thuộc trung ương */
  CITY = 'CITY',
  /** tỉnh */
  PROVINCE = 'PROVINCE',
}

const ProvinceSchema = defineEntity({
  name: 'Province',
  tableName: 'province',
  properties: {
    /** 2-digit national code, the stable key. */
    code: p.string().length(2).primary(),
    name: p.string(),
    fullName: p.string(),
    nameEn: p.string(),
    kind: p.enum(() => ProvinceKind).nativeEnumName('province_kind'),
    /** folded "full name + name + English name" for accent-insensitive search */
    searchText: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Province extends ProvinceSchema.class {}
ProvinceSchema.setClass(Province);
export { ProvinceSchema };
