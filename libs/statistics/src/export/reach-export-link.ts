import { createHmac, timingSafeEqual } from 'node:crypto';
import { ReachExportError, ReachExportErrorCode } from './reach-export.errors';

export interface SignedExportLink {
  /** path and query on the API: `/exports/<id>?expires=<unix seconds>&signature=<base64url>` */
  url: string;
  expiresAt: Date;
}

const signature = (secret: string, id: string, expires: number): Buffer =>
  createHmac('sha256', secret).update(`reach-export:${id}:${expires}`).digest();

/**
 * Short-lived download links, like a presigned URL: whoever holds the link may fetch the file
 * until it expires, without a bearer token (a browser download cannot send one).
 */
export function signExportLink(secret: string, id: string, expiresAt: Date): SignedExportLink {
  const expires = Math.floor(expiresAt.getTime() / 1_000);
  const sig = signature(secret, id, expires).toString('base64url');
  return {
    url: `/exports/${encodeURIComponent(id)}?expires=${expires}&signature=${sig}`,
    expiresAt: new Date(expires * 1_000),
  };
}

/**
 * Checks the signature first (constant-time), then the expiry, so an expired link can only be
 * told from a forged one by whoever holds a genuine link.
 */
export function verifyExportLink(secret: string, id: string, expires: unknown, sig: unknown, now = new Date()): void {
  const invalid = new ReachExportError(ReachExportErrorCode.EXPORT_LINK_INVALID);
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof sig !== 'string') throw invalid;
  // Compared as text: decoding base64 would ignore the spare bits of the last character.
  const given = Buffer.from(sig, 'utf8');
  const expected = Buffer.from(signature(secret, id, Number(expires)).toString('base64url'), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  if (Number(expires) * 1_000 <= now.getTime()) throw new ReachExportError(ReachExportErrorCode.EXPORT_LINK_EXPIRED);
}
