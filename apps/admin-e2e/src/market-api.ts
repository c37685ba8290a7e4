import { randomUUID } from 'node:crypto';
import { demoLogin, stackUrls } from '@fupin/e2e-support';
import type {
  HouseholdSummary,
  LotView,
  OrderView,
  Paginated,
  ProductView,
  PurchaseView,
  TransferView,
} from '@fupin/contracts';

/** A demo user signed in through the registry's API, calling the services as that user. */
export interface ApiSession {
  get<T>(service: 'registry' | 'market', path: string): Promise<T>;
  post<T>(service: 'registry' | 'market', path: string, body?: unknown, idempotent?: boolean): Promise<T>;
}

export async function apiSession(username: string): Promise<ApiSession> {
  const urls = stackUrls();
  const login = await fetch(`${urls.registry}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoLogin(username).password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const call = async <T>(method: string, url: string, body?: unknown, idempotent = false): Promise<T> => {
    const headers: Record<string, string> = { authorization: `Bearer ${accessToken}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotent) headers['idempotency-key'] = randomUUID();
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} as ${username}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: (service, path) => call('GET', `${urls[service]}${path}`),
    post: (service, path, body, idempotent) => call('POST', `${urls[service]}${path}`, body, idempotent),
  };
}

interface NetworkOrganisation {
  id: string;
  type: string;
  name: string;
  regionCode: string;
}

/** A household of 砚山铺村, the village of the demo collector `yanshanpu-collector`. */
export async function yanshanpuHousehold(collector: ApiSession, index = 0): Promise<HouseholdSummary> {
  const page = await collector.get<Paginated<HouseholdSummary>>(
    'registry',
    `/households?regionCode=411322104201&pageSize=20&sort=householdNumber`,
  );
  return page.items[index]!;
}

/**
 * Produce bought at 砚山铺村, carried up through 独树镇's sorting station to the county supermarket
 * and packed as boxes of a new product: what a paid order needs, made through the real API.
 */
export async function stockedProduct(tag: string): Promise<{ product: ProductView; lot: LotView }> {
  const collector = await apiSession('yanshanpu-collector');
  const station = await apiSession('dushu-sorting');
  const supermarket = await apiSession('fc-supermarket');
  const network = await collector.get<NetworkOrganisation[]>('market', '/network/organisations');
  const point = network.find((o) => o.type === 'collection_point' && o.regionCode === '411322104201')!;
  const sorting = network.find((o) => o.type === 'sorting_station' && o.regionCode === '411322104')!;
  const county = network.find((o) => o.type === 'county_supermarket')!;
  const household = await yanshanpuHousehold(collector, 1);
  const purchase = await collector.post<PurchaseView>('market', '/purchases', {
    collectionPointId: point.id,
    householdId: household.id,
    produce: '小米',
    grade: 'first',
    weightGrams: 25_000,
    unitPriceFenPerKg: 800,
    weighSlipNumber: `E2E-${tag}-${Date.now()}`,
  });
  const toStation = await collector.post<TransferView>('market', '/transfers', {
    lotId: purchase.lotId,
    toOrganisationId: sorting.id,
  });
  await station.post('market', `/transfers/${toStation.id}/receive`, { receivedGrams: toStation.sentGrams });
  const toCounty = await station.post<TransferView>('market', '/transfers', {
    lotId: toStation.lotId,
    toOrganisationId: county.id,
  });
  await supermarket.post('market', `/transfers/${toCounty.id}/receive`, {
    receivedGrams: toCounty.sentGrams,
  });
  const created = await supermarket.post<ProductView>('market', '/products', {
    sku: `E2E-${tag}-${Date.now() % 1_000_000}`,
    name: `砚山铺小米 ${tag}`,
    spec: '2.5 千克',
    packageDescription: '牛皮纸袋',
    retailPriceFen: 3000,
    category: '杂粮',
    originVillageCode: '411322104201',
  });
  const product = await supermarket.post<ProductView>('market', `/products/${created.id}/stock`, {
    lotId: toCounty.lotId,
    quantity: 10,
  });
  const lot = await supermarket.get<LotView>('market', `/lots/${toCounty.lotId}`);
  return { product, lot };
}

/** buyer-czj (县财政局) orders boxes, paid from the yearly allowance. */
export async function paidOrder(productId: string, quantity = 2): Promise<OrderView> {
  const buyer = await apiSession('buyer-czj');
  const order = await buyer.post<OrderView>(
    'market',
    '/checkout',
    { items: [{ productId, quantity }], fulfilment: 'delivery' },
    true,
  );
  if (order.status !== 'paid') throw new Error(`the order is ${order.status}, not paid`);
  return order;
}

/** The order goes through picking and is accepted by the buyer, so it can be settled. */
export async function acceptedOrder(productId: string): Promise<OrderView> {
  const order = await paidOrder(productId, 1);
  const supermarket = await apiSession('fc-supermarket');
  await supermarket.post('market', `/orders/${order.id}/pick`);
  await supermarket.post('market', `/orders/${order.id}/ready`);
  const buyer = await apiSession('buyer-czj');
  return buyer.post<OrderView>('market', `/orders/${order.id}/accept`);
}
