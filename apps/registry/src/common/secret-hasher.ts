import * as argon2 from 'argon2';

/**
 * argon2id at the OWASP baseline (19 MiB, 2 passes): slow enough to make stolen hashes costly,
 * fast enough (~30 ms) that a county's kiosks and a 300-household demo seed stay quick.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A hash of a password nobody has, so an unknown username costs the same time as a wrong password. */
let decoy: Promise<string> | undefined;

/** Hashes and checks staff passwords and kiosk PINs. */
export class SecretHasher {
  hash(secret: string): Promise<string> {
    return argon2.hash(secret, OPTIONS);
  }

  async verify(hash: string, secret: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, secret);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification, for callers that found nothing to verify against. */
  async verifyDecoy(secret: string): Promise<void> {
    decoy ??= argon2.hash('decoy-password-never-used', OPTIONS);
    await this.verify(await decoy, secret);
  }
}
