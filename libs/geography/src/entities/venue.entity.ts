import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { VillageSchema } from './village.entity';

const VenueSchema = defineEntity({
  name: 'Venue',
  tableName: 'venue',
  uniques: [{ properties: ['village', 'searchText'], name: 'venue_village_search_text_unique' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    village: () => p.manyToOne(VillageSchema).index(),
    /** e.g. "Nhà văn hóa thôn Đông" */
    name: p.string(),
    /** seats; null when unknown */
    capacity: p.integer().nullable(),
    searchText: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Venue extends VenueSchema.class {}
VenueSchema.setClass(Venue);
export { VenueSchema };
