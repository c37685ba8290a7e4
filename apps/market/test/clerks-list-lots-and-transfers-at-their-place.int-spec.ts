/**
 * A clerk at a collection point, the sorting station or the county supermarket lists the lots at
 * their own place and the transfers to and from it (the 待收货 list empties as deliveries are
 * received); county staff and auditors see every place. Nobody sees another place's lots or
 * transfers, and a bad filter is a 400 that says what is wrong.
 */
import type { LotSummary, Paginated, PrincipalScope, TransferListItem } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { NET, OTHER_VILLAGE, scopes, startMarket, VILLAGE, type MarketHarness } from './market-harness';

const otherPointScope: PrincipalScope = {
  kind: 'organisation',
  id: NET.otherPoint,
  orgType: 'collection_point',
  regionCode: OTHER_VILLAGE,
};

describe('clerks list the lots and transfers at their place', () => {
  let h: MarketHarness;
  let collector: string;
  let otherCollector: string;
  let station: string;
  let staff: string;
  let county: string;
  let auditor: string;
  /** Lots bought at 大王庄, oldest first. */
  const pointLots: string[] = [];
  let otherLot: string;
  const sent: Record<string, { id: string; lotId: string; sentGrams: number }> = {};

  const get = async <T>(token: string, path: string): Promise<T> => {
    const res = await h.call('GET', path, token);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const lots = (token: string, query = '') => get<Paginated<LotSummary>>(token, `/lots${query}`);
  const transfers = (token: string, query = '') =>
    get<Paginated<TransferListItem>>(token, `/transfers${query}`);

  const buy = async (token: string, point: string, householdId: string, produce: string, grams: number) => {
    const res = await h.call('POST', '/purchases', token, {
      collectionPointId: point,
      householdId,
      produce,
      grade: 'first',
      weightGrams: grams,
      unitPriceFenPerKg: 800,
      weighSlipNumber: `WS-${randomUUID()}`,
    });
    if (res.status !== 201) throw new Error(`purchase: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const send = async (token: string, lotId: string, to: string) => {
    const res = await h.call('POST', '/transfers', token, { lotId, toOrganisationId: to });
    if (res.status !== 201) throw new Error(`send: ${res.status} ${await res.text()}`);
    return res.json();
  };

  beforeAll(async () => {
    h = await startMarket();
    collector = await h.token('collector', scopes.collector);
    otherCollector = await h.token('collector', otherPointScope);
    station = await h.token('collector', scopes.stationCollector);
    staff = await h.token('supermarket_staff', scopes.staff);
    county = await h.token('county_admin', scopes.county);
    auditor = await h.token('auditor', scopes.county);

    // 大王庄 buys five lots: three of millet, two of peanuts; 小李庄 buys one of millet.
    for (const [i, produce] of ['小米', '花生', '小米', '花生', '黄小米'].entries()) {
      const p = await buy(collector, NET.point, NET.households[i % 3], produce, 10_000 + i);
      pointLots.push(p.lotId);
    }
    otherLot = (await buy(otherCollector, NET.otherPoint, NET.foreignHousehold, '小米', 7_000)).lotId;

    // Two of 大王庄's lots and 小李庄's lot go to the station.
    sent.first = await send(collector, pointLots[0], NET.station);
    sent.second = await send(collector, pointLots[1], NET.station);
    sent.other = await send(otherCollector, otherLot, NET.station);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('names the household on each purchase, as recorded and in the list', async () => {
    const p = await buy(collector, NET.point, NET.households[1], '绿豆', 1_000);
    expect(p).toMatchObject({ headName: '李秀英', householdNumber: `H${VILLAGE}0002` });
    const list = await get<Array<{ lotId: string; headName: string; householdNumber: string }>>(
      collector,
      '/purchases',
    );
    expect(list.find((x) => x.lotId === p.lotId)).toMatchObject({
      headName: '李秀英',
      householdNumber: `H${VILLAGE}0002`,
    });
    expect(list.find((x) => x.lotId === pointLots[0])).toMatchObject({ headName: '王建国' });
    pointLots.push(p.lotId);
  });

  it('shows a collection point its own lots only, newest first, with their households counted', async () => {
    const page = await lots(collector);
    expect(page).toMatchObject({ total: 6, page: 1, pageSize: 20 });
    expect(page.items.map((l) => l.id)).toEqual([...pointLots].reverse());
    expect(page.items.map((l) => l.id)).not.toContain(otherLot);
    const first = page.items.find((l) => l.id === pointLots[0])!;
    expect(first).toMatchObject({
      produce: '小米',
      grade: 'first',
      weightGrams: 10_000,
      status: 'in_transit',
      locationId: NET.point,
      locationName: '大王庄村收购点',
      householdCount: 1,
    });
    expect(first.traceCode).toMatch(/^FP/);

    const other = await lots(otherCollector);
    expect(other.items.map((l) => l.id)).toEqual([otherLot]);

    // Naming another place is refused; naming one's own is fine.
    const foreign = await h.call('GET', `/lots?location=${NET.otherPoint}`, collector);
    expect(foreign.status).toBe(403);
    expect((await lots(collector, `?location=${NET.point}`)).total).toBe(6);
    // The station and the supermarket have nothing yet: everything sent is still on the way.
    expect(await lots(station)).toMatchObject({ items: [], total: 0 });
    expect(await lots(staff)).toMatchObject({ items: [], total: 0 });
  });

  it('pages and filters by status and produce', async () => {
    const pages = [];
    for (const n of [1, 2, 3, 4]) pages.push(await lots(collector, `?pageSize=2&page=${n}`));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 0]);
    expect(pages.every((p) => p.total === 6 && p.pageSize === 2)).toBe(true);
    expect(pages.flatMap((p) => p.items.map((l) => l.id))).toEqual([...pointLots].reverse());
    const times = pages.flatMap((p) => p.items.map((l) => l.createdAt));
    expect([...times].sort().reverse()).toEqual(times);

    const millet = await lots(collector, `?produce=${encodeURIComponent('小米')}`);
    expect(millet.items.map((l) => l.produce).sort()).toEqual(['小米', '小米', '黄小米']);
    const exactly = await lots(collector, `?produce=${encodeURIComponent('黄小米')}`);
    expect(exactly.items.map((l) => l.id)).toEqual([pointLots[4]]);
    const onTheWay = await lots(collector, '?status=in_transit');
    expect(onTheWay.items.map((l) => l.id).sort()).toEqual([pointLots[0], pointLots[1]].sort());
    const both = await lots(collector, `?status=at_location&produce=${encodeURIComponent('花生')}`);
    expect(both.items.map((l) => l.id)).toEqual([pointLots[3]]);
    // Blank filters (an empty select) mean "all".
    expect((await lots(collector, '?status=&produce=&page=')).total).toBe(6);
  });

  it('lists what is on the way to the station until it is received, and the loss once it is', async () => {
    const toReceive = await transfers(station, '?direction=incoming&status=sent');
    expect(toReceive.total).toBe(3);
    expect(toReceive.items.map((t) => t.id)).toEqual([sent.other.id, sent.second.id, sent.first.id]);
    expect(toReceive.items[2]).toMatchObject({
      lotId: pointLots[0],
      produce: '小米',
      grade: 'first',
      sentGrams: 10_000,
      fromOrganisationId: NET.point,
      fromOrganisationName: '大王庄村收购点',
      toOrganisationId: NET.station,
      toOrganisationName: '城关镇分拣站',
      status: 'sent',
      receivedGrams: null,
      lossGrams: null,
      receivedAt: null,
    });
    expect(toReceive.items[2].traceCode).toMatch(/^FP/);
    expect(toReceive.items[2].sentAt).toEqual(expect.any(String));

    const received = await h.call('POST', `/transfers/${sent.first.id}/receive`, station, {
      receivedGrams: 9_800,
      lossReason: '晾晒失水',
    });
    expect(received.status).toBe(201);

    const still = await transfers(station, '?direction=incoming&status=sent');
    expect(still.items.map((t) => t.id)).toEqual([sent.other.id, sent.second.id]);
    const done = await transfers(station, '?direction=incoming&status=received');
    expect(done.items).toHaveLength(1);
    expect(done.items[0]).toMatchObject({
      id: sent.first.id,
      status: 'received',
      receivedGrams: 9_800,
      lossGrams: 200,
      lossReason: '晾晒失水',
    });
    expect(done.items[0].receivedAt).toEqual(expect.any(String));
    expect((await transfers(station, '?direction=outgoing')).total).toBe(0);

    // The received lot is now the station's, and no longer the point's.
    const atStation = await lots(station);
    expect(atStation.items.map((l) => l.id)).toEqual([pointLots[0]]);
    expect(atStation.items[0]).toMatchObject({ weightGrams: 9_800, locationName: '城关镇分拣站' });
    expect((await lots(collector)).items.map((l) => l.id)).not.toContain(pointLots[0]);
  });

  it('shows a collection point only its own transfers, and the supermarket what comes to it', async () => {
    const out = await transfers(collector, '?direction=outgoing');
    expect(out.items.map((t) => t.id)).toEqual([sent.second.id, sent.first.id]);
    expect((await transfers(collector, '?direction=incoming')).total).toBe(0);
    const all = await transfers(collector);
    expect(all.items.map((t) => t.id)).not.toContain(sent.other.id);
    expect((await transfers(otherCollector)).items.map((t) => t.id)).toEqual([sent.other.id]);
    expect((await h.call('GET', `/transfers?organisation=${NET.station}`, collector)).status).toBe(403);

    expect((await transfers(staff, '?direction=incoming')).total).toBe(0);
    const up = await send(station, pointLots[0], NET.supermarket);
    const incoming = await transfers(staff, '?direction=incoming&status=sent');
    expect(incoming.items.map((t) => t.id)).toEqual([up.id]);
    expect(incoming.items[0]).toMatchObject({
      fromOrganisationName: '城关镇分拣站',
      toOrganisationName: '县扶贫超市',
      sentGrams: 9_800,
    });
    expect((await transfers(station, '?direction=outgoing&status=sent')).items.map((t) => t.id)).toEqual([
      up.id,
    ]);
  });

  it('shows county staff and auditors every place, or one they name', async () => {
    for (const token of [county, auditor]) {
      const everything = await lots(token, '?pageSize=200');
      expect(everything.total).toBe(7);
      expect(everything.items.map((l) => l.id).sort()).toEqual([...pointLots, otherLot].sort());
      const there = await lots(token, `?location=${NET.otherPoint}`);
      expect(there.items.map((l) => l.id)).toEqual([otherLot]);

      const moves = await transfers(token);
      expect(moves.total).toBe(4);
      const toStation = await transfers(token, `?organisation=${NET.station}&direction=incoming`);
      expect(toStation.total).toBe(3);
      const waiting = await transfers(token, '?status=sent');
      expect(waiting.total).toBe(3);
    }
    const noPlace = await h.call('GET', '/transfers?direction=incoming', county);
    expect(noPlace.status).toBe(400);
    expect((await noPlace.json()).code).toBe('PROCUREMENT_DIRECTION_NEEDS_ORGANISATION');
  });

  it('refuses a buyer, and answers bad filters with a 400 that says what is wrong', async () => {
    const buyer = await h.token('buyer', scopes.buyer);
    expect((await h.call('GET', '/lots', buyer)).status).toBe(403);
    expect((await h.call('GET', '/transfers', buyer)).status).toBe(403);

    const cases: Array<[string, string]> = [
      ['/lots?status=lost', 'status'],
      ['/lots?page=0', 'page'],
      ['/lots?pageSize=500', 'pageSize'],
      ['/lots?page=abc', 'page'],
      ['/lots?location=not-a-uuid', 'location'],
      [`/lots?produce=${'米'.repeat(101)}`, 'produce'],
      ['/transfers?direction=sideways', 'direction'],
      ['/transfers?status=lost', 'status'],
      ['/transfers?pageSize=1.5', 'pageSize'],
      ['/transfers?organisation=42', 'organisation'],
    ];
    for (const [path, field] of cases) {
      const res = await h.call('GET', path, county);
      const body = await res.json();
      expect({ path, status: res.status, code: body.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(body.message).toContain(`${field}:`);
    }
  });
});
