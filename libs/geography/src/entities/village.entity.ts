import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { CommuneSchema } from './commune.entity';

export enum VillageKind {
  /** thôn */
  THON = 'THON',
  /** tổ dân phố */
  TO_DAN_PHO = 'TO_DAN_PHO',
  /** ấp */
  AP = 'AP',
  /** bản */
  BAN = 'BAN',
}

const VillageSchema = defineEntity({
  name: 'Village',
  tableName: 'village',
  // Two villages of one commune cannot share a name once folded: "Thôn Đông" and "thon dong"
  // are the same village typed twice, which is what makes a retried create or import safe.
  uniques: [{ properties: ['commune', 'searchText'], name: 'village_commune_search_text_unique' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    commune: () => p.manyToOne(CommuneSchema).index(),
    name: p.string(),
    kind: p.enum(() => VillageKind).nativeEnumName('village_kind'),
    searchText: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Village extends VillageSchema.class {}
VillageSchema.setClass(Village);
export { VillageSchema };
