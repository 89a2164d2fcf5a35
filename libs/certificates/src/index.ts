export {
  type CertificateQrContent,
  publicKeyPem,
  QR_FORMAT,
  type QrVerification,
  signCertificateContent,
  signingKeyFromSeed,
  verifyCertificateQr,
} from './certificate-signing';
export { CertificateStatus, type CertificateVerification, type CertificateView } from './certificate-records';
export { CertificateSigner } from './certificate-signer';
export { Certificate, certificatesEntities } from './entities';
export { CertificatesError, CertificatesErrorCode, certificatesErrorMessages } from './certificates.errors';
export { CertificatesModule } from './certificates.module';
export {
  type CertificatePdf,
  CertificatesService,
  type IssueResult,
  REVOCATION_REASON_MAX_LENGTH,
  REVOCATION_REASON_MIN_LENGTH,
} from './certificates.service';
export { checkIssueRequest, type IssueRequest } from './issue-request';
export { ERASED_NAME, maskFullName } from './masked-name';
export { formatVerificationCode, normalizeVerificationCode } from './verification-code';
