import { sendJson, startStubServer, type RecordedRequest } from '@fupin/api-client/testing';
import type {
  LotView,
  ProductView,
  OrderStatus,
  OrderView,
  PurchaseView,
  Role,
  SettlementView,
  TransferView,
} from '@fupin/contracts';
import type { ServerResponse } from 'node:http';
import type { FakeRegistry } from '../../../testing/fake-registry';
import type { FakeUser } from '../../../testing/fake-registry-data';
import type { NetworkOrganisation } from '../market-api';
import { answerAllowances, type FakeAllowanceWallet } from './fake-market-allowances';
import { answerCatalogue } from './fake-market-catalogue';
import { answerFulfilment } from './fake-market-fulfilment';
import { answerLots } from './fake-market-lots';

export const POINT_ID = '55555555-5555-4555-8555-555555555555';
export const STATION_ID = '55555555-5555-4555-8555-555555555556';
export const SUPERMARKET_ID = '55555555-5555-4555-8555-555555555557';
export const WORK_UNIT_ID = '22222222-2222-4222-8222-222222222222';

export const FAKE_NETWORK: NetworkOrganisation[] = [
  {
    id: POINT_ID,
    type: 'collection_point',
    name: '砚山铺村农产品收购点',
    regionCode: '411322104201',
    villageCode: '411322104201',
    active: true,
  },
  {
    id: STATION_ID,
    type: 'sorting_station',
    name: '独树镇农产品分拣站',
    regionCode: '411322104',
    villageCode: null,
    active: true,
  },
  {
    id: SUPERMARKET_ID,
    type: 'county_supermarket',
    name: '方城县扶贫超市',
    regionCode: '411322',
    villageCode: null,
    active: true,
  },
  {
    id: WORK_UNIT_ID,
    type: 'work_unit',
    name: '方城县财政局',
    regionCode: '411322',
    villageCode: null,
    active: true,
  },
];

/** The market's state that tests read and steer. */
export interface MarketState {
  purchases: PurchaseView[];
  lots: LotView[];
  transfers: TransferView[];
  orders: OrderView[];
  settlements: SettlementView[];
  products: ProductView[];
  /** Accepted sales not yet settled, per household: what the next settlement run pays. */
  unsettled: SettlementView['lines'];
  /** Employees' allowance wallets, per work unit and year. */
  allowanceWallets: FakeAllowanceWallet[];
  /** A work unit's amount per employee for a year, keyed `<workUnitId>:<year>` (absent: the county default). */
  allowancePolicies: Record<string, number>;
  /** While true, `GET /lots` and `GET /transfers` answer 503, to show the pages' error state. */
  listsDown: boolean;
}

/**
 * A fake market service in front of the fake registry: `/api/market/*` answered here with the
 * shapes and error codes of the real one, everything else passed on to the registry. Adds a
 * collector at 砚山铺村's point and the county supermarket's staff to the registry's users.
 */
export interface FakeMarket extends MarketState {
  url: string;
  requests: RecordedRequest[];
  signedIn(username: string): string;
  calls(path: string): RecordedRequest[];
  close(): Promise<void>;
}

function staff(
  base: FakeUser,
  extra: Partial<FakeUser> & Pick<FakeUser, 'id' | 'username' | 'role' | 'scope'>,
): FakeUser {
  return { ...base, ...extra, failures: 0, lockedUntil: null, active: true, mustChangePassword: false };
}

export async function startFakeMarket(registry: FakeRegistry): Promise<FakeMarket> {
  const base = registry.users[0]!;
  registry.users.push(
    staff(base, {
      id: 'cccccccc-0000-4000-8000-000000000101',
      username: 'yanshanpu-collector',
      displayName: '砚山铺村收购点 收购员',
      role: 'collector',
      scope: { kind: 'organisation', id: POINT_ID, orgType: 'collection_point', regionCode: '411322104201' },
      scopeName: '砚山铺村农产品收购点',
    }),
    staff(base, {
      id: 'cccccccc-0000-4000-8000-000000000102',
      username: 'fc-supermarket',
      displayName: '扶贫超市 店员',
      role: 'supermarket_staff',
      scope: {
        kind: 'organisation',
        id: SUPERMARKET_ID,
        orgType: 'county_supermarket',
        regionCode: '411322',
      },
      scopeName: '方城县扶贫超市',
    }),
  );
  const state: MarketState = {
    purchases: [],
    lots: [],
    transfers: [],
    orders: [],
    settlements: [],
    products: [],
    unsettled: [],
    allowanceWallets: [],
    allowancePolicies: {},
    listsDown: false,
  };

  const server = await startStubServer(async (request, response) => {
    const url = new URL(request.url, 'http://fake');
    if (!url.pathname.startsWith('/api/market/')) return proxy(registry.url, request, response);
    const me = await fetch(`${registry.url}/api/registry/auth/me`, {
      headers: { authorization: request.headers['authorization'] ?? '' },
    });
    if (!me.ok)
      return sendJson(response, 401, { code: 'UNAUTHENTICATED', message: '请先登录 / Sign in first' });
    const actor = (await me.json()) as { id: string; role: Role; scope: FakeUser['scope'] };
    answerMarket(state, actor, request, url, response, registry.households);
  });

  return Object.assign(state, {
    url: server.url,
    requests: server.requests,
    signedIn: registry.signedIn,
    calls: (path: string) => server.requests.filter((r) => r.url.split('?')[0] === path),
    close: server.close,
  });
}

async function proxy(target: string, request: RecordedRequest, response: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const name of ['authorization', 'content-type', 'accept', 'idempotency-key']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const answer = await fetch(`${target}${request.url}`, {
    method: request.method,
    headers,
    body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
  });
  response.writeHead(answer.status, {
    'Content-Type': answer.headers.get('content-type') ?? 'application/json',
  });
  response.end(Buffer.from(await answer.arrayBuffer()));
}

type Actor = { id: string; role: Role; scope: FakeUser['scope'] };

function answerMarket(
  state: MarketState,
  actor: Actor,
  request: RecordedRequest,
  url: URL,
  response: ServerResponse,
  households: FakeRegistry['households'],
) {
  const path = url.pathname.slice('/api/market'.length);
  const body = () => (request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {});
  const fail = (status: number, code: string, message: string) =>
    sendJson(response, status, { code, message });
  const allow = (...roles: Role[]) => roles.includes(actor.role);
  const forbidden = () => fail(403, 'FORBIDDEN', '没有权限 / Forbidden');

  if (path === '/network/organisations') return sendJson(response, 200, FAKE_NETWORK);
  if (path === '/purchases' && request.method === 'GET') {
    if (!allow('collector', 'county_admin', 'auditor')) return forbidden();
    return sendJson(response, 200, [...state.purchases].reverse());
  }
  if (path === '/purchases' && request.method === 'POST') {
    if (!allow('collector')) return forbidden();
    const input = body() as Omit<
      PurchaseView,
      'id' | 'amountFen' | 'lotId' | 'traceCode' | 'createdAt' | 'headName' | 'householdNumber'
    >;
    const household = households.find((h) => h.id === input.householdId);
    if (state.purchases.some((p) => p.weighSlipNumber === input.weighSlipNumber))
      return fail(
        409,
        'PROCUREMENT_WEIGH_SLIP_USED',
        `称重单号 ${input.weighSlipNumber} 已使用 / Weigh slip used`,
      );
    const n = state.purchases.length + 1;
    const purchase: PurchaseView = {
      ...input,
      headName: household?.headName ?? '',
      householdNumber: household?.householdNumber ?? '',
      id: `99999999-0000-4000-8000-${String(n).padStart(12, '0')}`,
      amountFen: Math.floor((input.weightGrams * input.unitPriceFenPerKg + 500) / 1000),
      lotId: `88888888-0000-4000-8000-${String(n).padStart(12, '0')}`,
      traceCode: `L411322104201${String(n).padStart(4, '0')}`,
      createdAt: new Date().toISOString(),
    };
    state.purchases.push(purchase);
    state.lots.push({
      id: purchase.lotId,
      traceCode: purchase.traceCode,
      produce: purchase.produce,
      grade: purchase.grade,
      weightGrams: purchase.weightGrams,
      locationId: purchase.collectionPointId,
      status: 'at_location',
      sourceLotIds: [],
      households: [
        { householdId: purchase.householdId, villageCode: '411322104201', weightGrams: purchase.weightGrams },
      ],
      createdAt: purchase.createdAt,
    });
    return sendJson(response, 201, purchase);
  }
  const routed: MarketRequest = { actor, request, url, path, response, body, fail, allow, forbidden };
  if (answerLots(state, routed, FAKE_NETWORK)) return;
  if (answerCatalogue(state.products, routed)) return;
  if (answerAllowances(state, routed)) return;
  answerFulfilment(state, routed);
}

/** What the fulfilment, lot and settlement routes get from the main handler. */
export interface MarketRequest {
  actor: Actor;
  request: RecordedRequest;
  url: URL;
  path: string;
  response: ServerResponse;
  body: () => Record<string, unknown>;
  fail: (status: number, code: string, message: string) => void;
  allow: (...roles: Role[]) => boolean;
  forbidden: () => void;
}

/** An order as the checkout leaves it: paid from the allowance, boxes from one lot. */
export function fakeOrder(n: number, status: OrderStatus, extra: Partial<OrderView> = {}): OrderView {
  return {
    id: `77777777-0000-4000-8000-${String(n).padStart(12, '0')}`,
    orderNumber: `FC20261202${String(n).padStart(4, '0')}`,
    buyerId: 'cccccccc-0000-4000-8000-000000000006',
    workUnitId: WORK_UNIT_ID,
    status,
    fulfilment: 'delivery',
    totalFen: 6800,
    allowanceFen: 6800,
    cardFen: 0,
    refundedFen: 0,
    failureReason: null,
    lines: [
      {
        productId: '66666666-0000-4000-8000-000000000001',
        productName: '砚山铺小米 2.5kg',
        quantity: 2,
        unitPriceFen: 3400,
        amountFen: 6800,
        lots: [{ traceCode: 'L4113221042010001', quantity: 2 }],
      },
    ],
    createdAt: '2026-12-02T01:00:00.000Z',
    paidAt: '2026-12-02T01:00:01.000Z',
    pickingAt: null,
    readyAt: null,
    acceptedAt: null,
    cancelledAt: null,
    ...extra,
  };
}
