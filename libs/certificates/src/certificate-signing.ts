import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * The signed text a certificate's QR code carries: `HVS1.<payload>.<signature>`, both parts
 * base64url without padding. The payload is compact JSON; the signature is Ed25519 over the
 * ASCII text `HVS1.<payload>`, so the format tag is signed too. Anyone holding the published
 * public key can check a certificate with no network: a changed byte anywhere fails.
 */
export const QR_FORMAT = 'HVS1';

/** What a certificate states, as printed in its QR code (the name already masked). */
export interface CertificateQrContent {
  /** verification code, grouped: HV7K-2M9Q-XR */
  code: string;
  maskedName: string;
  courseTitle: string;
  courseVersionNumber: number;
  /** issue date in Vietnam, YYYY-MM-DD */
  issuedOn: string;
  issuingUnitName: string;
}

/** The JSON keys inside the QR: one letter each, since every byte makes the code denser. */
interface WireContent {
  c: string;
  n: string;
  t: string;
  v: number;
  d: string;
  u: string;
}

export type QrVerification = { valid: true; content: CertificateQrContent } | { valid: false; reason: string };

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The signing key from CERTIFICATE_SIGNING_KEY: base64 of a 32-byte Ed25519 seed. */
export function signingKeyFromSeed(seedBase64: string): KeyObject {
  const seed = Buffer.from(seedBase64, 'base64');
  if (seed.length !== 32) throw new Error('CERTIFICATE_SIGNING_KEY must be base64 of exactly 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The public key to publish, as PEM (SubjectPublicKeyInfo). */
export function publicKeyPem(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
}

export function signCertificateContent(content: CertificateQrContent, privateKey: KeyObject): string {
  const wire: WireContent = {
    c: content.code,
    n: content.maskedName,
    t: content.courseTitle,
    v: content.courseVersionNumber,
    d: content.issuedOn,
    u: content.issuingUnitName,
  };
  const signed = `${QR_FORMAT}.${Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url')}`;
  const signature = sign(null, Buffer.from(signed, 'ascii'), privateKey);
  return `${signed}.${signature.toString('base64url')}`;
}

/**
 * Checks a QR text against a public key (a KeyObject or PEM) and decodes it. Pure and offline.
 * Only the canonical base64url spelling is accepted, so even the unused low bits of the last
 * character cannot be flipped unnoticed.
 */
export function verifyCertificateQr(text: string, publicKey: KeyObject | string): QrVerification {
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== QR_FORMAT) return { valid: false, reason: 'not an HVS1 certificate code' };
  const [, payload, signaturePart] = parts;
  const signature = canonicalBase64url(signaturePart);
  if (!signature || signature.length !== 64 || !canonicalBase64url(payload)) {
    return { valid: false, reason: 'malformed encoding' };
  }
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  if (!signatureHolds(payload, signature, key)) return { valid: false, reason: 'signature does not match' };
  const content = decodeContent(payload);
  return content ? { valid: true, content } : { valid: false, reason: 'signed content has an unknown shape' };
}

function signatureHolds(payload: string, signature: Buffer, key: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(`${QR_FORMAT}.${payload}`, 'ascii'), key, signature);
  } catch {
    return false;
  }
}

function canonicalBase64url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

function decodeContent(payload: string): CertificateQrContent | null {
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof wire !== 'object' || wire === null) return null;
  const { c, n, t, v, d, u } = wire as Partial<WireContent>;
  const strings = [c, n, t, d, u];
  if (!strings.every((value) => typeof value === 'string') || !Number.isInteger(v)) return null;
  return {
    code: c!,
    maskedName: n!,
    courseTitle: t!,
    courseVersionNumber: v!,
    issuedOn: d!,
    issuingUnitName: u!,
  };
}
