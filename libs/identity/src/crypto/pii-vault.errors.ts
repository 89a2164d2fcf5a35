export enum PiiVaultErrorCode {
  /** The key spec or the vault's options are wrong (boot-time configuration error). */
  INVALID_KEYS = 'INVALID_KEYS',
  /** The stored value is not a vault string of a version this code reads. */
  MALFORMED = 'MALFORMED',
  /** The stored value names a key id the vault does not hold. */
  UNKNOWN_KEY = 'UNKNOWN_KEY',
  /** Authentication failed: the value was altered, relabelled or encrypted under another key. */
  TAMPERED = 'TAMPERED',
  /** `hash()` was given a value that is not in its normalised form, or an unknown kind. */
  NOT_NORMALIZED = 'NOT_NORMALIZED',
}

export const piiVaultErrorMessages: Record<PiiVaultErrorCode, string> = {
  INVALID_KEYS: 'Cấu hình khóa mã hóa dữ liệu cá nhân không hợp lệ.',
  MALFORMED: 'Dữ liệu cá nhân đã mã hóa có định dạng không hợp lệ.',
  UNKNOWN_KEY: 'Không tìm thấy khóa để giải mã dữ liệu cá nhân.',
  TAMPERED: 'Dữ liệu cá nhân đã mã hóa bị thay đổi hoặc không khớp khóa.',
  NOT_NORMALIZED: 'Dữ liệu cá nhân chưa được chuẩn hóa trước khi băm.',
};

/**
 * A vault operation failed. Neither the message nor `details` ever carries plaintext,
 * ciphertext or key material: only codes, key ids, positions and fixed reasons.
 */
export class PiiVaultError extends Error {
  constructor(
    readonly code: PiiVaultErrorCode,
    readonly details: { keyId?: string; entry?: number; reason?: string } = {},
  ) {
    const reason = details.reason ? ` (${details.reason})` : '';
    super(`${code}: ${piiVaultErrorMessages[code]}${reason}`);
    this.name = 'PiiVaultError';
  }
}
