import type { Actor } from '@hocvuso/access';
import type { Request } from 'express';
import type { GeographyLoaders } from '../geography/geography.loader';

/** What every resolver receives: the request, who is asking, and this request's DataLoaders. */
export interface GraphQLContext {
  req: Request;
  actor: Actor;
  loaders: { geography: GeographyLoaders };
}

/** pino-http's request id, passed to services that write the audit log. */
export function requestId(ctx: GraphQLContext): string | null {
  return ctx.req.id == null ? null : String(ctx.req.id);
}

/** The client's address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
export function clientIp(ctx: GraphQLContext): string {
  return ctx.req.ip ?? ctx.req.socket?.remoteAddress ?? 'unknown';
}
