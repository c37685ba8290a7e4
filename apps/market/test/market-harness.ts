import { createTestTokenIssuer, type TestTokenIssuer } from '@fupin/auth/testing';
import {
  householdRegisteredV1,
  organisationCreatedV1,
  TOPICS,
  type OrganisationType,
  type PrincipalScope,
  type Role,
} from '@fupin/contracts';
import { applyMessage } from '@fupin/messaging';
import { startServiceForTest, type ServiceUnderTest } from '@fupin/service-kit/testing';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { MarketConfig } from '../src/market-config';
import { marketService } from '../src/market.service';
import { householdHandlers, organisationHandlers } from '../src/network/network.consumers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startDevStripe } = require('../../../tools/dev-stripe') as {
  startDevStripe(options: Record<string, unknown>): Promise<DevStripe>;
};

export interface DevStripe {
  url: string;
  host: string;
  port: number;
  setWebhookUrl(url: string | undefined): void;
  events(): Array<{ id: string; type: string }>;
  deliveries(): Array<{ eventId: string; status: number | string; attempt: number }>;
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const WEBHOOK_SECRET = 'whsec_market_test';
export const COUNTY = '411322';
export const TOWN = '411322100';
export const VILLAGE = '411322100201';
export const OTHER_VILLAGE = '411322100202';

/** The network every suite starts with (as the registry would announce it). */
export const NET = {
  supermarket: randomUUID(),
  station: randomUUID(),
  point: randomUUID(),
  otherPoint: randomUUID(),
  workUnit: randomUUID(),
  otherWorkUnit: randomUUID(),
  households: [randomUUID(), randomUUID(), randomUUID()],
  foreignHousehold: randomUUID(),
};

export interface MarketHarness {
  service: ServiceUnderTest<MarketConfig>;
  stripe: DevStripe;
  ds: DataSource;
  issuer: TestTokenIssuer;
  token(role: Role, scope: PrincipalScope, sub?: string): Promise<string>;
  call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  stop(): Promise<void>;
}

function orgScope(id: string, orgType: OrganisationType, regionCode: string): PrincipalScope {
  return { kind: 'organisation', id, orgType, regionCode };
}

export const scopes = {
  collector: orgScope(NET.point, 'collection_point', VILLAGE),
  stationCollector: orgScope(NET.station, 'sorting_station', TOWN),
  staff: orgScope(NET.supermarket, 'county_supermarket', COUNTY),
  buyer: orgScope(NET.workUnit, 'work_unit', COUNTY),
  otherBuyer: orgScope(NET.otherWorkUnit, 'work_unit', COUNTY),
  county: { kind: 'region', code: COUNTY } as PrincipalScope,
};

let offset = 0;

/** Feeds one registry event to the market's consumers, as Kafka would. */
export async function feed(ds: DataSource, event: { topic: string; envelope: unknown }): Promise<string> {
  const handlers = event.topic === TOPICS.registryOrganisations ? organisationHandlers : householdHandlers;
  const consumer =
    event.topic === TOPICS.registryOrganisations ? 'market.organisations' : 'market.households';
  const outcome = await applyMessage(ds, consumer, handlers, {
    topic: event.topic,
    partition: 0,
    offset: String(offset++),
    source: 'kafka',
    value: JSON.stringify(event.envelope),
  });
  return outcome.kind;
}

export function organisationEvent(id: string, type: OrganisationType, name: string, regionCode: string) {
  return {
    topic: TOPICS.registryOrganisations,
    envelope: organisationCreatedV1.create({
      aggregateId: id,
      payload: {
        organisationId: id,
        type,
        name,
        regionCode,
        countyCode: COUNTY,
        townCode: regionCode.length >= 9 ? regionCode.slice(0, 9) : null,
        villageCode: regionCode.length >= 12 ? regionCode.slice(0, 12) : null,
        active: true,
      },
    }),
  };
}

export function householdEvent(id: string, villageCode: string, headName: string, n: number) {
  return {
    topic: TOPICS.registryHouseholds,
    envelope: householdRegisteredV1.create({
      aggregateId: id,
      payload: {
        householdId: id,
        householdNumber: `H${villageCode}${String(n).padStart(4, '0')}`,
        countyCode: COUNTY,
        townCode: villageCode.slice(0, 9),
        villageCode,
        groupCode: null,
        headName,
        memberCount: 3,
        labour: { full: 2, weak: 1, none: 0 },
        disabledMemberCount: 0,
        bankName: '农村信用社',
        bankAccountMasked: `6228****${String(1000 + n)}`,
        pointsCardNumber: null,
        povertyStatus: 'lifted',
        labourClass: null,
        subClass: null,
        version: 1,
      },
    }),
  };
}

/** Starts a JWKS stub, dev-stripe and the market on a fresh database, and seeds the network. */
export async function startMarket(env: Record<string, string> = {}): Promise<MarketHarness> {
  const issuer = await createTestTokenIssuer();
  const jwks = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks)),
  );
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  const stripe = await startDevStripe({
    port: 0,
    webhookSecret: WEBHOOK_SECRET,
    retryDelaysMs: [50, 100, 200],
  });
  const service = await startServiceForTest(marketService, {
    AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    STRIPE_API_BASE: stripe.url,
    STRIPE_SECRET_KEY: 'sk_test_market',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    MARKET_SWEEP_INTERVAL_MS: '0',
    DATABASE_POOL_SIZE: '20',
    ...env,
  });
  stripe.setWebhookUrl(`${service.url}/payments/stripe/webhook`);
  const ds = service.app.get(DataSource);
  for (const event of [
    organisationEvent(NET.supermarket, 'county_supermarket', '县扶贫超市', COUNTY),
    organisationEvent(NET.station, 'sorting_station', '城关镇分拣站', TOWN),
    organisationEvent(NET.point, 'collection_point', '大王庄村收购点', VILLAGE),
    organisationEvent(NET.otherPoint, 'collection_point', '小李庄村收购点', OTHER_VILLAGE),
    organisationEvent(NET.workUnit, 'work_unit', '县财政局', COUNTY),
    organisationEvent(NET.otherWorkUnit, 'work_unit', '县教育局', COUNTY),
    householdEvent(NET.households[0], VILLAGE, '王建国', 1),
    householdEvent(NET.households[1], VILLAGE, '李秀英', 2),
    householdEvent(NET.households[2], VILLAGE, '张小明', 3),
    householdEvent(NET.foreignHousehold, OTHER_VILLAGE, '赵四', 4),
  ]) {
    await feed(ds, event);
  }
  const harness: MarketHarness = {
    service,
    stripe,
    ds,
    issuer,
    token: (role, scope, sub) => issuer.mint({ role, scope, sub: sub ?? randomUUID() }),
    call: (method, path, token, body, headers = {}) =>
      fetch(`${service.url}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      }),
    async stop() {
      await service?.stop();
      await harness.stripe.stop();
      jwks.close();
    },
  };
  return harness;
}

/** Starts dev-stripe again on the port it had (after a test stopped it to play an outage). */
export async function restartStripe(h: MarketHarness, port: number): Promise<void> {
  h.stripe = await startDevStripe({ port, webhookSecret: WEBHOOK_SECRET, retryDelaysMs: [50, 100, 200] });
  h.stripe.setWebhookUrl(`${h.service.url}/payments/stripe/webhook`);
}

/**
 * A product with `boxes` in stock, packed from lots bought from the village's households and
 * moved collection point → sorting station → county supermarket. Returns the product id.
 */
export async function stockedProduct(
  h: MarketHarness,
  options: { boxes: number[]; retailPriceFen: number; sku?: string },
): Promise<{ productId: string; lotIds: string[] }> {
  const collector = await h.token('collector', scopes.collector);
  const station = await h.token('collector', scopes.stationCollector);
  const staff = await h.token('supermarket_staff', scopes.staff);
  const sku = options.sku ?? `SKU-${randomUUID().slice(0, 8)}`;
  const product = await (
    await h.call('POST', '/products', staff, {
      sku,
      name: `高山小米 ${sku}`,
      spec: '2.5kg',
      packageDescription: '礼盒',
      retailPriceFen: options.retailPriceFen,
      category: '杂粮',
      originVillageCode: VILLAGE,
    })
  ).json();
  if (!product.id) throw new Error(`product: ${JSON.stringify(product)}`);
  const lotIds: string[] = [];
  for (const [i, boxes] of options.boxes.entries()) {
    const purchase = await (
      await h.call('POST', '/purchases', collector, {
        collectionPointId: NET.point,
        householdId: NET.households[i % NET.households.length],
        produce: '小米',
        grade: 'first',
        weightGrams: 50_000 + i * 1_234,
        unitPriceFenPerKg: 640,
        weighSlipNumber: `WS-${randomUUID()}`,
      })
    ).json();
    if (!purchase.lotId) throw new Error(`purchase: ${JSON.stringify(purchase)}`);
    const t1 = await (
      await h.call('POST', '/transfers', collector, { lotId: purchase.lotId, toOrganisationId: NET.station })
    ).json();
    await h.call('POST', `/transfers/${t1.id}/receive`, station, { receivedGrams: t1.sentGrams });
    const t2 = await (
      await h.call('POST', '/transfers', station, {
        lotId: purchase.lotId,
        toOrganisationId: NET.supermarket,
      })
    ).json();
    await h.call('POST', `/transfers/${t2.id}/receive`, staff, {
      receivedGrams: t2.sentGrams - 200,
      lossReason: '运输损耗',
    });
    const stocked = await h.call('POST', `/products/${product.id}/stock`, staff, {
      lotId: purchase.lotId,
      quantity: boxes,
    });
    if (stocked.status !== 201) throw new Error(`stock: ${stocked.status} ${await stocked.text()}`);
    lotIds.push(purchase.lotId);
  }
  return { productId: product.id, lotIds };
}

/** Counts what must not move when a command fails. */
export async function snapshot(ds: DataSource, productId: string, buyerId: string) {
  const [p] = await ds.query('SELECT available FROM product WHERE id = $1', [productId]);
  const [s] = await ds.query('SELECT COALESCE(SUM(quantity), 0)::int AS q FROM stock WHERE product_id = $1', [
    productId,
  ]);
  const [w] = await ds.query(
    'SELECT COALESCE(SUM(balance_fen), 0)::int AS b FROM allowance_wallet WHERE buyer_id = $1',
    [buyerId],
  );
  return { available: p.available as number, stock: s.q as number, allowance: w.b as number };
}
