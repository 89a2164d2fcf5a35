import { randomBytes } from 'node:crypto';
import {
  type CertificateQrContent,
  publicKeyPem,
  signCertificateContent,
  signingKeyFromSeed,
  verifyCertificateQr,
} from './certificate-signing';

const content: CertificateQrContent = {
  code: 'HV7K-2M9Q-XR',
  maskedName: 'Nguyễn V*** A***',
  courseTitle: 'Cài đặt và kích hoạt VNeID mức độ 2',
  courseVersionNumber: 3,
  issuedOn: '2026-11-22',
  issuingUnitName: 'Tỉnh Hưng Yên',
};

describe('signed certificate QR text', () => {
  const key = signingKeyFromSeed(randomBytes(32).toString('base64'));
  const pem = publicKeyPem(key);
  const text = signCertificateContent(content, key);

  it('is HVS1.<payload>.<signature> and verifies with the public key alone', () => {
    expect(text).toMatch(/^HVS1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(verifyCertificateQr(text, pem)).toEqual({ valid: true, content });
  });

  it('is the same text every time for the same content (Ed25519 is deterministic)', () => {
    expect(signCertificateContent(content, key)).toBe(text);
  });

  it('fails when any single character is changed', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    for (let i = 0; i < text.length; i++) {
      const replacement = alphabet[(alphabet.indexOf(text[i]) + 1) % alphabet.length];
      const tampered = text.slice(0, i) + replacement + text.slice(i + 1);
      expect(verifyCertificateQr(tampered, pem).valid).toBe(false);
    }
  });

  it('fails for content re-encoded with a changed field, with another key, or truncated', () => {
    const [, , signature] = text.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        c: 'HV7K-2M9Q-XR',
        n: 'Nguyễn V*** A***',
        t: 'Khóa khác',
        v: 3,
        d: '2026-11-22',
        u: 'Tỉnh Hưng Yên',
      }),
    ).toString('base64url');
    expect(verifyCertificateQr(`HVS1.${forged}.${signature}`, pem)).toEqual({
      valid: false,
      reason: 'signature does not match',
    });
    const otherPem = publicKeyPem(signingKeyFromSeed(randomBytes(32).toString('base64')));
    expect(verifyCertificateQr(text, otherPem).valid).toBe(false);
    expect(verifyCertificateQr(text.slice(0, -1), pem).valid).toBe(false);
    expect(verifyCertificateQr('', pem).valid).toBe(false);
    expect(verifyCertificateQr(`HVS2${text.slice(4)}`, pem).valid).toBe(false);
  });

  it('refuses a seed that is not 32 bytes', () => {
    expect(() => signingKeyFromSeed(randomBytes(31).toString('base64'))).toThrow('exactly 32 bytes');
  });
});
