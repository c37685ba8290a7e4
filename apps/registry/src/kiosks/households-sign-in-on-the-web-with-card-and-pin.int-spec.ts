import type { KioskSessionResponse } from '@fupin/contracts';
import { decodeJwt } from 'jose';
import { startRegistryWorld, type RegistryWorld } from '../testing/registry-world';

type Answer = KioskSessionResponse & { code?: string; details?: { attemptsLeft?: number } };

describe('a household signs in on the web with its card and PIN (我家的分红), read only', () => {
  let world: RegistryWorld;
  let address = 0;
  beforeAll(async () => {
    world = await startRegistryWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  /** Each test comes from its own address (behind the gateway), so the address brake is tested on its own. */
  const from = () => `203.0.113.${++address}`;
  const signIn = (cardNumber: string, pin: string, ip: string, extra: Record<string, unknown> = {}) =>
    world.call<Answer>('POST', '/auth/household/sign-in', {
      headers: { 'x-forwarded-for': ip },
      body: { cardNumber, pin, ...extra },
    });

  it('gives a 15-minute villager token for its own household, without a kiosk, that cannot act as a kiosk session', async () => {
    const ip = from();
    const res = await signIn('carda1', '123456', ip);
    expect(res.status).toBe(200);
    expect(res.body.household).toMatchObject({
      id: world.households.a1.id,
      headName: '王建国',
      villageName: '砚山铺村',
      pointsCardNumber: 'CARDA1',
    });
    const claims = decodeJwt(res.body.accessToken);
    expect(claims).toMatchObject({
      role: 'villager',
      sub: world.households.a1.id,
      scope: { kind: 'household', householdId: world.households.a1.id },
    });
    expect(claims.scope).not.toHaveProperty('kioskId');
    expect(claims.scope).not.toHaveProperty('storeId');
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(res.body.expiresIn).toBe(900);

    const token = res.body.accessToken;
    const refresh = await world.call('POST', '/auth/kiosk/session/refresh', {
      token,
      headers: { 'x-kiosk-credential': world.kiosks.a1 },
    });
    expect(refresh.status).toBe(403);
    expect((await world.call('GET', '/households', { token })).status).toBe(403);
    expect((await world.call('GET', `/households/${world.households.a2.id}`, { token })).status).toBe(403);

    const [row] = await world.dataSource.query(
      `SELECT actor_id, role, scope, ip FROM audit_log WHERE action = 'household.web_signed_in' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toEqual({
      actor_id: world.households.a1.id,
      role: 'villager',
      scope: `household:${world.households.a1.id}`,
      ip,
    });
  });

  it('counts wrong PINs with the kiosk: five in all lock the card, and the web says so plainly', async () => {
    const ip = from();
    const left: Array<number | undefined> = [];
    for (let i = 0; i < 2; i++) {
      const res = await signIn('CARDB1', '000000', ip);
      expect(res).toMatchObject({ status: 401, body: { code: 'KIOSK_SIGN_IN_FAILED' } });
      left.push(res.body.details?.attemptsLeft);
    }
    for (let i = 0; i < 2; i++) {
      const res = await world.call<Answer>('POST', '/auth/kiosk/sign-in', {
        headers: { 'x-kiosk-credential': world.kiosks.b1 },
        body: { cardNumber: 'CARDB1', pin: '000000' },
      });
      left.push(res.body.details?.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect(await signIn('CARDB1', '000000', ip)).toMatchObject({ status: 423, body: { code: 'CARD_LOCKED' } });
    expect(await signIn('CARDB1', '654321', ip)).toMatchObject({ status: 423, body: { code: 'CARD_LOCKED' } });
    const failures = await world.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'household.web_sign_in_failed' AND target_id = $1`,
      [world.households.b1.id],
    );
    expect(failures[0].n).toBe(4);
    const admin = await world.token('village-b1');
    await world.call('POST', `/households/${world.households.b1.id}/card/unlock`, { token: admin });
    expect((await signIn('CARDB1', '654321', ip)).status).toBe(200);
  });

  it('refuses an unknown card and bad input with a clear 4xx, and changes nothing', async () => {
    const ip = from();
    const [before] = await world.dataSource.query(
      'SELECT pin_failures FROM households WHERE id = $1',
      [world.households.a1.id],
    );
    expect(await signIn('NOSUCHCARD', '123456', ip)).toMatchObject({
      status: 401,
      body: { code: 'KIOSK_SIGN_IN_FAILED' },
    });
    for (const bad of [
      { cardNumber: 'CARDA1', pin: '12ab' },
      { cardNumber: 'CARDA1', pin: 123456 },
      { cardNumber: '', pin: '123456' },
      { cardNumber: 'CARDA1', pin: '123456', role: 'county_admin' },
    ]) {
      const res = await world.call<Answer>('POST', '/auth/household/sign-in', {
        headers: { 'x-forwarded-for': ip },
        body: bad,
      });
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    const [after] = await world.dataSource.query(
      'SELECT pin_failures FROM households WHERE id = $1',
      [world.households.a1.id],
    );
    expect(after.pin_failures).toBe(before.pin_failures);
  });

  it('brakes one address after 10 tries in 10 minutes, without touching other addresses', async () => {
    const ip = from();
    for (let i = 0; i < 10; i++) expect((await signIn('NOSUCHCARD', '123456', ip)).status).toBe(401);
    const braked = await signIn('CARDA1', '123456', ip);
    expect(braked).toMatchObject({ status: 429, body: { code: 'TOO_MANY_SIGN_INS' } });
    expect((await signIn('CARDA1', '123456', from())).status).toBe(200);
  });
});
