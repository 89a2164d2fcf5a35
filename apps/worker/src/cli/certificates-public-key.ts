// Deep imports: the command needs the key only, not the ORM and PDF stack behind the lib's index.
import { CertificateSigner } from '@hocvuso/certificates/certificate-signer';
import { loadConfig } from '@hocvuso/config/config.schema';

/**
 * `npm run certificates:public-key`: prints the PEM public key that verifies certificate QR
 * codes, derived from CERTIFICATE_SIGNING_KEY. Publish it; the private key never leaves the
 * configuration.
 */
try {
  process.stdout.write(new CertificateSigner(loadConfig().CERTIFICATE_SIGNING_KEY).publicKeyPem);
} catch (error) {
  process.stderr.write(`certificates:public-key thất bại: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
