import type { AccountView, AuthSession } from '@hocvuso/identity';
import type { AccountModel, AuthPayloadModel } from './identity.model';

export function toAccountModel(account: AccountView): AccountModel {
  const { phoneMasked, ...rest } = account;
  return { ...rest, phone: phoneMasked, roles: [...new Set(account.grants.map((grant) => grant.role))] };
}

export function toAuthPayload(session: AuthSession): AuthPayloadModel {
  return { ...session, account: toAccountModel(session.account) };
}
