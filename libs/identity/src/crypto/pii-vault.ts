import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

import { normalizeCitizenId, normalizePhone } from './personal-data';
import { PiiVaultError, PiiVaultErrorCode } from './pii-vault.errors';

export interface PiiVaultOptions {
  /** Encryption keys by id; every key is 32 random bytes. Old keys stay here after rotation. */
  keys: Record<string, Buffer>;
  /** Id of the key new values are encrypted under. */
  activeKeyId: string;
  /** HMAC key for lookup hashes, at least 32 bytes. Never rotated: the hashes would change. */
  hashKey: Buffer;
}

export type PiiKind = 'phone' | 'citizenId';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_HASH_KEY_BYTES = 32;
/** Key ids end up inside stored strings split on '.', so they are short and dot-free. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

const normalizers: Record<PiiKind, (raw: string) => string | null> = {
  citizenId: normalizeCitizenId,
  phone: normalizePhone,
};

/**
 * Field-level encryption of personal data (phone numbers, citizen ID numbers) with AES-256-GCM,
 * plus keyed hashes for exact lookup and de-duplication without decrypting.
 *
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The version and key id are
 * the GCM additional data, so a value cannot be relabelled to another key without failing
 * authentication.
 */
export class PiiVault {
  private readonly activeKeyId: string;
  private readonly hashKeys: Record<PiiKind, Buffer>;
  private readonly keys: Map<string, Buffer>;

  constructor(options: PiiVaultOptions) {
    const { activeKeyId, hashKey, keys } = options;
    this.keys = new Map();
    for (const [keyId, key] of Object.entries(keys ?? {})) {
      if (!KEY_ID.test(keyId)) {
        throw new PiiVaultError(PiiVaultErrorCode.INVALID_KEYS, {
          reason: 'key id must be 1-32 characters of A-Z a-z 0-9 _ -',
        });
      }
      if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
        throw new PiiVaultError(PiiVaultErrorCode.INVALID_KEYS, {
          keyId,
          reason: `key "${keyId}" must be exactly ${KEY_BYTES} bytes`,
        });
      }
      this.keys.set(keyId, Buffer.from(key));
    }
    if (!this.keys.has(activeKeyId)) {
      throw new PiiVaultError(PiiVaultErrorCode.INVALID_KEYS, {
        reason: 'the active key id is not among the keys',
      });
    }
    if (!Buffer.isBuffer(hashKey) || hashKey.length < MIN_HASH_KEY_BYTES) {
      throw new PiiVaultError(PiiVaultErrorCode.INVALID_KEYS, {
        reason: `the hash key must be at least ${MIN_HASH_KEY_BYTES} bytes`,
      });
    }
    this.activeKeyId = activeKeyId;
    // One sub-key per kind: a phone and a citizen ID with the same digits hash differently.
    this.hashKeys = {
      citizenId: createHmac('sha256', hashKey).update('hocvuso/pii-hash/v1/citizenId').digest(),
      phone: createHmac('sha256', hashKey).update('hocvuso/pii-hash/v1/phone').digest(),
    };
  }

  /**
   * Parses a key spec such as `k1:<base64 of 32 bytes>,k2:<base64>` (standard or url-safe base64;
   * whitespace around entries is ignored). Errors name the entry and key id, never the key.
   */
  static parseKeys(spec: string): Record<string, Buffer> {
    const fail = (reason: string, entry?: number, keyId?: string): never => {
      throw new PiiVaultError(PiiVaultErrorCode.INVALID_KEYS, { entry, keyId, reason });
    };
    if (typeof spec !== 'string' || spec.trim() === '') fail('the key list is empty');
    const keys: Record<string, Buffer> = {};
    spec.split(',').forEach((raw, index) => {
      const entry = index + 1;
      const item = raw.trim();
      const colon = item.indexOf(':');
      if (colon < 0) fail(`entry ${entry} must look like <keyId>:<base64 key>`, entry);
      const keyId = item.slice(0, colon).trim();
      const encoded = item.slice(colon + 1).trim();
      if (!KEY_ID.test(keyId)) {
        fail(`entry ${entry}: key id must be 1-32 characters of A-Z a-z 0-9 _ -`, entry);
      }
      if (Object.hasOwn(keys, keyId)) fail(`key id "${keyId}" appears twice`, entry, keyId);
      if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) {
        fail(`key "${keyId}" is not base64`, entry, keyId);
      }
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== KEY_BYTES) {
        fail(`key "${keyId}" decodes to ${key.length} bytes, expected ${KEY_BYTES}`, entry, keyId);
      }
      keys[keyId] = key;
    });
    return keys;
  }

  encrypt(plain: string): string {
    if (typeof plain !== 'string') {
      throw new PiiVaultError(PiiVaultErrorCode.MALFORMED, { reason: 'plaintext must be a string' });
    }
    const keyId = this.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, iv, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(additionalData(keyId));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, keyId, b64(iv), b64(tag), b64(ciphertext)].join('.');
  }

  decrypt(stored: string): string {
    const { ciphertext, iv, keyId, tag } = this.parse(stored);
    const key = this.keys.get(keyId);
    if (!key) throw new PiiVaultError(PiiVaultErrorCode.UNKNOWN_KEY, { keyId });
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(keyId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // Node's own error says nothing useful and is dropped so no input can leak through it.
      throw new PiiVaultError(PiiVaultErrorCode.TAMPERED, { keyId });
    }
  }

  /** True when `stored` is not under the active key (it still decrypts while its key is kept). */
  needsRotation(stored: string): boolean {
    return this.parse(stored).keyId !== this.activeKeyId;
  }

  /** `stored` re-encrypted under the active key; the same string when it already is. */
  rotate(stored: string): string {
    const plain = this.decrypt(stored);
    return this.needsRotation(stored) ? this.encrypt(plain) : stored;
  }

  /**
   * Keyed hash (HMAC-SHA256, 64 hex characters) of a normalised value for exact lookup and
   * de-duplication. Refuses values that are not already in normalised form: a hash of "0912 345
   * 678" would silently never match the hash of "0912345678".
   */
  hash(kind: PiiKind, normalized: string): string {
    const normalize = Object.hasOwn(normalizers, kind) ? normalizers[kind] : undefined;
    if (!normalize) {
      throw new PiiVaultError(PiiVaultErrorCode.NOT_NORMALIZED, { reason: 'unknown kind' });
    }
    if (typeof normalized !== 'string' || normalize(normalized) !== normalized) {
      throw new PiiVaultError(PiiVaultErrorCode.NOT_NORMALIZED, {
        reason: `not a normalised ${kind}`,
      });
    }
    return createHmac('sha256', this.hashKeys[kind]).update(normalized, 'utf8').digest('hex');
  }

  private parse(stored: string): { keyId: string; iv: Buffer; tag: Buffer; ciphertext: Buffer } {
    const malformed = (reason: string): never => {
      throw new PiiVaultError(PiiVaultErrorCode.MALFORMED, { reason });
    };
    if (typeof stored !== 'string') malformed('not a string');
    const parts = stored.split('.');
    if (parts.length !== 5) malformed('expected 5 dot-separated parts');
    const [version, keyId, ivText, tagText, ciphertextText] = parts;
    if (version !== VERSION) malformed('unsupported version');
    if (!KEY_ID.test(keyId)) malformed('invalid key id');
    const iv = decodeB64(ivText) ?? malformed('iv is not canonical base64url');
    const tag = decodeB64(tagText) ?? malformed('tag is not canonical base64url');
    const ciphertext = decodeB64(ciphertextText) ?? malformed('ciphertext is not canonical base64url');
    if (iv.length !== IV_BYTES) malformed(`iv must be ${IV_BYTES} bytes`);
    if (tag.length !== TAG_BYTES) malformed(`tag must be ${TAG_BYTES} bytes`);
    return { ciphertext, iv, keyId, tag };
  }
}

function additionalData(keyId: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}`, 'utf8');
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/** Strict decoding: Node's decoder skips bad characters and ignores trailing bits; we do not. */
function decodeB64(text: string): Buffer | null {
  if (!BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}
