import { Module } from '@nestjs/common';
import { AccountsService } from './accounts/accounts.service';
import { ActorService } from './actor/actor.service';
import { AuthService } from './auth/auth.service';
import { LoginRateLimiter } from './auth/login-rate-limiter';
import { GrantsService } from './grants/grants.service';
import { ScopeResolver } from './grants/scope-resolver';
import { securityProviders } from './security.providers';

@Module({
  providers: [
    AccountsService,
    ActorService,
    AuthService,
    GrantsService,
    LoginRateLimiter,
    ScopeResolver,
    ...securityProviders,
  ],
  exports: [AccountsService, ActorService, AuthService, GrantsService, ...securityProviders],
})
export class IdentityModule {}
