import { SignJWT } from 'jose';
import { type ParticipantClaims, ParticipantTokenError, ParticipantTokenSigner } from './participant-token';

const SECRET = 'a live token secret of at least thirty-two bytes';
const claims: ParticipantClaims = {
  sessionId: '3f1c3c1e-0000-4000-8000-000000000001',
  participantId: '3f1c3c1e-0000-4000-8000-000000000002',
  kind: 'GUEST',
  displayName: 'Bà Tư',
  communeCode: '11953',
  villageId: '3f1c3c1e-0000-4000-8000-000000000003',
  venueId: null,
};

describe('participant tokens', () => {
  it('round-trips every claim', async () => {
    const signer = new ParticipantTokenSigner(SECRET, 600);
    const { token, expiresAt } = await signer.sign(claims);
    expect(await signer.verify(token)).toEqual(claims);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses an expired token as expired', async () => {
    const then = new Date('2026-01-01T00:00:00Z');
    const { token } = await new ParticipantTokenSigner(SECRET, 60, () => then).sign(claims);
    const later = new ParticipantTokenSigner(SECRET, 60, () => new Date(then.getTime() + 61_000));
    await expect(later.verify(token)).rejects.toEqual(new ParticipantTokenError('TOKEN_EXPIRED'));
  });

  it('refuses another secret, another audience and garbage', async () => {
    const { token } = await new ParticipantTokenSigner(`${SECRET} other`, 600).sign(claims);
    const signer = new ParticipantTokenSigner(SECRET, 600);
    await expect(signer.verify(token)).rejects.toEqual(new ParticipantTokenError('TOKEN_INVALID'));
    const apiToken = await new SignJWT({ sid: 'x', knd: 'TRAINER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setIssuer('hocvuso')
      .setAudience('hocvuso-api')
      .setExpirationTime('5m')
      .sign(new Uint8Array(Buffer.from(SECRET)));
    await expect(signer.verify(apiToken)).rejects.toEqual(new ParticipantTokenError('TOKEN_INVALID'));
    await expect(signer.verify({ token: 1 })).rejects.toEqual(new ParticipantTokenError('TOKEN_INVALID'));
  });
});
