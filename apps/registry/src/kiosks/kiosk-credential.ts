import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A device credential is `<kioskId>.<secret>`: the id finds the row, the secret proves the device. */
export function newKioskSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A reproducible secret for the demo seed only, so re-seeding hands out the same credential
 * without storing it. Never used for kiosks registered through the API.
 */
export function demoKioskSecret(kioskId: string): string {
  return createHmac('sha256', 'fupin-demo-kiosk').update(kioskId).digest('base64url');
}

export function formatCredential(kioskId: string, secret: string): string {
  return `${kioskId}.${secret}`;
}

/** SHA-256 is enough for a 256-bit random secret; a slow hash protects guessable secrets only. */
export function hashKioskSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function parseCredential(credential: unknown): { kioskId: string; secret: string } | undefined {
  if (typeof credential !== 'string') return undefined;
  const match =
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{20,100})$/.exec(
      credential.trim(),
    );
  return match ? { kioskId: match[1], secret: match[2] } : undefined;
}

export function secretMatches(storedHash: string, secret: string): boolean {
  return timingSafeEqual(Buffer.from(storedHash, 'hex'), Buffer.from(hashKioskSecret(secret), 'hex'));
}
