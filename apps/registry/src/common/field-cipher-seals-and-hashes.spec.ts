import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';

describe('field cipher (AES-256-GCM) and keyed hash', () => {
  const key = randomBytes(32).toString('base64');
  const cipher = FieldCipher.fromConfig(key);

  it('round-trips a value, with a fresh IV every time', () => {
    const a = cipher.encrypt('6230520012345678901', 'bank');
    const b = cipher.encrypt('6230520012345678901', 'bank');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(cipher.decrypt(a, 'bank')).toBe('6230520012345678901');
  });

  it('refuses a ciphertext moved to another purpose, tampered with, or read with another key', () => {
    const sealed = cipher.encrypt('secret', 'bank');
    expect(() => cipher.decrypt(sealed, 'signing-key')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('SECRET').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'bank')).toThrow();
    expect(() =>
      FieldCipher.fromConfig(randomBytes(32).toString('base64')).decrypt(sealed, 'bank'),
    ).toThrow();
  });

  it('hashes identifiers stably per key and purpose, so duplicates are found without storing them', () => {
    const id = '411322196803152016';
    expect(cipher.keyedHash(id, 'id')).toBe(cipher.keyedHash(id, 'id'));
    expect(cipher.keyedHash(id, 'id')).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.keyedHash(id, 'id')).not.toBe(cipher.keyedHash(id, 'other'));
    expect(FieldCipher.fromConfig(randomBytes(32).toString('base64')).keyedHash(id, 'id')).not.toBe(
      cipher.keyedHash(id, 'id'),
    );
  });

  it('uses the development key only when none is configured, and says so', () => {
    expect(FieldCipher.fromConfig(undefined).usingDevelopmentKey).toBe(true);
    expect(cipher.usingDevelopmentKey).toBe(false);
    expect(() => FieldCipher.fromConfig(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
