import { Injectable } from '@nestjs/common';
import { ANONYMOUS, type Actor, type Grant, type Scope } from '@hocvuso/access';
import { EntityManager } from '@mikro-orm/postgresql';
import { AccountStatus } from '../entities/account.entity';
import { RoleGrant } from '../entities/role-grant.entity';
import { AccessTokenSigner } from '../tokens/access-token-signer';
import { TokenError, TokenErrorCode } from '../tokens/token.errors';

export function grantScope(
  grant: Pick<RoleGrant, 'scopeKind' | 'scopeId' | 'provinceCode' | 'communeCode' | 'villageId'>,
): Scope {
  return {
    kind: grant.scopeKind,
    id: grant.scopeId,
    provinceCode: grant.provinceCode ?? null,
    communeCode: grant.communeCode ?? null,
    villageId: grant.villageId ?? null,
  };
}

interface ActorRow {
  account_id: string;
  resident_id: string | null;
  status: AccountStatus;
  family_live: boolean;
}

/**
 * Turns a bearer token into the actor every domain service authorizes against. A valid token
 * whose login was logged out (its refresh family revoked) or whose account was disabled is
 * refused at once, not when the token expires.
 */
@Injectable()
export class ActorService {
  constructor(
    private readonly em: EntityManager,
    private readonly signer: AccessTokenSigner,
  ) {}

  async actorFromAccessToken(token: string | null | undefined): Promise<Actor> {
    if (token == null) return ANONYMOUS;
    const claims = await this.signer.verify(token);
    const connection = this.em.getConnection();
    const [row] = await connection.execute<ActorRow[]>(
      `select a.id as account_id, a.resident_id, a.status,
              exists (select 1 from refresh_token t where t.family_id = ? and t.account_id = a.id and t.revoked_at is null) as family_live
         from account a where a.id = ?`,
      [claims.sid, claims.sub],
    );
    if (!row || row.status !== AccountStatus.ACTIVE || !row.family_live) {
      throw new TokenError(TokenErrorCode.INVALID);
    }
    const grants = await this.em.find(
      RoleGrant,
      { account: row.account_id, revokedAt: null },
      { orderBy: { createdAt: 'asc' } },
    );
    return {
      kind: 'account',
      accountId: row.account_id,
      residentId: row.resident_id,
      sessionId: claims.sid,
      grants: grants.map((grant): Grant => ({ id: grant.id, role: grant.role, scope: grantScope(grant) })),
    };
  }
}
