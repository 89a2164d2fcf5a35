export { PasswordHasher } from './crypto/password-hasher';
export { checkPasswordPolicy, PasswordPolicyViolation, passwordPolicyMessages } from './crypto/password-policy';
export {
  citizenIdMatchesBirthYear,
  maskCitizenId,
  maskName,
  maskPhone,
  normalizeCitizenId,
  normalizePhone,
} from './crypto/personal-data';
export { type PiiKind, PiiVault } from './crypto/pii-vault';
export { PiiVaultError, PiiVaultErrorCode, piiVaultErrorMessages } from './crypto/pii-vault.errors';
export { Account, AccountStatus, identityEntities, RefreshToken, RoleGrant } from './entities';
export { securityProviders } from './security.providers';
export { AccessTokenSigner } from './tokens/access-token-signer';
export { TokenError, TokenErrorCode, tokenErrorMessages } from './tokens/token.errors';
export { ActorService, grantScope } from './actor/actor.service';
export { IdentityModule } from './identity.module';
export { type AccountView, type GrantView } from './accounts/account-view';
export { AccountsService, type CreateAccountInput, type RequestInfo } from './accounts/accounts.service';
export { type AuthSession, AuthService, type ClientInfo, type LoginInput } from './auth/auth.service';
export { type GrantRoleInput, GrantsService, type ListGrantsInput } from './grants/grants.service';
export { IdentityError, IdentityErrorCode, identityErrorMessages, renderMessage } from './identity.errors';
