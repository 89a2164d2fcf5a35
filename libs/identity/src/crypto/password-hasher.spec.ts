import { OWASP_ARGON2ID, PasswordHasher } from './password-hasher';

// Small memory keeps the suite fast; production uses the OWASP defaults.
const fast = { memoryCost: 1024, parallelism: 1, timeCost: 2 };

/** Variant and m/t/p of a PHC string, whatever order the parameters are written in. */
function phcParams(hash: string): { variant: string; m: number; t: number; p: number } {
  const [, variant, version, params] = hash.split('$');
  expect(version).toBe('v=19');
  const values = Object.fromEntries(params.split(',').map((kv) => kv.split('=')));
  return { m: Number(values.m), p: Number(values.p), t: Number(values.t), variant };
}

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(fast);

  it('hashes with argon2id and the given parameters, salted', async () => {
    const a = await hasher.hash('mật khẩu đủ dài');
    const b = await hasher.hash('mật khẩu đủ dài');
    expect(phcParams(a)).toEqual({ m: 1024, p: 1, t: 2, variant: 'argon2id' });
    expect(a).toMatch(/^\$argon2id\$v=19\$[mtp=0-9,]+\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('mật khẩu');
  });

  it('defaults to the OWASP minimum profile', async () => {
    expect(OWASP_ARGON2ID).toEqual({ memoryCost: 19456, parallelism: 1, timeCost: 2 });
    const hash = await new PasswordHasher().hash('correct horse');
    expect(phcParams(hash)).toEqual({ m: 19456, p: 1, t: 2, variant: 'argon2id' });
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('Học vụ số 2025');
    await expect(hasher.verify(hash, 'Học vụ số 2025')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'học vụ số 2025')).resolves.toBe(false);
    await expect(hasher.verify(hash, 'Học vụ số 2025 ')).resolves.toBe(false);
    await expect(hasher.verify(hash, '')).resolves.toBe(false);
  });

  it('verifies regardless of Unicode normalisation form (NFC vs NFD keyboards)', async () => {
    const hash = await hasher.hash('Nguyễn Văn An'.normalize('NFD'));
    await expect(hasher.verify(hash, 'Nguyễn Văn An'.normalize('NFC'))).resolves.toBe(true);
  });

  it('verifies hashes made with other parameters (they carry their own)', async () => {
    const old = await new PasswordHasher({ ...fast, memoryCost: 2048, timeCost: 3 }).hash('pw-cũ-12345');
    await expect(hasher.verify(old, 'pw-cũ-12345')).resolves.toBe(true);
  });

  it('returns false for corrupt or non-argon2id stored values', async () => {
    const hash = await hasher.hash('password-1');
    await expect(hasher.verify(hash.slice(0, 30), 'password-1')).resolves.toBe(false);
    await expect(hasher.verify(hash.replace('$argon2id$', '$argon2i$'), 'password-1')).resolves.toBe(false);
    await expect(hasher.verify('$2b$10$abcdefghijklmnopqrstuv', 'password-1')).resolves.toBe(false);
    await expect(hasher.verify('', 'password-1')).resolves.toBe(false);
  });

  it('reports needsRehash when any parameter or the variant differs', async () => {
    const hash = await hasher.hash('password-1');
    expect(hasher.needsRehash(hash)).toBe(false);
    expect(new PasswordHasher({ ...fast, memoryCost: 2048 }).needsRehash(hash)).toBe(true);
    expect(new PasswordHasher({ ...fast, timeCost: 3 }).needsRehash(hash)).toBe(true);
    expect(new PasswordHasher({ ...fast, parallelism: 2 }).needsRehash(hash)).toBe(true);
    expect(hasher.needsRehash(hash.replace('$argon2id$', '$argon2i$'))).toBe(true);
    expect(hasher.needsRehash('garbage')).toBe(true);
  });

  it('rejects an empty password and impossible parameters', async () => {
    await expect(hasher.hash('')).rejects.toThrow(TypeError);
    expect(() => new PasswordHasher({ memoryCost: 4 })).toThrow(RangeError);
    expect(() => new PasswordHasher({ timeCost: 0 })).toThrow(RangeError);
    expect(() => new PasswordHasher({ parallelism: 1.5 })).toThrow(RangeError);
  });
});
