import { randomBytes } from 'node:crypto';

import { PiiVault } from './pii-vault';
import { PiiVaultError, PiiVaultErrorCode } from './pii-vault.errors';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const hashKey = randomBytes(32);

function vault(activeKeyId = 'k1', keys: Record<string, Buffer> = { k1, k2 }, hk = hashKey) {
  return new PiiVault({ activeKeyId, hashKey: hk, keys });
}

/** Runs `fn`, expects a PiiVaultError with `code`, and returns it for further checks. */
function vaultError(fn: () => unknown, code: PiiVaultErrorCode): PiiVaultError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PiiVaultError);
    expect((error as PiiVaultError).code).toBe(code);
    return error as PiiVaultError;
  }
  throw new Error(`expected PiiVaultError ${code}, nothing was thrown`);
}

/** Flips one bit of the decoded bytes of part `index` and re-encodes it canonically. */
function flipByte(stored: string, index: number): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[index], 'base64url');
  bytes[bytes.length - 1] ^= 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('PiiVault encrypt/decrypt', () => {
  it('round-trips phone numbers, citizen IDs, Vietnamese text and the empty string', () => {
    const v = vault();
    for (const plain of ['0912345678', '001203012345', 'Nguyễn Văn An', '']) {
      expect(v.decrypt(v.encrypt(plain))).toBe(plain);
    }
  });

  it('writes v1.<activeKeyId>.<iv>.<tag>.<ciphertext> with a fresh IV each time', () => {
    const v = vault();
    const a = v.encrypt('0912345678');
    const b = v.encrypt('0912345678');
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    expect(a).not.toContain('0912345678');
  });

  it.each([
    [2, 'iv'],
    [3, 'tag'],
    [4, 'ciphertext'],
  ])('detects a flipped byte in part %p (%s) as TAMPERED', (index) => {
    const v = vault();
    const stored = v.encrypt('001203012345');
    vaultError(() => v.decrypt(flipByte(stored, index)), PiiVaultErrorCode.TAMPERED);
  });

  it('detects a truncated ciphertext as TAMPERED', () => {
    const v = vault();
    const parts = v.encrypt('001203012345').split('.');
    parts[4] = Buffer.from(parts[4], 'base64url').subarray(1).toString('base64url');
    vaultError(() => v.decrypt(parts.join('.')), PiiVaultErrorCode.TAMPERED);
  });

  it('refuses a value relabelled to another known key id (key id is authenticated)', () => {
    const v = vault();
    const stored = v.encrypt('0912345678');
    vaultError(() => v.decrypt(stored.replace(/^v1\.k1\./, 'v1.k2.')), PiiVaultErrorCode.TAMPERED);
  });

  it('refuses a value whose key was relabelled even when the other key is the same bytes', () => {
    // Same key material under two ids: only the AAD binding can catch the relabel.
    const v = vault('a', { a: k1, b: k1 });
    const stored = v.encrypt('0912345678');
    vaultError(() => v.decrypt(stored.replace(/^v1\.a\./, 'v1.b.')), PiiVaultErrorCode.TAMPERED);
  });

  it('reports UNKNOWN_KEY with the key id when the key is not held', () => {
    const stored = vault('k2').encrypt('0912345678');
    const error = vaultError(() => vault('k1', { k1 }).decrypt(stored), PiiVaultErrorCode.UNKNOWN_KEY);
    expect(error.details.keyId).toBe('k2');
  });

  it.each([
    ['', 'empty'],
    ['v1.k1.abc', 'too few parts'],
    ['v2.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA', 'unknown version'],
    ['v1.k.1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', 'dot in key id'],
    ['v1.k1.AAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA', 'short iv'],
    ['v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAA.AA', 'short tag'],
    ['v1.k1.AAAAAAAAAAAAAAA+.AAAAAAAAAAAAAAAAAAAAAA.AA', 'non-url base64'],
    ['v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAB.AA', 'non-canonical trailing bits'],
  ])('reports MALFORMED for %p (%s)', (stored) => {
    vaultError(() => vault().decrypt(stored), PiiVaultErrorCode.MALFORMED);
  });

  it('never puts the plaintext or the ciphertext in a thrown error', () => {
    const canary = 'CANARY-0987654321-Nguyễn';
    const v = vault();
    const stored = v.encrypt(canary);
    const ciphertextPart = stored.split('.')[4];
    const attempts = [
      () => v.decrypt(flipByte(stored, 4)),
      () => v.decrypt(flipByte(stored, 3)),
      () => v.decrypt(stored.replace(/^v1\.k1\./, 'v1.k2.')),
      () => vault('k1', { k1: k2 }).decrypt(stored),
      () => vault('k2', { k2 }).decrypt(stored),
      () => v.decrypt(`${stored}.${canary}`),
      () => v.decrypt(canary),
      () => v.hash('phone', canary),
      () => v.hash('citizenId', canary),
      () => PiiVault.parseKeys(`k1:${canary}`),
    ];
    for (const attempt of attempts) {
      let thrown: unknown;
      try {
        attempt();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PiiVaultError);
      const error = thrown as PiiVaultError;
      const visible = [error.message, error.stack, JSON.stringify(error.details), String(error.cause)].join('\n');
      expect(visible).not.toContain('CANARY');
      expect(visible).not.toContain('0987654321');
      expect(visible).not.toContain(ciphertextPart);
    }
  });
});

describe('PiiVault rotation', () => {
  it('keeps old values readable after the active key changes, and rotates them', () => {
    const before = vault('k1');
    const old = before.encrypt('001203012345');

    const after = vault('k2');
    expect(after.needsRotation(old)).toBe(true);
    expect(after.decrypt(old)).toBe('001203012345');

    const rotated = after.rotate(old);
    expect(rotated.startsWith('v1.k2.')).toBe(true);
    expect(after.needsRotation(rotated)).toBe(false);
    expect(after.decrypt(rotated)).toBe('001203012345');
    // Once k1 is retired, only the rotated value still decrypts.
    const retired = vault('k2', { k2 });
    expect(retired.decrypt(rotated)).toBe('001203012345');
    vaultError(() => retired.decrypt(old), PiiVaultErrorCode.UNKNOWN_KEY);
  });

  it('returns a value already under the active key unchanged', () => {
    const v = vault('k2');
    const stored = v.encrypt('0912345678');
    expect(v.rotate(stored)).toBe(stored);
  });

  it('refuses to rotate a tampered value', () => {
    const old = vault('k1').encrypt('0912345678');
    vaultError(() => vault('k2').rotate(flipByte(old, 4)), PiiVaultErrorCode.TAMPERED);
  });
});

describe('PiiVault hash', () => {
  it('is deterministic 64-character hex', () => {
    const v = vault();
    const h = v.hash('phone', '0912345678');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(v.hash('phone', '0912345678')).toBe(h);
    expect(vault('k2').hash('phone', '0912345678')).toBe(h); // independent of the encryption key
  });

  it('differs per value, per kind and per hash key', () => {
    const v = vault();
    const digits = '091234567812'; // valid as a citizen ID; its first 10 digits as a phone
    expect(v.hash('phone', '0912345678')).not.toBe(v.hash('phone', '0912345679'));
    expect(v.hash('citizenId', digits)).not.toBe(v.hash('phone', digits.slice(0, 10)));
    expect(vault('k1', { k1, k2 }, randomBytes(32)).hash('phone', '0912345678')).not.toBe(
      v.hash('phone', '0912345678'),
    );
  });

  it('separates kinds even for the same input string', () => {
    // Bypass the normalisation guard to compare the two keyed functions on identical input.
    const v = vault() as unknown as { hashKeys: Record<string, Buffer> };
    expect(v.hashKeys.phone.equals(v.hashKeys.citizenId)).toBe(false);
  });

  it('refuses values that are not normalised, and unknown kinds', () => {
    const v = vault();
    vaultError(() => v.hash('phone', '0912 345 678'), PiiVaultErrorCode.NOT_NORMALIZED);
    vaultError(() => v.hash('phone', '+84912345678'), PiiVaultErrorCode.NOT_NORMALIZED);
    vaultError(() => v.hash('citizenId', '001 203 012 345'), PiiVaultErrorCode.NOT_NORMALIZED);
    vaultError(() => v.hash('email' as 'phone', 'a@b.vn'), PiiVaultErrorCode.NOT_NORMALIZED);
  });
});

describe('PiiVault options and parseKeys', () => {
  it('parses standard and url-safe base64 keys, ignoring whitespace', () => {
    const keys = PiiVault.parseKeys(` k1:${k1.toString('base64')} , k2:${k2.toString('base64url')}`);
    expect(Object.keys(keys)).toEqual(['k1', 'k2']);
    expect(keys.k1.equals(k1)).toBe(true);
    expect(keys.k2.equals(k2)).toBe(true);
  });

  it.each([
    ['', /empty/],
    [`k1${k1.toString('base64')}`, /entry 1 must look like/],
    [`k1:${k1.toString('base64')},:${k2.toString('base64')}`, /entry 2: key id/],
    [`k.1:${k1.toString('base64')}`, /entry 1: key id/],
    [`k1:${k1.toString('base64')},k1:${k2.toString('base64')}`, /"k1" appears twice/],
    [`k1:${randomBytes(16).toString('base64')}`, /"k1" decodes to 16 bytes, expected 32/],
    ['k1:not base64!', /"k1" is not base64/],
  ])('rejects spec %#', (spec, message) => {
    const error = vaultError(() => PiiVault.parseKeys(spec), PiiVaultErrorCode.INVALID_KEYS);
    expect(error.message).toMatch(message);
  });

  it('never echoes key material in a parse error', () => {
    const short = randomBytes(31).toString('base64');
    const error = vaultError(() => PiiVault.parseKeys(`k1:${short}`), PiiVaultErrorCode.INVALID_KEYS);
    expect(error.message).not.toContain(short);
  });

  it('rejects wrong-sized keys, a missing active key and a short hash key', () => {
    vaultError(() => vault('k1', { k1: randomBytes(16) }), PiiVaultErrorCode.INVALID_KEYS);
    vaultError(() => vault('k3'), PiiVaultErrorCode.INVALID_KEYS);
    vaultError(() => vault('k1', { k1 }, randomBytes(31)), PiiVaultErrorCode.INVALID_KEYS);
    vaultError(() => vault('a.b', { 'a.b': k1 }), PiiVaultErrorCode.INVALID_KEYS);
  });

  it('copies keys so later changes to the caller buffers do not affect it', () => {
    const key = Buffer.from(k1);
    const v = vault('k1', { k1: key });
    const stored = v.encrypt('0912345678');
    key.fill(0);
    expect(v.decrypt(stored)).toBe('0912345678');
  });
});
