import { Inject, Injectable } from '@nestjs/common';
import { assertRegionInScope } from '@fupin/auth';
import type { HouseholdDetail } from '@fupin/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { audit, type RequestContext } from '@fupin/service-kit';
import { SecretHasher } from '../common/secret-hasher';
import { appendHistory } from './household-history';
import { householdRegion, loadHousehold } from './household-row';
import { HouseholdException } from './households.exception';

/** Wrong PINs in a row that lock a points card until a village administrator or store keeper unlocks it. */
export const MAX_PIN_FAILURES = 5;

/** Outcome of a PIN check at a kiosk. */
export type PinCheck =
  | { outcome: 'ok' }
  | { outcome: 'wrong'; attemptsLeft: number }
  | { outcome: 'locked_now' }
  | { outcome: 'locked' }
  | { outcome: 'no_pin' };

/** The kiosk PIN of a household's points card: set, checked, locked after 5 wrong tries, unlocked. */
@Injectable()
export class HouseholdPinService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SecretHasher) private readonly hasher: SecretHasher,
  ) {}

  /** Sets or resets the PIN; also clears a lock, since the villager is there in person. */
  async setPin(ctx: RequestContext, id: string, pin: string): Promise<HouseholdDetail> {
    const pinHash = await this.hasher.hash(pin);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockInScope(manager, ctx, id);
      await manager.query(
        `UPDATE households SET pin_hash = $2, pin_failures = 0, card_locked_at = NULL, updated_at = now() WHERE id = $1`,
        [id, pinHash],
      );
      const changes = {
        pin: { from: before.hasPin ? 'set' : null, to: 'set' },
        cardLocked: { from: before.cardLocked, to: false },
      };
      await appendHistory(manager, ctx, id, 'pin_set', changes);
      await audit(
        manager,
        ctx,
        before.hasPin ? 'household.pin_reset' : 'household.pin_set',
        { type: 'household', id },
        {
          householdNumber: before.householdNumber,
          wasLocked: before.cardLocked,
        },
      );
      return (await loadHousehold(manager, id))!.detail;
    });
  }

  /** Unlocks a card locked by wrong PINs. Unlocking an unlocked card changes nothing. */
  async unlockCard(ctx: RequestContext, id: string): Promise<HouseholdDetail> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockInScope(manager, ctx, id);
      if (!before.cardLocked) return before;
      await manager.query(
        `UPDATE households SET pin_failures = 0, card_locked_at = NULL, updated_at = now() WHERE id = $1`,
        [id],
      );
      await appendHistory(manager, ctx, id, 'card_unlocked', { cardLocked: { from: true, to: false } });
      await audit(
        manager,
        ctx,
        'household.card_unlocked',
        { type: 'household', id },
        { householdNumber: before.householdNumber },
      );
      return (await loadHousehold(manager, id))!.detail;
    });
  }

  /**
   * Checks a PIN typed at a kiosk, inside the sign-in transaction (the row must already be locked
   * FOR UPDATE). Counts failures; the fifth in a row locks the card and says so in the history.
   */
  async check(manager: EntityManager, ctx: RequestContext, id: string, pin: string): Promise<PinCheck> {
    const [row] = (await manager.query(
      'SELECT pin_hash, pin_failures, card_locked_at FROM households WHERE id = $1',
      [id],
    )) as Array<{
      pin_hash: string | null;
      pin_failures: number;
      card_locked_at: Date | null;
    }>;
    if (row.card_locked_at) return { outcome: 'locked' };
    if (!row.pin_hash) return { outcome: 'no_pin' };
    if (await this.hasher.verify(row.pin_hash, pin)) {
      if (row.pin_failures > 0)
        await manager.query('UPDATE households SET pin_failures = 0 WHERE id = $1', [id]);
      return { outcome: 'ok' };
    }
    const failures = row.pin_failures + 1;
    if (failures >= MAX_PIN_FAILURES) {
      await manager.query(
        `UPDATE households SET pin_failures = $2, card_locked_at = now(), updated_at = now() WHERE id = $1`,
        [id, failures],
      );
      await appendHistory(
        manager,
        ctx,
        id,
        'card_locked',
        { cardLocked: { from: false, to: true } },
        `连续 ${failures} 次 PIN 错误 / ${failures} wrong PINs in a row`,
      );
      await audit(manager, ctx, 'household.card_locked', { type: 'household', id }, { failures });
      return { outcome: 'locked_now' };
    }
    await manager.query('UPDATE households SET pin_failures = $2 WHERE id = $1', [id, failures]);
    return { outcome: 'wrong', attemptsLeft: MAX_PIN_FAILURES - failures };
  }

  private async lockInScope(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
  ): Promise<HouseholdDetail> {
    const [row] = (await manager.query('SELECT id FROM households WHERE id = $1 FOR UPDATE', [
      id,
    ])) as unknown[];
    if (!row) throw HouseholdException.notFound(id);
    const { detail } = (await loadHousehold(manager, id))!;
    if (ctx.principal) assertRegionInScope(ctx.principal, householdRegion(detail));
    return detail;
  }
}
