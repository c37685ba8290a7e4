/**
 * The ledger's demo seed, on the real service and database: once the registry's households and
 * love supermarkets have arrived, each demo village gets a points standard, stocked goods and an
 * approved award sheet for last month, posted through the real approval (balanced journal); the
 * sample cards have points to spend at a kiosk; a second run changes nothing.
 */
import { householdRegisteredV1 } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { LEDGER_CONFIG, type LedgerConfig } from '../ledger-config';
import { CODES, feed, startLedgerWorld, type LedgerWorld } from '../testing/ledger-world';
import { DEMO_GOODS, SAMPLE_MONTH_POINTS } from './demo-catalogue';
import { previousPeriod, seedLedgerDemo, type RegistryDemo } from './seed-ledger-demo';

interface Goods {
  name: string;
  quantity: number;
  lowStock: boolean;
  pricePoints: number;
}

describe('ledger demo seed', () => {
  let w: LedgerWorld;
  let config: LedgerConfig;
  let registry: RegistryDemo;
  const stores: Record<string, string> = {};
  const households: Record<string, string> = {};
  let number = 0;

  const household = async (villageCode: string, card: string) => {
    const id = randomUUID();
    number += 1;
    await feed(
      w.dataSource,
      householdRegisteredV1.create({
        aggregateId: id,
        payload: {
          householdId: id,
          householdNumber: `${villageCode}${String(number).padStart(4, '0')}`,
          countyCode: villageCode.slice(0, 6),
          townCode: villageCode.slice(0, 9),
          villageCode,
          groupCode: null,
          headName: '王大山',
          memberCount: 3,
          labour: { full: 1, weak: 1, none: 1 },
          disabledMemberCount: 0,
          bankName: null,
          bankAccountMasked: null,
          pointsCardNumber: card,
          povertyStatus: 'lifted',
          labourClass: null,
          subClass: null,
          version: 1,
        },
      }),
      'registry.households.v1',
    );
    households[card] = id;
    return id;
  };
  const counts = async () => ({
    entries: await w.count('journal_entry'),
    goods: await w.count('goods'),
    movements: await w.count('stock_movement'),
    sheets: await w.count('award_sheet'),
    rules: await w.count('rule_set'),
  });

  beforeAll(async () => {
    w = await startLedgerWorld();
    config = w.service.app.get<LedgerConfig>(LEDGER_CONFIG);
    stores.a1 = await w.store(CODES.villageA1, '砚山铺村爱心超市');
    stores.b1 = await w.store(CODES.villageB1, '拐河村爱心超市');
    for (const [village, prefix] of [
      [CODES.villageA1, 'FC1042010'],
      [CODES.villageB1, 'FC1052010'],
    ] as const) {
      for (let i = 1; i <= 6; i++) await household(village, `${prefix}${String(i).padStart(3, '0')}`);
    }
    // A village without a demo store: its households get nothing from the demo.
    await household(CODES.villageA2, 'FC1042020001');
    registry = {
      kiosks: [
        { storeName: '砚山铺村爱心超市', kioskId: randomUUID(), credential: 'x' },
        { storeName: '拐河村爱心超市', kioskId: randomUUID(), credential: 'x' },
      ],
      sampleCards: ['FC1042010001', 'FC1042010002', 'FC1052010001', 'FC1052010002'].map((cardNumber) => ({
        cardNumber,
        pin: '123456',
        householdHead: '王大山',
        village: '砚山铺村',
      })),
    };
  });

  afterAll(() => w?.stop());

  it('names the month before this one in China time', () => {
    expect(previousPeriod(new Date('2026-12-02T03:00:00Z'))).toBe('2026-11');
    expect(previousPeriod(new Date('2027-01-01T01:00:00+08:00'))).toBe('2026-12');
    expect(previousPeriod(new Date('2026-12-31T17:00:00Z'))).toBe('2026-12'); // already 1 January in China
  });

  it('gives up with a plain reason when the registry demo never arrives', async () => {
    const missing = {
      ...registry,
      sampleCards: [...registry.sampleCards, { ...registry.sampleCards[0]!, cardNumber: 'NOSUCHCARD' }],
    };
    await expect(seedLedgerDemo(w.dataSource, config, missing, { waitMs: 200, pollMs: 50 })).rejects.toThrow(
      "the registry's demo did not reach the ledger in time (2/2 stores, 4/5 sample cards",
    );
    expect(await w.count('rule_set')).toBe(0);
  });

  it('stocks both stores, approves last month for every household and balances the books; a rerun changes nothing', async () => {
    const result = await seedLedgerDemo(w.dataSource, config, registry, { pollMs: 50 });
    expect(result.created).toBe(true);
    expect(result.period).toBe(previousPeriod(new Date()));
    expect(result.stores).toEqual([
      { id: stores.a1, villageCode: CODES.villageA1, name: '砚山铺村爱心超市', goods: DEMO_GOODS.length },
      { id: stores.b1, villageCode: CODES.villageB1, name: '拐河村爱心超市', goods: DEMO_GOODS.length },
    ]);
    expect(result.sampleBalances).toHaveLength(4);
    for (const sample of result.sampleBalances) expect(sample.balance).toBe(SAMPLE_MONTH_POINTS);

    // What the villager sees at the kiosk, through the API with a kiosk session.
    const card = 'FC1042010001';
    const kiosk = await w.kiosk(households[card]!, CODES.villageA1, stores.a1!);
    const account = await w.call<{ balance: number; pending: number }>(
      'GET',
      `/accounts/households/${households[card]}`,
      {
        token: kiosk,
      },
    );
    expect(account.body).toMatchObject({ balance: SAMPLE_MONTH_POINTS, pending: 0 });
    const goods = (await w.call<Goods[]>('GET', `/stores/${stores.a1}/goods`, { token: kiosk })).body;
    const byName = new Map(goods.map((g) => [g.name, g]));
    expect(byName.get('大米')).toMatchObject({ quantity: 40, lowStock: false, pricePoints: 30 });
    expect(byName.get('食用油')).toMatchObject({ quantity: 3, lowStock: true });
    expect(byName.get('暖水瓶')).toMatchObject({ quantity: 0, lowStock: true });

    // Every household of the two villages was on the sheet; the other village's was not.
    const [{ awarded }] = await w.dataSource.query(
      `SELECT count(*)::int AS awarded FROM account WHERE kind = 'household' AND balance > 0`,
    );
    expect(awarded).toBe(12);
    const other = await w.dataSource.query(`SELECT balance FROM account WHERE household_id = $1`, [
      households.FC1042020001,
    ]);
    expect(other[0].balance).toBe('0');
    const sheets = await w.dataSource.query(
      `SELECT status, period, entry_id FROM award_sheet ORDER BY village_code`,
    );
    expect(sheets).toHaveLength(2);
    for (const sheet of sheets) expect(sheet).toMatchObject({ status: 'approved', period: result.period });

    const auditor = await w.token('auditor', { kind: 'region', code: CODES.county });
    const trial = await w.call<{ sumOfBalances: number; sumOfLegs: number; mismatchedAccounts: number }>(
      'GET',
      '/accounts/trial-balance',
      { token: auditor },
    );
    expect(trial.body).toMatchObject({ sumOfBalances: 0, sumOfLegs: 0, mismatchedAccounts: 0 });
    const [{ donations }] = await w.dataSource.query(`SELECT count(*)::int AS donations FROM donation`);
    expect(donations).toBe(4); // two donors at each store

    const before = await counts();
    const again = await seedLedgerDemo(w.dataSource, config, registry, { pollMs: 50 });
    expect(again.created).toBe(false);
    expect(again.sampleBalances).toEqual(result.sampleBalances);
    expect(await counts()).toEqual(before);
  });
});
