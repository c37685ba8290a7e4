import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';

/** How many objections one address may file about one notice, and about all notices, per window. */
export const OBJECTION_LIMITS = { perNotice: 5, perAddress: 20, windowMs: 60 * 60 * 1000 } as const;

/**
 * Keeps anyone holding a notice's link from flooding the objections the admins must resolve: a
 * sliding window per address and notice, and per address overall. Memory only, per process: a
 * restart forgets it, which is acceptable for a brake on abuse (each objection is kept anyway).
 */
@Injectable()
export class ObjectionLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Counts one attempt; false when the address is over a limit (the attempt is then not counted). */
  take(address: string, noticeId: string): boolean {
    const now = this.clock.now().getTime();
    const keys = [`${address}|${noticeId}`, address];
    const limits = [OBJECTION_LIMITS.perNotice, OBJECTION_LIMITS.perAddress];
    const recent = keys.map((key) =>
      (this.hits.get(key) ?? []).filter((at) => at > now - OBJECTION_LIMITS.windowMs),
    );
    if (recent.some((times, i) => times.length >= limits[i])) return false;
    keys.forEach((key, i) => this.hits.set(key, [...recent[i], now]));
    if (this.hits.size > 50_000) this.forgetOld(now);
    return true;
  }

  private forgetOld(now: number): void {
    for (const [key, times] of this.hits)
      if (!times.some((at) => at > now - OBJECTION_LIMITS.windowMs)) this.hits.delete(key);
  }
}
