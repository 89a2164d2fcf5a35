import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hocvuso/config';
import { PasswordHasher } from './crypto/password-hasher';
import { PiiVault } from './crypto/pii-vault';
import { AccessTokenSigner } from './tokens/access-token-signer';

/** The security primitives, built once from the configuration. */
export const securityProviders: Provider[] = [
  {
    provide: AccessTokenSigner,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) =>
      new AccessTokenSigner({
        secret: Buffer.from(config.JWT_SECRET, 'utf8'),
        ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      }),
  },
  { provide: PasswordHasher, useFactory: () => new PasswordHasher() },
  {
    provide: PiiVault,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) =>
      new PiiVault({
        keys: PiiVault.parseKeys(config.PII_ENCRYPTION_KEYS),
        activeKeyId: config.PII_ACTIVE_KEY_ID,
        hashKey: Buffer.from(config.PII_HASH_KEY, 'utf8'),
      }),
  },
];
