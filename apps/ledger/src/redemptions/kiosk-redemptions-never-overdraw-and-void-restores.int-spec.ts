/**
 * A kiosk basket takes points and stock together or not at all. Twenty kiosks racing for three
 * points, or ten for the last bag of rice, never overdraw; a replayed request is answered with the
 * first receipt; a same-day void gives back both the points and the goods.
 */
import { CODES, newKey, startLedgerWorld, type LedgerWorld } from '../testing/ledger-world';
import { grantPoints } from '../testing/grant-points';

interface Receipt {
  id: string;
  receiptNumber: string;
  totalPoints: number;
  balanceAfter: number;
  status: string;
}

describe('kiosk redemptions', () => {
  let w: LedgerWorld;
  let store: string;
  let keeper: string;
  let otherKeeper: string;
  let auditor: string;
  let oil: string;
  let rice: string;
  let soap: string;

  const goods = async () =>
    new Map(
      (
        await w.call<Array<{ id: string; quantity: number }>>('GET', `/stores/${store}/goods`, {
          token: keeper,
        })
      ).body.map((g) => [g.id, g.quantity]),
    );
  const balance = async (h: string) =>
    (await w.call<{ balance: number }>('GET', `/accounts/households/${h}`, { token: auditor })).body.balance;

  beforeAll(async () => {
    w = await startLedgerWorld();
    store = await w.store(CODES.villageA1, '东村爱心超市');
    const other = await w.store(CODES.villageB1, '西村爱心超市');
    keeper = await w.token('store_keeper', {
      kind: 'organisation',
      id: store,
      orgType: 'love_supermarket',
      regionCode: CODES.villageA1,
    });
    otherKeeper = await w.token('store_keeper', {
      kind: 'organisation',
      id: other,
      orgType: 'love_supermarket',
      regionCode: CODES.villageB1,
    });
    auditor = await w.token('auditor', { kind: 'region', code: CODES.county });
    const add = async (name: string, pricePoints: number, lowStockThreshold = 1) =>
      (
        await w.call<{ id: string }>('POST', `/stores/${store}/goods`, {
          token: keeper,
          body: { name, unit: '件', pricePoints, lowStockThreshold },
        })
      ).body.id;
    oil = await add('食用油', 1);
    rice = await add('大米', 10, 0);
    soap = await add('肥皂', 2);
    const donation = await w.call<{ receiptNumber: string; declaredValueText: string }>(
      'POST',
      `/stores/${store}/donations`,
      {
        token: keeper,
        key: newKey(),
        body: {
          donorName: '百企帮百村·某粮油公司',
          lines: [
            { goodsId: oil, quantity: 100, declaredValueFen: 500000 },
            { goodsId: rice, quantity: 1, declaredValueFen: 5000 },
            { goodsId: soap, quantity: 10, declaredValueFen: 3000 },
          ],
        },
      },
    );
    expect(donation.status).toBe(201);
    expect(donation.body.receiptNumber).toMatch(/^D\d{8}-\d{6}$/);
    expect(donation.body.declaredValueText).toContain('伍仟零捌拾');
    expect(
      (
        await w.call('POST', `/stores/${store}/donations`, {
          token: otherKeeper,
          key: newKey(),
          body: {
            donorName: 'x',
            lines: [{ goodsId: oil, quantity: 1, declaredValueFen: 0 }],
          },
        })
      ).status,
    ).toBe(403);
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('lets twenty parallel redemptions spend a balance of 3 exactly three times', async () => {
    const h = await w.household(CODES.villageA1);
    await grantPoints(w.dataSource, h, CODES.villageA1, 3);
    const kiosk = await w.kiosk(h, CODES.villageA1, store);
    const before = (await goods()).get(oil)!;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        w.call<{ code?: string }>('POST', '/redemptions', {
          token: kiosk,
          key: newKey(),
          body: { lines: [{ goodsId: oil, quantity: 1 }] },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'INSUFFICIENT_POINTS')).toBe(
      true,
    );
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(await balance(h)).toBe(0);
    expect((await goods()).get(oil)).toBe(before - 3);
  });

  it('lets exactly one of ten kiosks take the last bag of rice', async () => {
    const households = await Promise.all(Array.from({ length: 10 }, () => w.household(CODES.villageA1)));
    for (const h of households) await grantPoints(w.dataSource, h, CODES.villageA1, 50);
    const answers = await Promise.all(
      households.map(async (h) =>
        w.call<{ code?: string }>('POST', '/redemptions', {
          token: await w.kiosk(h, CODES.villageA1, store),
          key: newKey(),
          body: { lines: [{ goodsId: rice, quantity: 1 }] },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'OUT_OF_STOCK')).toBe(true);
    expect((await goods()).get(rice)).toBe(0);
    const balances = await Promise.all(households.map(balance));
    expect(balances.sort((a, b) => a - b)).toEqual([40, ...Array(9).fill(50)]);
    const low = await w.dataSource.query(
      `SELECT envelope->'payload' AS payload FROM outbox WHERE event_type = 'ledger.stock.low'`,
    );
    expect(low.map((r: { payload: { goodsId: string; quantity: number } }) => r.payload)).toEqual([
      expect.objectContaining({ goodsId: rice, quantity: 0 }),
    ]);
  });

  it('answers a replayed request with the first receipt and changes nothing', async () => {
    const h = await w.household(CODES.villageA1);
    await grantPoints(w.dataSource, h, CODES.villageA1, 10);
    const kiosk = await w.kiosk(h, CODES.villageA1, store);
    const key = newKey();
    const body = { lines: [{ goodsId: soap, quantity: 2 }] };
    const first = await w.call<Receipt>('POST', '/redemptions', { token: kiosk, key, body });
    const entries = await w.count('journal_entry');
    const again = await w.call<Receipt>('POST', '/redemptions', { token: kiosk, key, body });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await w.count('journal_entry')).toBe(entries);
    expect(await balance(h)).toBe(6);
    const reused = await w.call<{ code: string }>('POST', '/redemptions', {
      token: kiosk,
      key,
      body: { lines: [{ goodsId: soap, quantity: 1 }] },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('voids a receipt the same day: points and stock restored by a reversing entry, once', async () => {
    const h = await w.household(CODES.villageA1);
    await grantPoints(w.dataSource, h, CODES.villageA1, 10);
    const kiosk = await w.kiosk(h, CODES.villageA1, store);
    const before = (await goods()).get(soap)!;
    const receipt = await w.call<Receipt>('POST', '/redemptions', {
      token: kiosk,
      key: newKey(),
      body: { lines: [{ goodsId: soap, quantity: 3 }] },
    });
    expect(receipt.body).toMatchObject({ totalPoints: 6, balanceAfter: 4 });
    expect((await goods()).get(soap)).toBe(before - 3);
    expect(
      (
        await w.call('POST', `/redemptions/${receipt.body.id}/void`, {
          token: otherKeeper,
          key: newKey(),
          body: { reason: '误操作' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await w.call('POST', `/redemptions/${receipt.body.id}/void`, {
          token: kiosk,
          key: newKey(),
          body: { reason: '误操作' },
        })
      ).status,
    ).toBe(403);
    const voided = await w.call<Receipt>('POST', `/redemptions/${receipt.body.id}/void`, {
      token: keeper,
      key: newKey(),
      body: { reason: '村民选错商品' },
    });
    expect(voided.status).toBe(200);
    expect(voided.body.status).toBe('voided');
    expect(await balance(h)).toBe(10);
    expect((await goods()).get(soap)).toBe(before);
    const twice = await w.call<{ code: string }>('POST', `/redemptions/${receipt.body.id}/void`, {
      token: keeper,
      key: newKey(),
      body: { reason: '再次' },
    });
    expect(twice.body.code).toBe('REDEMPTION_ALREADY_VOIDED');
    const [reversal] = await w.dataSource.query(
      `SELECT e.kind, e.reverses_entry_id FROM journal_entry e JOIN redemption r ON r.void_entry_id = e.id WHERE r.id = $1`,
      [receipt.body.id],
    );
    expect(reversal.kind).toBe('void');
    expect(reversal.reverses_entry_id).not.toBeNull();
  });

  it('refuses bad baskets with a clear 4xx and changes nothing', async () => {
    const h = await w.household(CODES.villageA1);
    await grantPoints(w.dataSource, h, CODES.villageA1, 5);
    const kiosk = await w.kiosk(h, CODES.villageA1, store);
    const entries = await w.count('journal_entry');
    const stock = await goods();
    const bad: Array<[unknown, number]> = [
      [{ lines: [{ goodsId: soap, quantity: -1 }] }, 400],
      [{ lines: [{ goodsId: soap, quantity: 1e300 }] }, 400],
      [{ lines: [{ goodsId: soap, quantity: 1.5 }] }, 400],
      [{ lines: [] }, 400],
      [{ lines: [{ goodsId: 'not-a-uuid', quantity: 1 }] }, 400],
      [{ lines: [{ goodsId: '00000000-0000-4000-8000-000000000009', quantity: 1 }] }, 422],
      [{ lines: [{ goodsId: soap, quantity: 3 }] }, 409],
      [{ lines: [{ goodsId: soap, quantity: 1 }], extra: true }, 400],
    ];
    for (const [body, status] of bad) {
      expect({
        body,
        status: (await w.call('POST', '/redemptions', { token: kiosk, key: newKey(), body })).status,
      }).toEqual({
        body,
        status,
      });
    }
    expect(
      (await w.call('POST', '/redemptions', { token: kiosk, key: newKey(), rawBody: '{"lines": [' })).status,
    ).toBe(400);
    expect(
      (
        await w.call('POST', '/redemptions', {
          token: kiosk,
          body: { lines: [{ goodsId: soap, quantity: 1 }] },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await w.call('POST', '/redemptions', {
          token: keeper,
          key: newKey(),
          body: { lines: [{ goodsId: soap, quantity: 1 }] },
        })
      ).status,
    ).toBe(403);
    expect(await w.count('journal_entry')).toBe(entries);
    expect(await goods()).toEqual(stock);
    expect(await balance(h)).toBe(5);
  });

  it('keeps every balance equal to its legs, all summing to zero, after all of that', async () => {
    const tb = await w.call('GET', '/accounts/trial-balance', { token: auditor });
    expect(tb.body).toMatchObject({ sumOfBalances: 0, sumOfLegs: 0, mismatchedAccounts: 0 });
    const report = await w.call<{ pointsRedeemed: number; stockPoints: number }>(
      'GET',
      `/reports/stores/${store}/balance`,
      {
        token: keeper,
      },
    );
    expect(report.status).toBe(200);
    expect(report.body.pointsRedeemed).toBe(3 + 10 + 4);
  });
});
