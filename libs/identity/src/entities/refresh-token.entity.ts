import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { AccountSchema } from './account.entity';

/**
 * One refresh token of a login's token family. Only its SHA-256 is stored. Using a token marks
 * it used and issues the next one in the same family; presenting a used token again means it
 * leaked, and the whole family is revoked.
 */
const RefreshTokenSchema = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    account: () => p.manyToOne(AccountSchema).index(),
    familyId: p.uuid().index(),
    tokenHash: p.string().length(64).unique(),
    expiresAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
    usedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

export class RefreshToken extends RefreshTokenSchema.class {}
RefreshTokenSchema.setClass(RefreshToken);
export { RefreshTokenSchema };
