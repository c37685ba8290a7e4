import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainException } from '@fupin/service-kit';

/** How many web sign-ins one address may try per window. */
export const WEB_SIGN_IN_LIMIT = { attempts: 10, windowMs: 10 * 60 * 1000 } as const;

/**
 * A brake on the public card + PIN sign-in: one address may try only a few times per window, so
 * nobody can walk through card numbers locking villagers' cards (5 wrong PINs lock a card) or
 * guessing PINs across many cards. Memory only, per process: a restart forgets it, which is
 * acceptable for a brake (the per-card lockout is in the database).
 */
@Injectable()
export class SignInBrake {
  private readonly hits = new Map<string, number[]>();

  /** Counts one attempt, or throws 429 when the address is over the limit (not counted then). */
  take(address: string, now = Date.now()): void {
    const recent = (this.hits.get(address) ?? []).filter((at) => at > now - WEB_SIGN_IN_LIMIT.windowMs);
    if (recent.length >= WEB_SIGN_IN_LIMIT.attempts) {
      const retryAfterS = Math.ceil((recent[0] + WEB_SIGN_IN_LIMIT.windowMs - now) / 1000);
      throw new DomainException(
        'TOO_MANY_SIGN_INS',
        `尝试次数太多，请 ${Math.ceil(retryAfterS / 60)} 分钟后再试 / Too many attempts; try again in ${retryAfterS} s`,
        HttpStatus.TOO_MANY_REQUESTS,
        { retryAfterSeconds: retryAfterS },
      );
    }
    recent.push(now);
    this.hits.set(address, recent);
    if (this.hits.size > 50_000) {
      for (const [key, times] of this.hits)
        if (!times.some((at) => at > now - WEB_SIGN_IN_LIMIT.windowMs)) this.hits.delete(key);
    }
  }
}
