import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
// Deep imports: verifying needs the key only, not the ORM and PDF stack behind the lib's index.
import { type CertificateQrContent, verifyCertificateQr } from '@hocvuso/certificates/certificate-signing';
import { CertificateSigner } from '@hocvuso/certificates/certificate-signer';
import { loadConfig } from '@hocvuso/config/config.schema';

/**
 * `npm run certificates:verify -- '<QR text>' [--public-key key.pem]`: checks a certificate's QR
 * text offline, with a published public key or, without one, the key of this configuration.
 * Prints the decoded content; exit 0 when the signature holds, 1 when it does not, 2 on bad usage.
 * Offline means no database: a revocation shows only through `verifyCertificate`.
 */
const USAGE = "Cách dùng: npm run certificates:verify -- '<nội dung mã QR HVS1.…>' [--public-key <tệp .pem>]\n";

function describe(content: CertificateQrContent): string {
  return [
    'Chữ ký hợp lệ: giấy chứng nhận do hệ thống cấp và không bị sửa đổi.',
    `  Mã xác minh: ${content.code}`,
    `  Họ và tên: ${content.maskedName}`,
    `  Khóa học: ${content.courseTitle} (phiên bản ${content.courseVersionNumber})`,
    `  Ngày cấp: ${content.issuedOn}`,
    `  Đơn vị cấp: ${content.issuingUnitName}`,
    '',
  ].join('\n');
}

function main(argv: string[]): number {
  let parsed: { values: { 'public-key'?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { 'public-key': { type: 'string' } }, allowPositionals: true });
  } catch {
    process.stderr.write(USAGE);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const keyFile = parsed.values['public-key'];
  const publicKey = keyFile
    ? readFileSync(keyFile, 'utf8')
    : new CertificateSigner(loadConfig().CERTIFICATE_SIGNING_KEY).publicKeyPem;
  const result = verifyCertificateQr(parsed.positionals[0], publicKey);
  if (!result.valid) {
    process.stderr.write(`KHÔNG HỢP LỆ: ${result.reason}. Giấy chứng nhận này không được xác thực.\n`);
    return 1;
  }
  process.stdout.write(describe(result.content));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`certificates:verify thất bại: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
