import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { YouthUnitSchema } from './youth-unit.entity';

/** Đội hình thanh niên xung kích chuyển đổi số, under a commune union. */
const TeamSchema = defineEntity({
  name: 'Team',
  tableName: 'team',
  uniques: [{ properties: ['communeCode', 'nameKey'], name: 'team_commune_name_unique' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    youthUnit: () => p.manyToOne(YouthUnitSchema).index(),
    provinceCode: p.string().length(2),
    communeCode: p.string().length(5),
    name: p.string().length(120),
    /** the folded name: what makes two spellings of one name the same team */
    nameKey: p.string().length(120),
    leaderAccountId: p.uuid().nullable().index(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Team extends TeamSchema.class {}
TeamSchema.setClass(Team);

/** A volunteer's time in a team; leaving sets `leftOn`, the row stays for per-member figures. */
const TeamMemberSchema = defineEntity({
  name: 'TeamMember',
  tableName: 'team_member',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    team: () => p.manyToOne(TeamSchema),
    accountId: p.uuid().index(),
    joinedOn: p.date(),
    leftOn: p.date().nullable(),
    addedBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class TeamMember extends TeamMemberSchema.class {}
TeamMemberSchema.setClass(TeamMember);

/** A village the team covers: where its members may record support visits. */
const TeamVillageSchema = defineEntity({
  name: 'TeamVillage',
  tableName: 'team_village',
  properties: {
    team: () => p.manyToOne(TeamSchema).primary(),
    villageId: p.uuid().primary().index(),
    addedBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class TeamVillage extends TeamVillageSchema.class {}
TeamVillageSchema.setClass(TeamVillage);

export { TeamMemberSchema, TeamSchema, TeamVillageSchema };
