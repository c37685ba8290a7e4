import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@fupin/auth';
import type { KioskSessionResponse, KioskSignInBody } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { SigningKeyStore } from '../auth/signing-key-store';
import { actingAs, audit, type RequestContext } from '@fupin/service-kit';
import { queryReturning } from '../common/sql';
import { HouseholdPinService, type PinCheck } from '../households/household-pin.service';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry-config';
import type { KioskRow } from './kiosk-row';
import { KioskErrorCode, KioskException } from './kiosks.exception';
import { KiosksService } from './kiosks.service';

interface CardHolder {
  id: string;
  household_number: string;
  head_name: string;
  village_code: string;
  village_name: string;
  points_card_number: string;
}

type Outcome = { ok: true; value: KioskSessionResponse } | { ok: false; error: KioskException };

const signInFailed = (details?: unknown) =>
  new KioskException(KioskErrorCode.SignInFailed, '卡号或 PIN 不正确 / Wrong card number or PIN', details);

/** The household behind a points card, locked so its PIN counter is counted once (undefined if none). */
async function lockCardHolder(manager: EntityManager, cardNumber: string): Promise<CardHolder | undefined> {
  const [holder] = (await manager.query(
    `SELECT h.id, h.household_number, h.head_name, h.village_code, v.name AS village_name, h.points_card_number
     FROM households h JOIN regions v ON v.code = h.village_code WHERE h.points_card_number = $1 FOR UPDATE OF h`,
    [cardNumber],
  )) as CardHolder[];
  return holder;
}

/** The household as a session answer shows it (kiosk and web alike). */
function householdOf(holder: CardHolder): KioskSessionResponse['household'] {
  return {
    id: holder.id,
    householdNumber: holder.household_number,
    headName: holder.head_name,
    villageCode: holder.village_code,
    villageName: holder.village_name,
    pointsCardNumber: holder.points_card_number,
  };
}

/** How long a household's web sign-in lasts; it is read only and not renewed. */
export const ONLINE_SESSION_SECONDS = 15 * 60;

/** Why a PIN check refuses the sign-in (the same words at a kiosk and on the web), or null when it passed. */
function pinRefusal(check: PinCheck): { reason: string; error: KioskException } | null {
  switch (check.outcome) {
    case 'locked':
    case 'locked_now':
      return {
        reason: check.outcome === 'locked_now' ? 'locked_now' : 'card_locked',
        error: new KioskException(
          KioskErrorCode.CardLocked,
          '积分卡已锁定，请找村干部或超市管理员解锁 / The card is locked; ask the village committee or store keeper to unlock it',
        ),
      };
    case 'no_pin':
      return {
        reason: 'no_pin',
        error: new KioskException(
          KioskErrorCode.PinNotSet,
          '尚未设置 PIN，请找超市管理员设置 / No PIN set yet; ask the store keeper',
        ),
      };
    case 'wrong':
      return { reason: 'wrong_pin', error: signInFailed({ attemptsLeft: check.attemptsLeft }) };
    case 'ok':
      return null;
  }
}

/**
 * A villager signs in at a kiosk with points card + PIN. The household must belong to the kiosk's
 * village; the session token lives 2 minutes and is renewed on activity, so an idle kiosk ends it.
 */
@Injectable()
export class KioskSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kiosks: KiosksService,
    private readonly pins: HouseholdPinService,
    @Inject(SigningKeyStore) private readonly keys: SigningKeyStore,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  async signIn(
    ctx: RequestContext,
    credential: unknown,
    body: KioskSignInBody,
  ): Promise<KioskSessionResponse> {
    const kiosk = await this.kiosks.authenticateDevice(credential);
    const actor: RequestContext = {
      ...ctx,
      actorId: `kiosk:${kiosk.id}`,
      actorName: kiosk.name,
      role: 'kiosk',
      scope: `organisation:${kiosk.store_id}`,
    };
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const holder = await lockCardHolder(manager, body.cardNumber);
      const refuse = async (
        reason: string,
        error: KioskException,
        householdId = 'unknown',
      ): Promise<Outcome> => {
        await audit(
          manager,
          actor,
          'kiosk.sign_in_failed',
          { type: 'household', id: householdId },
          { reason, kioskId: kiosk.id },
        );
        return { ok: false, error };
      };
      if (!holder) return refuse('unknown_card', signInFailed());
      // Checked before the PIN: a card from another village never reaches the PIN counter here.
      if (holder.village_code !== kiosk.village_code) {
        return refuse(
          'other_village',
          new KioskException(
            KioskErrorCode.NotInKioskVillage,
            '该积分卡不属于本村，请到本村爱心超市使用 / This card belongs to another village; use your own village’s love supermarket',
          ),
          holder.id,
        );
      }
      const refused = pinRefusal(await this.pins.check(manager, actor, holder.id, body.pin));
      if (refused) return refuse(refused.reason, refused.error, holder.id);
      const sessionId = randomUUID();
      // One villager at a time per kiosk: a new sign-in ends whatever session was left open.
      await manager.query(
        `UPDATE kiosk_sessions SET ended_at = now(), end_reason = 'replaced' WHERE kiosk_id = $1 AND ended_at IS NULL`,
        [kiosk.id],
      );
      await manager.query('INSERT INTO kiosk_sessions (id, kiosk_id, household_id) VALUES ($1, $2, $3)', [
        sessionId,
        kiosk.id,
        holder.id,
      ]);
      await manager.query('UPDATE kiosks SET last_sign_in_at = now() WHERE id = $1', [kiosk.id]);
      await audit(
        manager,
        actor,
        'kiosk.signed_in',
        { type: 'household', id: holder.id },
        { kioskId: kiosk.id, sessionId },
      );
      return { ok: true, value: await this.session(kiosk, holder, sessionId) };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /**
   * 我家的分红 and other read-only pages: a household signs in on the web with its points card and
   * PIN. The same PIN counter as the kiosk (5 wrong PINs lock the card), no village restriction
   * (there is no kiosk), and a short token whose role `villager` only reads the household's own
   * records: it cannot redeem, because redemption needs a kiosk session.
   */
  async signInOnline(ctx: RequestContext, body: KioskSignInBody): Promise<KioskSessionResponse> {
    const actor = ctx;
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const holder = await lockCardHolder(manager, body.cardNumber);
      const refuse = async (reason: string, error: KioskException, householdId = 'unknown') => {
        await audit(
          manager,
          actor,
          'household.web_sign_in_failed',
          { type: 'household', id: householdId },
          { reason },
        );
        return { ok: false, error } as const;
      };
      if (!holder) return refuse('unknown_card', signInFailed());
      const refused = pinRefusal(await this.pins.check(manager, actor, holder.id, body.pin));
      if (refused) return refuse(refused.reason, refused.error, holder.id);
      const ttl = ONLINE_SESSION_SECONDS;
      const token = await this.keys.sign({
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        subject: holder.id,
        name: holder.head_name,
        role: 'villager',
        scope: { kind: 'household', householdId: holder.id, villageCode: holder.village_code },
        ttlSeconds: ttl,
      });
      await audit(
        manager,
        actingAs(ctx, {
          id: holder.id,
          name: holder.head_name,
          role: 'villager',
          scope: `household:${holder.id}`,
        }),
        'household.web_signed_in',
        { type: 'household', id: holder.id },
        { expiresIn: ttl },
      );
      return {
        ok: true,
        value: {
          tokenType: 'Bearer',
          accessToken: token.token,
          expiresIn: ttl,
          household: householdOf(holder),
        },
      };
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** A fresh 2-minute token for a session still open on the same kiosk (the kiosk calls this on activity). */
  async refresh(principal: Principal, credential: unknown): Promise<KioskSessionResponse> {
    const kiosk = await this.kiosks.authenticateDevice(credential);
    const scope = principal.scope;
    if (scope.kind !== 'household' || scope.kioskId !== kiosk.id) {
      throw new KioskException(
        KioskErrorCode.WrongKiosk,
        '会话不属于本终端 / The session belongs to another kiosk',
      );
    }
    const [holder] = (await this.dataSource.query(
      `SELECT h.id, h.household_number, h.head_name, h.village_code, v.name AS village_name, h.points_card_number
       FROM kiosk_sessions s JOIN households h ON h.id = s.household_id JOIN regions v ON v.code = h.village_code
       WHERE s.id = $1 AND s.kiosk_id = $2 AND s.household_id = $3 AND s.ended_at IS NULL AND h.card_locked_at IS NULL`,
      [principal.sessionId ?? null, kiosk.id, scope.householdId],
    )) as CardHolder[];
    if (!holder)
      throw new KioskException(
        KioskErrorCode.SessionEnded,
        '会话已结束，请重新刷卡 / The session has ended; sign in again',
      );
    return this.session(kiosk, holder, principal.sessionId!);
  }

  /** The villager signs out (or the kiosk does it for them). */
  async end(ctx: RequestContext): Promise<void> {
    const principal = ctx.principal!;
    await this.dataSource.transaction(async (manager) => {
      const ended = await queryReturning(
        manager,
        `UPDATE kiosk_sessions SET ended_at = now(), end_reason = 'signed_out' WHERE id = $1 AND household_id = $2 AND ended_at IS NULL RETURNING id`,
        [principal.sessionId ?? null, principal.id],
      );
      if (ended.length)
        await audit(
          manager,
          ctx,
          'kiosk.signed_out',
          { type: 'household', id: principal.id },
          { sessionId: principal.sessionId },
        );
    });
  }

  private async session(
    kiosk: KioskRow,
    holder: CardHolder,
    sessionId: string,
  ): Promise<KioskSessionResponse> {
    const ttl = this.config.KIOSK_SESSION_TTL_SECONDS;
    const token = await this.keys.sign({
      issuer: this.config.AUTH_ISSUER,
      audience: this.config.AUTH_AUDIENCE,
      subject: holder.id,
      name: holder.head_name,
      role: 'household',
      scope: {
        kind: 'household',
        householdId: holder.id,
        villageCode: holder.village_code,
        storeId: kiosk.store_id,
        kioskId: kiosk.id,
      },
      sessionId,
      ttlSeconds: ttl,
    });
    return {
      tokenType: 'Bearer',
      accessToken: token.token,
      expiresIn: ttl,
      household: householdOf(holder),
    };
  }
}
