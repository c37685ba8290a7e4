/**
 * The market's demo seed stocks the county supermarket through the real API: products on sale
 * packed from lots bought from the demo villages' households, traceable to them; a second run
 * changes nothing.
 */
import type { OrganisationType, PrincipalScope, Role } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import {
  feed,
  householdEvent,
  organisationEvent,
  startMarket,
  type MarketHarness,
} from '../../test/market-harness';
import { DEMO_PRODUCTS, DEMO_VILLAGE_CODES } from './demo-catalogue';
import { seedMarketDemo, type DemoOrganisation } from './seed-market-demo';

const ROLE: Partial<Record<OrganisationType, Role>> = {
  collection_point: 'collector',
  sorting_station: 'collector',
  county_supermarket: 'supermarket_staff',
};

describe('market demo seed', () => {
  let h: MarketHarness;
  const products = DEMO_PRODUCTS.filter((p) => ['FC-MF-5KG', 'FC-XG-500'].includes(p.sku));
  const villages = [DEMO_VILLAGE_CODES.yanshanpu, DEMO_VILLAGE_CODES.gushitan];
  const logins: string[] = [];

  const tokenFor = (org: DemoOrganisation) => {
    const scope: PrincipalScope = {
      kind: 'organisation',
      id: org.id,
      orgType: org.type,
      regionCode: org.regionCode,
    };
    logins.push(org.name);
    return h.token(ROLE[org.type]!, scope);
  };

  beforeAll(async () => {
    h = await startMarket();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('gives up with a plain reason when the registry’s network has not arrived', async () => {
    await expect(
      seedMarketDemo({ dataSource: h.ds, marketUrl: h.service.url, tokenFor, products, waitMs: 0 }),
    ).rejects.toThrow(/has not heard of the registry's demo yet: .*collection point of 411322104201/);
  });

  it('buys, moves and stocks each product from its village’s households, once', async () => {
    for (const village of villages) {
      await feed(h.ds, organisationEvent(randomUUID(), 'collection_point', `${village}收购点`, village));
      for (const [n, name] of ['张建国', '李秀英', '王小明', '赵德山', '刘桂兰'].entries()) {
        await feed(h.ds, householdEvent(randomUUID(), village, name, n + 1));
      }
    }
    for (const town of ['411322104', '411322105']) {
      await feed(h.ds, organisationEvent(randomUUID(), 'sorting_station', `${town}分拣站`, town));
    }

    const first = await seedMarketDemo({ dataSource: h.ds, marketUrl: h.service.url, tokenFor, products });
    expect(first.created).toBe(true);
    expect(first.buyer).toBe('buyer-czj');
    expect(first.products.map((p) => p.sku)).toEqual(['FC-MF-5KG', 'FC-XG-500']);

    const staff = await h.token('buyer', {
      kind: 'organisation',
      id: randomUUID(),
      orgType: 'work_unit',
      regionCode: '411322',
    });
    const flour = await (await h.call('GET', `/products/${first.products[0]!.id}`, staff)).json();
    // 62.5 + 48.3 + 55 kg, less 0.4 % on the road to the county, in 5 kg bags.
    expect(flour).toMatchObject({ name: '石磨小麦粉', category: '粮油', available: 12 + 9 + 10 });
    const purchases = await h.ds.query(
      `SELECT weight_grams, unit_price_fen_per_kg::int AS price, amount_fen::int AS amount FROM purchase
       WHERE weigh_slip_number LIKE 'DEMO-FC-MF-5KG-%' ORDER BY weigh_slip_number`,
    );
    expect(purchases).toEqual([
      { weight_grams: 62_500, price: 420, amount: 26_250 },
      { weight_grams: 48_300, price: 420, amount: 20_286 },
      { weight_grams: 55_000, price: 420, amount: 23_100 },
    ]);

    const trace = await (await h.call('GET', '/trace/FC-XG-500')).json();
    expect(trace.product).toMatchObject({ name: '伏牛山香菇（干）', originVillageCode: villages[1] });
    expect(trace.lots).toHaveLength(2);
    for (const lot of trace.lots) {
      expect(lot.households).toEqual([
        expect.objectContaining({
          villageCode: villages[1],
          paidFenPerKg: 6_000,
          headName: expect.stringMatching(/\*/),
        }),
      ]);
    }
    // Two lots of flour came from two different households.
    const flourTrace = await (await h.call('GET', '/trace/FC-MF-5KG')).json();
    expect(
      new Set(
        flourTrace.lots.map((l: { households: Array<{ headName: string }> }) => l.households[0]!.headName),
      ).size,
    ).toBe(3);

    const signedInAt = logins.length;
    const second = await seedMarketDemo({ dataSource: h.ds, marketUrl: h.service.url, tokenFor, products });
    expect(second).toEqual({ ...first, created: false });
    expect(logins).toHaveLength(signedInAt); // nothing was sent the second time
    const again = await (await h.call('GET', `/products/${first.products[0]!.id}`, staff)).json();
    expect(again.available).toBe(flour.available);
  });
});
