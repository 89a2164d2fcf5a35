import { defineEntity, p } from '@mikro-orm/core';
import { ProvinceSchema } from './province.entity';

export enum CommuneKind {
  /** xã */
  XA = 'XA',
  /** phường */
  PHUONG = 'PHUONG',
  /** đặc khu */
  DAC_KHU = 'DAC_KHU',
}

const CommuneSchema = defineEntity({
  name: 'Commune',
  tableName: 'commune',
  properties: {
    /** 5-digit code, unique nationwide, the stable key. */
    code: p.string().length(5).primary(),
    province: () => p.manyToOne(ProvinceSchema).index(),
    name: p.string(),
    fullName: p.string(),
    nameEn: p.string(),
    kind: p.enum(() => CommuneKind).nativeEnumName('commune_kind'),
    searchText: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Commune extends CommuneSchema.class {}
CommuneSchema.setClass(Commune);
export { CommuneSchema };
