import type { HouseholdDetail, KioskSessionResponse } from '@fupin/contracts';
import { decodeJwt } from 'jose';
import { CODES, householdBody, startRegistryWorld, type RegistryWorld } from '../testing/registry-world';

describe('kiosk sign-in: card + PIN at a kiosk of the household’s own village', () => {
  let world: RegistryWorld;
  beforeAll(async () => {
    world = await startRegistryWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const signIn = (credential: string, cardNumber: string, pin: string) =>
    world.call<KioskSessionResponse & { code?: string; details?: { attemptsLeft: number } }>(
      'POST',
      '/auth/kiosk/sign-in',
      {
        headers: { 'x-kiosk-credential': credential },
        body: { cardNumber, pin },
      },
    );

  it('tells a kiosk which store and village it belongs to', async () => {
    const res = await world.call('GET', '/auth/kiosk/device', {
      headers: { 'x-kiosk-credential': world.kiosks.a1 },
    });
    expect(res).toMatchObject({
      status: 200,
      body: { storeName: '砚山铺村爱心超市', villageName: '砚山铺村' },
    });
  });

  it('signs a villager in for 2 minutes, and the session sees its own household only', async () => {
    const res = await signIn(world.kiosks.a1, 'carda1', '123456');
    expect(res.status).toBe(200);
    expect(res.body.household).toMatchObject({
      id: world.households.a1.id,
      headName: '王建国',
      villageName: '砚山铺村',
    });
    const claims = decodeJwt(res.body.accessToken);
    expect(claims).toMatchObject({
      role: 'household',
      sub: world.households.a1.id,
      scope: { kind: 'household', householdId: world.households.a1.id },
    });
    expect(claims.exp! - claims.iat!).toBe(120);

    const token = res.body.accessToken;
    const own = await world.call<HouseholdDetail>('GET', `/households/${world.households.a1.id}`, { token });
    expect(own.status).toBe(200);
    expect(own.body.members[0].name).toBe('王建国');
    expect((await world.call('GET', `/households/${world.households.a2.id}`, { token })).status).toBe(403);
    expect((await world.call('GET', `/households/${world.households.b1.id}`, { token })).status).toBe(403);
    expect((await world.call('GET', '/households', { token })).status).toBe(403);
    expect((await world.call('GET', '/organisations', { token })).status).toBe(403);
    expect(
      (
        await world.call('PATCH', `/households/${world.households.a1.id}`, {
          token,
          body: { phone: '13800000000' },
        })
      ).status,
    ).toBe(403);
  });

  it('renews the session on activity from the same kiosk, and not after the villager signs out', async () => {
    const { body } = await signIn(world.kiosks.a1, 'CARDA1', '123456');
    const headers = { 'x-kiosk-credential': world.kiosks.a1 };
    const renewed = await world.call<KioskSessionResponse>('POST', '/auth/kiosk/session/refresh', {
      token: body.accessToken,
      headers,
    });
    expect(renewed.status).toBe(200);
    expect(decodeJwt(renewed.body.accessToken).sid).toBe(decodeJwt(body.accessToken).sid);
    const otherKiosk = await world.call('POST', '/auth/kiosk/session/refresh', {
      token: body.accessToken,
      headers: { 'x-kiosk-credential': world.kiosks.b1 },
    });
    expect(otherKiosk.status).toBe(403);
    expect(
      (await world.call('POST', '/auth/kiosk/session/end', { token: renewed.body.accessToken })).status,
    ).toBe(204);
    const afterEnd = await world.call('POST', '/auth/kiosk/session/refresh', {
      token: renewed.body.accessToken,
      headers,
    });
    expect(afterEnd).toMatchObject({ status: 401, body: { code: 'KIOSK_SESSION_ENDED' } });
  });

  it("refuses a household of village B1 at village A1's kiosk, without counting a wrong PIN", async () => {
    const res = await signIn(world.kiosks.a1, 'CARDB1', '654321');
    expect(res).toMatchObject({ status: 403, body: { code: 'HOUSEHOLD_NOT_IN_KIOSK_VILLAGE' } });
    const [row] = await world.dataSource.query('SELECT pin_failures FROM households WHERE id = $1', [
      world.households.b1.id,
    ]);
    expect(row.pin_failures).toBe(0);
    expect((await signIn(world.kiosks.b1, 'CARDB1', '654321')).status).toBe(200);
  });

  it('refuses an unknown card, a missing or forged kiosk credential, and a household without a PIN', async () => {
    expect(await signIn(world.kiosks.a1, 'NOSUCHCARD', '123456')).toMatchObject({
      status: 401,
      body: { code: 'KIOSK_SIGN_IN_FAILED' },
    });
    const [kioskId] = world.kiosks.a1.split('.');
    expect((await signIn(`${kioskId}.${'x'.repeat(43)}`, 'CARDA1', '123456')).body.code).toBe(
      'KIOSK_CREDENTIAL_INVALID',
    );
    const noHeader = await world.call('POST', '/auth/kiosk/sign-in', {
      body: { cardNumber: 'CARDA1', pin: '123456' },
    });
    expect(noHeader.status).toBe(401);
    const county = await world.token('county');
    const fresh = await world.call('POST', '/households', {
      token: county,
      body: householdBody({
        householdNumber: 'A1-0002',
        villageCode: CODES.villageA1,
        pointsCardNumber: 'CARDA1B',
      }),
    });
    expect(fresh.status).toBe(201);
    expect(await signIn(world.kiosks.a1, 'CARDA1B', '1234')).toMatchObject({
      status: 409,
      body: { code: 'PIN_NOT_SET' },
    });
  });

  it('locks the card after 5 wrong PINs; then even the right PIN is refused until the village admin unlocks it, with audit', async () => {
    const attemptsLeft: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await signIn(world.kiosks.b1, 'CARDB1', '000000');
      expect(res.status).toBe(401);
      attemptsLeft.push(res.body.details!.attemptsLeft);
    }
    expect(attemptsLeft).toEqual([4, 3, 2, 1]);
    expect(await signIn(world.kiosks.b1, 'CARDB1', '000000')).toMatchObject({
      status: 423,
      body: { code: 'CARD_LOCKED' },
    });
    expect(await signIn(world.kiosks.b1, 'CARDB1', '654321')).toMatchObject({
      status: 423,
      body: { code: 'CARD_LOCKED' },
    });

    const outsider = await world.token('village-a1');
    expect(
      (await world.call('POST', `/households/${world.households.b1.id}/card/unlock`, { token: outsider }))
        .status,
    ).toBe(403);
    const admin = await world.token('village-b1');
    const unlocked = await world.call<HouseholdDetail>(
      'POST',
      `/households/${world.households.b1.id}/card/unlock`,
      { token: admin },
    );
    expect(unlocked).toMatchObject({ status: 200, body: { cardLocked: false } });
    const audit = await world.dataSource.query(
      `SELECT actor_id, role, action FROM audit_log WHERE target_id = $1 AND action IN ('household.card_locked', 'household.card_unlocked') ORDER BY id`,
      [world.households.b1.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'household.card_locked',
      'household.card_unlocked',
    ]);
    expect(audit[1].role).toBe('village_admin');
    expect((await signIn(world.kiosks.b1, 'CARDB1', '654321')).status).toBe(200);
  });

  it('lets the store keeper reset the PIN of a household in the store’s village only', async () => {
    const keeper = await world.token('keeper-a1');
    expect(
      (
        await world.call('PUT', `/households/${world.households.a2.id}/pin`, {
          token: keeper,
          body: { pin: '2468' },
        })
      ).status,
    ).toBe(403);
    const res = await world.call<HouseholdDetail>('PUT', `/households/${world.households.a1.id}/pin`, {
      token: keeper,
      body: { pin: '2468' },
    });
    expect(res).toMatchObject({ status: 200, body: { hasPin: true } });
    expect((await signIn(world.kiosks.a1, 'CARDA1', '2468')).status).toBe(200);
    expect(
      (
        await world.call('PUT', `/households/${world.households.a1.id}/pin`, {
          token: keeper,
          body: { pin: '12' },
        })
      ).status,
    ).toBe(400);
  });

  it('lets a store keeper register a kiosk at their own store only, showing the credential once', async () => {
    const keeper = await world.token('keeper-a1');
    const mine = await world.call<{ credential: string; kiosk: { id: string } }>('POST', '/kiosks', {
      token: keeper,
      body: { storeId: world.orgs.storeA1, name: '二号终端' },
    });
    expect(mine.status).toBe(201);
    expect(mine.body.credential.startsWith(`${mine.body.kiosk.id}.`)).toBe(true);
    const [row] = await world.dataSource.query('SELECT credential_hash FROM kiosks WHERE id = $1', [
      mine.body.kiosk.id,
    ]);
    expect(row.credential_hash).not.toContain(mine.body.credential.split('.')[1]);
    expect(
      (
        await world.call('POST', '/kiosks', {
          token: keeper,
          body: { storeId: world.orgs.storeB1, name: '二号终端' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await world.call('POST', '/kiosks', {
          token: keeper,
          body: { storeId: world.orgs.collectionA1, name: 'x' },
        })
      ).status,
    ).toBe(403);
    const county = await world.token('county');
    const wrongType = await world.call('POST', '/kiosks', {
      token: county,
      body: { storeId: world.orgs.collectionA1, name: 'x' },
    });
    expect(wrongType).toMatchObject({ status: 422, body: { code: 'KIOSK_STORE_NOT_LOVE_SUPERMARKET' } });
    const off = await world.call('POST', `/kiosks/${mine.body.kiosk.id}/deactivate`, { token: keeper });
    expect(off.status).toBe(200);
    expect((await signIn(mine.body.credential, 'CARDA1', '2468')).body.code).toBe('KIOSK_INACTIVE');
  });
});
