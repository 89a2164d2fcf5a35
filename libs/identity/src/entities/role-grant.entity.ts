import { randomUUID } from 'node:crypto';
import { Role, ScopeKind } from '@hocvuso/access';
import { defineEntity, p } from '@mikro-orm/core';
import { AccountSchema } from './account.entity';

/**
 * A role on a scope. The scope's ancestry (province, commune, village) is stored with it so an
 * actor's grants load in one query and containment needs no joins. Revoked grants are kept.
 */
const RoleGrantSchema = defineEntity({
  name: 'RoleGrant',
  tableName: 'role_grant',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    account: () => p.manyToOne(AccountSchema).index(),
    role: p.enum(() => Role).nativeEnumName('role'),
    scopeKind: p.enum(() => ScopeKind).nativeEnumName('scope_kind'),
    scopeId: p.string().length(64),
    provinceCode: p.string().length(2).nullable(),
    communeCode: p.string().length(5).nullable(),
    villageId: p.uuid().nullable(),
    grantedBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.uuid().nullable(),
  },
});

export class RoleGrant extends RoleGrantSchema.class {}
RoleGrantSchema.setClass(RoleGrant);
export { RoleGrantSchema };
