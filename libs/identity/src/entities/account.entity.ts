import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

/**
 * Someone who logs in: by username, or by phone number (stored encrypted, found by its keyed
 * hash). A resident who learns on their own phone has an account linked to their resident row.
 */
const AccountSchema = defineEntity({
  name: 'Account',
  tableName: 'account',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    /** lower case; null for phone-only accounts */
    username: p.string().length(64).nullable().unique(),
    phoneCipher: p.text().nullable(),
    phoneHash: p.string().length(64).nullable().unique(),
    displayName: p.string(),
    passwordHash: p.text(),
    status: p
      .enum(() => AccountStatus)
      .nativeEnumName('account_status')
      .default(AccountStatus.ACTIVE),
    residentId: p.uuid().nullable().unique(),
    lastLoginAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Account extends AccountSchema.class {}
AccountSchema.setClass(Account);
export { AccountSchema };
