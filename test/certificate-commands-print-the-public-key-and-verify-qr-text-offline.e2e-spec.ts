import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CertificateSigner, type CertificateQrContent } from '@hocvuso/certificates';

const root = resolve(__dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A certificates CLI from source, on the Node running the tests, with its own signing key. */
function cli(script: string, args: string[], signingKey: string): Promise<Run> {
  const { NODE_OPTIONS: _jestOnly, ...env } = process.env;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', 'tsconfig-paths/register', '-r', '@swc-node/register', `apps/worker/src/cli/${script}.ts`, ...args],
      { cwd: root, env: { ...env, CERTIFICATE_SIGNING_KEY: signingKey }, timeout: 50_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const content: CertificateQrContent = {
  code: 'HV7K-2M9Q-XR',
  maskedName: 'Nguyễn V*** A***',
  courseTitle: 'Ký số văn bản bằng chữ ký số cá nhân',
  courseVersionNumber: 2,
  issuedOn: '2026-11-22',
  issuingUnitName: 'Tỉnh Hưng Yên',
};

describe('the certificates:public-key and certificates:verify commands', () => {
  const seed = randomBytes(32).toString('base64');
  const signer = new CertificateSigner(seed);
  const qrText = signer.sign(content);

  it('prints the PEM public key of the configured signing key', async () => {
    const run = await cli('certificates-public-key', [], seed);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(signer.publicKeyPem);
    expect(run.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('verifies a genuine QR text and prints what it states, with the configured key or a PEM file', async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'hocvuso-cert-')), 'public.pem');
    writeFileSync(keyFile, signer.publicKeyPem);
    const otherSeed = randomBytes(32).toString('base64');

    for (const run of [
      await cli('certificates-verify', [qrText], seed),
      // offline with the published key only: this configuration's own key is another one
      await cli('certificates-verify', [qrText, '--public-key', keyFile], otherSeed),
    ]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Chữ ký hợp lệ');
      expect(run.stdout).toContain('Mã xác minh: HV7K-2M9Q-XR');
      expect(run.stdout).toContain('Họ và tên: Nguyễn V*** A***');
      expect(run.stdout).toContain('Khóa học: Ký số văn bản bằng chữ ký số cá nhân (phiên bản 2)');
      expect(run.stdout).toContain('Ngày cấp: 2026-11-22');
      expect(run.stdout).toContain('Đơn vị cấp: Tỉnh Hưng Yên');
    }
  });

  it('exits 1 on a tampered text or another key, and 2 on bad usage', async () => {
    const [format, payload, signature] = qrText.split('.');
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${format}.${Buffer.from(JSON.stringify({ ...decoded, n: 'Trần V*** B***' })).toString('base64url')}.${signature}`;

    for (const run of [
      await cli('certificates-verify', [forged], seed),
      await cli('certificates-verify', [qrText], randomBytes(32).toString('base64')),
    ]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('KHÔNG HỢP LỆ: signature does not match');
    }
    const usage = await cli('certificates-verify', [], seed);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Cách dùng: npm run certificates:verify');
  });
});
