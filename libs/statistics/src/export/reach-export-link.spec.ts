import { ReachExportErrorCode } from './reach-export.errors';
import { signExportLink, verifyExportLink } from './reach-export-link';

const SECRET = 'a test secret of at least thirty-two characters';
const ID = '3f1c2a4e-7b9d-4c1e-9a2b-5d6e7f8a9b0c';

function refusal(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('signed export links', () => {
  const now = new Date('2026-11-01T00:00:00Z');
  const link = signExportLink(SECRET, ID, new Date(now.getTime() + 300_000));
  const params = new URL(link.url, 'http://api.local').searchParams;
  const expires = params.get('expires')!;
  const signature = params.get('signature')!;

  it('accepts its own link until it expires, then says it expired', () => {
    expect(link.url.startsWith(`/exports/${ID}?`)).toBe(true);
    expect(refusal(() => verifyExportLink(SECRET, ID, expires, signature, now))).toBeUndefined();
    const later = new Date(now.getTime() + 301_000);
    expect(refusal(() => verifyExportLink(SECRET, ID, expires, signature, later))).toBe(
      ReachExportErrorCode.EXPORT_LINK_EXPIRED,
    );
  });

  it('refuses a changed id, expiry, signature character or key, and missing parts', () => {
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const [id, exp, sig, secret] of [
      ['3f1c2a4e-7b9d-4c1e-9a2b-5d6e7f8a9b0d', expires, signature, SECRET],
      [ID, String(Number(expires) + 1), signature, SECRET],
      [ID, expires, flipped, SECRET],
      [ID, expires, signature, `${SECRET}!`],
      [ID, expires, undefined, SECRET],
      [ID, undefined, signature, SECRET],
      [ID, '-1', signature, SECRET],
    ] as const) {
      expect(refusal(() => verifyExportLink(secret, id, exp, sig, now))).toBe(ReachExportErrorCode.EXPORT_LINK_INVALID);
    }
  });

  it('says a forged link is invalid even when its expiry has passed', () => {
    const later = new Date(now.getTime() + 3_600_000);
    expect(refusal(() => verifyExportLink(SECRET, ID, expires, 'forged', later))).toBe(
      ReachExportErrorCode.EXPORT_LINK_INVALID,
    );
  });
});
