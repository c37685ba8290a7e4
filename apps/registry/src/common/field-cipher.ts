import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Used when REGISTRY_ENCRYPTION_KEY is unset outside production, so development and tests run
 * without set-up. Anyone can read it here: nothing encrypted with it is secret.
 */
const DEVELOPMENT_KEY = createHash('sha256')
  .update('fupin-registry development key: not for production')
  .digest();

/**
 * Encrypts sensitive fields at rest with AES-256-GCM, and hashes identifiers with a keyed HMAC
 * (derived from the same key by HKDF) so duplicates can be found without storing them.
 * Ciphertext format: `v1.<iv>.<tag>.<ciphertext>` (base64url); `purpose` is bound as associated
 * data, so a ciphertext cannot be moved to another kind of field.
 */
export class FieldCipher {
  private readonly hashKey: Buffer;

  private constructor(
    private readonly key: Buffer,
    readonly usingDevelopmentKey: boolean,
  ) {
    this.hashKey = Buffer.from(hkdfSync('sha256', key, 'fupin-registry', 'keyed-hash/v1', 32));
  }

  /** From the config value (base64 32 bytes); the development key when it is absent. */
  static fromConfig(base64Key: string | undefined): FieldCipher {
    if (!base64Key) return new FieldCipher(DEVELOPMENT_KEY, true);
    const key = Buffer.from(base64Key, 'base64');
    if (key.length !== 32) throw new Error('REGISTRY_ENCRYPTION_KEY must be 32 bytes');
    return new FieldCipher(key, false);
  }

  encrypt(plain: string, purpose: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string, purpose: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** A stable keyed hash (hex) of `value` for `purpose`, for uniqueness checks. */
  keyedHash(value: string, purpose: string): string {
    return createHmac('sha256', this.hashKey).update(`${purpose}\u0000${value}`).digest('hex');
  }
}
