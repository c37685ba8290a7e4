import type {
  CreateProductBody,
  OrganisationType,
  ProductView,
  PurchaseView,
  TransferView,
} from '@fupin/contracts';
import type { DataSource } from 'typeorm';
import { DEMO_PRODUCTS, type DemoProduct } from './demo-catalogue';

/** An organisation of the market's network as the seeder needs it. */
export interface DemoOrganisation {
  id: string;
  type: OrganisationType;
  name: string;
  regionCode: string;
  villageCode: string | null;
}

export interface SeedMarketDemoOptions {
  /** The market's own database: read only, to find organisations, households and earlier work. */
  dataSource: DataSource;
  /** `http://host:port/api/market` of the running market service. */
  marketUrl: string;
  /** A bearer token of the staff member working at this organisation (collector or supermarket staff). */
  tokenFor(organisation: DemoOrganisation): Promise<string>;
  /** How long to wait for the registry's organisations and households to arrive; 90 s unless given. */
  waitMs?: number;
  pollMs?: number;
  products?: readonly DemoProduct[];
}

export interface SeedMarketDemoResult {
  /** False when everything already existed (a second run changes nothing). */
  created: boolean;
  products: Array<{ id: string; sku: string; name: string }>;
  /** The demo buyer who can shop straight away (password as every demo login). */
  buyer: string;
}

const HOUSEHOLDS_PER_VILLAGE = 5;

/** The weigh-slip number of a demo purchase: stable across runs, so a rerun finds its own lots. */
export function demoWeighSlip(sku: string, lotIndex: number): string {
  return `DEMO-${sku}-${lotIndex + 1}`;
}

class MarketDemoApi {
  constructor(
    private readonly baseUrl: string,
    private readonly tokenFor: SeedMarketDemoOptions['tokenFor'],
  ) {}

  async post<T>(as: DemoOrganisation, path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await this.tokenFor(as)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path} as ${as.name}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

/**
 * Fills the county supermarket through the market's own API, as the staff would: collectors buy
 * produce from demo households (weigh slips `DEMO-<sku>-<n>`), lots go collection point → sorting
 * station → county supermarket and are received there, and catalogue products are stocked from
 * them. Idempotent: every step looks for what an earlier run did and carries on from there.
 */
export async function seedMarketDemo(options: SeedMarketDemoOptions): Promise<SeedMarketDemoResult> {
  const ds = options.dataSource;
  const api = new MarketDemoApi(options.marketUrl, options.tokenFor);
  const products = options.products ?? DEMO_PRODUCTS;
  const villages = [...new Set(products.map((p) => p.originVillageCode))];
  const network = await waitForNetwork(ds, villages, options.waitMs ?? 90_000, options.pollMs ?? 1_000);
  let created = false;
  const result: SeedMarketDemoResult['products'] = [];

  for (const [index, def] of products.entries()) {
    const point = network.collectionPoints.get(def.originVillageCode)!;
    const station = network.stations.get(def.originVillageCode.slice(0, 9))!;
    const supermarket = network.supermarket;
    let [product] = (await ds.query('SELECT id, sku, name FROM product WHERE sku = $1', [def.sku])) as Array<{
      id: string;
      sku: string;
      name: string;
    }>;
    if (!product) {
      const body: CreateProductBody = {
        sku: def.sku,
        name: def.name,
        spec: def.spec,
        packageDescription: def.packageDescription,
        retailPriceFen: def.retailPriceFen,
        category: def.category,
        originVillageCode: def.originVillageCode,
      };
      product = await api.post<ProductView>(supermarket, '/products', body);
      created = true;
    }
    const households = network.households.get(def.originVillageCode)!;
    for (const [lotIndex, lot] of def.lots.entries()) {
      const household = households[(index * 2 + lotIndex) % households.length]!;
      const moved = await moveLot(api, ds, {
        def,
        lot: { ...lot, weighSlipNumber: demoWeighSlip(def.sku, lotIndex) },
        householdId: household,
        productId: product.id,
        point,
        station,
        supermarket,
        network,
      });
      created ||= moved;
    }
    result.push({ id: product.id, sku: product.sku, name: product.name });
  }
  return { created, products: result, buyer: 'buyer-czj' };
}

interface DemoNetwork {
  supermarket: DemoOrganisation;
  stations: Map<string, DemoOrganisation>;
  collectionPoints: Map<string, DemoOrganisation>;
  byId: Map<string, DemoOrganisation>;
  households: Map<string, string[]>;
}

/**
 * The registry announces organisations and households over Kafka, so right after the registry's
 * seed the market may not know them yet: poll until every village has its collection point, its
 * town a sorting station, the county its supermarket and a work unit, and each village households.
 */
async function waitForNetwork(
  ds: DataSource,
  villages: string[],
  waitMs: number,
  pollMs: number,
): Promise<DemoNetwork> {
  const deadline = Date.now() + waitMs;
  let missing: string[] = [];
  for (;;) {
    const orgs = (
      (await ds.query(
        `SELECT id, type, name, region_code, village_code FROM network_organisation WHERE active ORDER BY name`,
      )) as Array<Record<string, string | null>>
    ).map((r): DemoOrganisation => ({
      id: r.id!,
      type: r.type as OrganisationType,
      name: r.name!,
      regionCode: r.region_code!,
      villageCode: r.village_code,
    }));
    const householdRows = (await ds.query(
      `SELECT id, village_code FROM network_household WHERE village_code = ANY($1::text[]) ORDER BY household_number`,
      [villages],
    )) as Array<{ id: string; village_code: string }>;
    const households = new Map<string, string[]>();
    for (const row of householdRows) {
      households.set(row.village_code, [...(households.get(row.village_code) ?? []), row.id]);
    }
    const supermarket = orgs.find((o) => o.type === 'county_supermarket');
    const stations = new Map(orgs.filter((o) => o.type === 'sorting_station').map((o) => [o.regionCode, o]));
    const collectionPoints = new Map(
      orgs.filter((o) => o.type === 'collection_point' && o.villageCode).map((o) => [o.villageCode!, o]),
    );
    missing = [
      ...(supermarket ? [] : ['county supermarket']),
      ...(orgs.some((o) => o.type === 'work_unit') ? [] : ['work unit']),
      ...villages.flatMap((v) => [
        ...(collectionPoints.has(v) ? [] : [`collection point of ${v}`]),
        ...(stations.has(v.slice(0, 9)) ? [] : [`sorting station of ${v.slice(0, 9)}`]),
        ...((households.get(v)?.length ?? 0) >= HOUSEHOLDS_PER_VILLAGE ? [] : [`households of ${v}`]),
      ]),
    ];
    if (missing.length === 0 && supermarket) {
      return {
        supermarket,
        stations,
        collectionPoints,
        byId: new Map(orgs.map((o) => [o.id, o])),
        households,
      };
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `the market has not heard of the registry's demo yet: ${missing.slice(0, 5).join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

interface MoveLotInput {
  def: DemoProduct;
  lot: { weightGrams: number; weighSlipNumber: string };
  householdId: string;
  productId: string;
  point: DemoOrganisation;
  station: DemoOrganisation;
  supermarket: DemoOrganisation;
  network: DemoNetwork;
}

/**
 * Takes one purchase from wherever an earlier run left it to the shelf: bought → sent to the
 * sorting station → received → sent to the county supermarket → received (a small, explained loss
 * on the longer road) → packed into boxes. Returns whether it changed anything.
 */
async function moveLot(api: MarketDemoApi, ds: DataSource, input: MoveLotInput): Promise<boolean> {
  const { def, lot, point, station, supermarket, network } = input;
  let changed = false;
  let [row] = (await ds.query('SELECT lot_id FROM purchase WHERE weigh_slip_number = $1', [
    lot.weighSlipNumber,
  ])) as Array<{ lot_id: string }>;
  if (!row) {
    const purchase = await api.post<PurchaseView>(point, '/purchases', {
      collectionPointId: point.id,
      householdId: input.householdId,
      produce: def.produce,
      grade: def.grade,
      weightGrams: lot.weightGrams,
      unitPriceFenPerKg: def.unitPriceFenPerKg,
      weighSlipNumber: lot.weighSlipNumber,
    });
    row = { lot_id: purchase.lotId };
    changed = true;
  }
  const lotId = row.lot_id;
  // Each step moves the lot one state further; at most five steps from purchase to shelf.
  for (let step = 0; step < 6; step += 1) {
    const [state] = (await ds.query(
      `SELECT l.status, l.location_id, l.weight_grams,
              (SELECT json_build_object('id', t.id, 'to', t.to_id, 'sent', t.sent_grams) FROM lot_transfer t
                WHERE t.lot_id = l.id AND t.status = 'sent' LIMIT 1) AS pending
       FROM lot l WHERE l.id = $1`,
      [lotId],
    )) as Array<{
      status: string;
      location_id: string | null;
      weight_grams: number;
      pending: { id: string; to: string; sent: number } | null;
    }>;
    if (!state || state.status === 'stocked') return changed;
    changed = true;
    if (state.status === 'in_transit' && state.pending) {
      const to = network.byId.get(state.pending.to)!;
      const loss = to.type === 'county_supermarket' ? Math.floor(state.pending.sent * 0.004) : 0;
      await api.post<TransferView>(to, `/transfers/${state.pending.id}/receive`, {
        receivedGrams: state.pending.sent - loss,
        ...(loss > 0 ? { lossReason: '运输途中损耗（分装、破损）' } : {}),
      });
    } else if (state.status === 'at_location' && state.location_id === point.id) {
      await api.post<TransferView>(point, '/transfers', { lotId, toOrganisationId: station.id });
    } else if (state.status === 'at_location' && state.location_id === station.id) {
      await api.post<TransferView>(station, '/transfers', { lotId, toOrganisationId: supermarket.id });
    } else if (state.status === 'at_location' && state.location_id === supermarket.id) {
      const boxes = Math.max(1, Math.floor(state.weight_grams / def.boxGrams));
      await api.post<ProductView>(supermarket, `/products/${input.productId}/stock`, {
        lotId,
        quantity: boxes,
      });
    } else {
      throw new Error(
        `lot ${lotId} (${lot.weighSlipNumber}) is ${state.status} somewhere the demo did not put it`,
      );
    }
  }
  throw new Error(`lot ${lotId} (${lot.weighSlipNumber}) did not reach the shelf`);
}
