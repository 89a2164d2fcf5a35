import type { KeyObject } from 'node:crypto';
import {
  type CertificateQrContent,
  publicKeyPem,
  type QrVerification,
  signCertificateContent,
  signingKeyFromSeed,
  verifyCertificateQr,
} from './certificate-signing';

/** The configured Ed25519 key, built once from CERTIFICATE_SIGNING_KEY. */
export class CertificateSigner {
  private readonly privateKey: KeyObject;
  readonly publicKeyPem: string;

  constructor(seedBase64: string) {
    this.privateKey = signingKeyFromSeed(seedBase64);
    this.publicKeyPem = publicKeyPem(this.privateKey);
  }

  sign(content: CertificateQrContent): string {
    return signCertificateContent(content, this.privateKey);
  }

  verify(qrText: string): QrVerification {
    return verifyCertificateQr(qrText, this.publicKeyPem);
  }
}
