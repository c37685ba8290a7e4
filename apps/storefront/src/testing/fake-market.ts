import { sendJson, startStubServer, type RecordedRequest, type StubServer } from '@fupin/api-client/testing';
import type {
  AllowanceView,
  BuyerImpactView,
  CheckoutBody,
  OrderView,
  ProductView,
  RegionView,
  SessionUser,
  TokenPairResponse,
  TraceView,
} from '@fupin/contracts';

export const DEMO_PASSWORD = 'Fupin@2020demo';
export const VILLAGES = {
  yanshanpu: { code: '411322104201', name: '砚山铺村', town: '独树镇' },
  qifeng: { code: '411322105202', name: '七峰村', town: '拐河镇' },
};

const USERS: SessionUser[] = [
  user('u-czj', 'buyer-czj', '财政局 张伟', 'buyer', '方城县财政局'),
  user('u-jyj', 'buyer-jyj', '教育局 李娜', 'buyer', '方城县教育局'),
  user('u-staff', 'fc-supermarket', '扶贫超市 店员', 'supermarket_staff', '方城县扶贫超市'),
];

function user(
  id: string,
  username: string,
  displayName: string,
  role: SessionUser['role'],
  scopeName: string,
) {
  return {
    id,
    username,
    displayName,
    role,
    scope: { kind: 'organisation', id: `org-${id}`, orgType: 'work_unit', regionCode: '411322' },
    scopeName,
    mustChangePassword: false,
  } as SessionUser;
}

/** Products of the fake catalogue: `count` of them, alternating villages and categories. */
export function fakeProducts(count = 3): ProductView[] {
  const base: ProductView[] = [
    product('p-xm', 'FC-XM-2500', '高山小米', '杂粮', VILLAGES.qifeng.code, 4_980, 5),
    product('p-hsy', 'FC-HSY-5L', '压榨花生油', '粮油', VILLAGES.yanshanpu.code, 16_800, 3),
    product('p-fm', 'FC-FM-1KG', '伏牛山土蜂蜜', '蜂蜜', VILLAGES.qifeng.code, 8_800, 0),
  ];
  for (let i = base.length; i < count; i += 1) {
    base.push(product(`p-x${i}`, `FC-X-${i}`, `红薯粉条 ${i}号`, '干货', VILLAGES.yanshanpu.code, 6_800, 10));
  }
  return base.slice(0, count);
}

function product(
  id: string,
  sku: string,
  name: string,
  category: string,
  originVillageCode: string,
  retailPriceFen: number,
  available: number,
): ProductView {
  return {
    id,
    sku,
    name,
    spec: '2.5kg/盒',
    packageDescription: '纸箱礼盒',
    retailPriceFen,
    pictureUrl: null,
    category,
    originVillageCode,
    available,
  };
}

export interface FakeMarket {
  url: string;
  server: StubServer;
  products: ProductView[];
  orders: OrderView[];
  allowance: Map<string, number>;
  /** The market answers nothing (connection dropped) while true, for checkout only. */
  checkoutDown: boolean;
  calls(method: string, pathPrefix: string): RecordedRequest[];
  /** A refresh token that signs this user in on start (as after a reload). */
  signedIn(username: string): string;
  setStatus(orderId: string, status: OrderView['status']): void;
  close(): Promise<void>;
}

/**
 * The registry's login and the market's buyer endpoints over real HTTP, with state: stock goes
 * down on checkout, the allowance pays first, pm_card_chargeDeclined is refused with everything
 * released, an Idempotency-Key answers its first answer again, and other buyers' orders are 404.
 */
export async function startFakeMarket(options: { products?: ProductView[] } = {}): Promise<FakeMarket> {
  const tokens = new Map<string, SessionUser>();
  let counter = 0;
  const pair = (u: SessionUser): TokenPairResponse => {
    counter += 1;
    const accessToken = `at-${counter}-${u.username}`;
    const refreshToken = `rt_${counter}_${'x'.repeat(24)}`;
    tokens.set(accessToken, u);
    tokens.set(refreshToken, u);
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: 900,
      refreshToken,
      refreshExpiresIn: 604800,
      user: u,
    };
  };
  const answers = new Map<string, { status: number; body: unknown }>();
  const fake: FakeMarket = {
    url: '',
    server: undefined as unknown as StubServer,
    products: options.products ?? fakeProducts(),
    orders: [],
    allowance: new Map(),
    checkoutDown: false,
    calls: (method, prefix) =>
      fake.server.requests.filter((r) => r.method === method && r.url.startsWith(prefix)),
    signedIn: (username) => pair(USERS.find((u) => u.username === username)!).refreshToken,
    setStatus: (orderId, status) => {
      const order = fake.orders.find((o) => o.id === orderId)!;
      order.status = status;
      const now = new Date().toISOString();
      if (status === 'picking') order.pickingAt = now;
      if (status === 'ready') order.readyAt = now;
      if (status === 'accepted') order.acceptedAt = now;
      if (status === 'cancelled') order.cancelledAt = now;
    },
    close: () => fake.server.close(),
  };
  const balance = (buyer: SessionUser) => fake.allowance.get(buyer.id) ?? 70_000;

  fake.server = await startStubServer((request, response) => {
    const url = new URL(request.url, 'http://fake');
    const path = url.pathname;
    const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    const auth = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const me = tokens.get(auth);

    if (path === '/api/registry/auth/login') {
      const found = USERS.find((u) => u.username === body['username']);
      if (!found || body['password'] !== DEMO_PASSWORD) {
        return sendJson(response, 401, {
          code: 'INVALID_CREDENTIALS',
          message: '用户名或密码错误 / Wrong username or password',
          details: { attemptsLeft: 4 },
        });
      }
      return sendJson(response, 200, pair(found));
    }
    if (path === '/api/registry/auth/refresh') {
      const found = tokens.get(String(body['refreshToken']));
      if (!found) return sendJson(response, 401, { code: 'INVALID_REFRESH_TOKEN', message: 'expired' });
      tokens.delete(String(body['refreshToken']));
      return sendJson(response, 200, pair(found));
    }
    if (path === '/api/registry/auth/logout') {
      response.writeHead(204).end();
      return;
    }
    if (!me) return sendJson(response, 401, { code: 'UNAUTHENTICATED', message: 'sign in' });
    if (path === '/api/registry/regions') {
      const items: RegionView[] = Object.values(VILLAGES).map((v) => ({
        code: v.code,
        level: 'village',
        name: v.name,
        parentCode: v.code.slice(0, 9),
        path: ['方城县', v.town, v.name],
        childCount: 0,
      }));
      return sendJson(response, 200, { items, total: items.length, page: 1, pageSize: 200 });
    }
    if (path === '/api/market/products') {
      const q = url.searchParams.get('q');
      const category = url.searchParams.get('category');
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
      const matching = fake.products
        .filter((p) => (!q || p.name.includes(q) || p.sku === q) && (!category || p.category === category))
        .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));
      return sendJson(response, 200, {
        items: matching.slice((page - 1) * pageSize, page * pageSize),
        total: matching.length,
        page,
        pageSize,
      });
    }
    const productMatch = /^\/api\/market\/products\/([^/]+)$/.exec(path);
    if (productMatch) {
      const found = fake.products.find((p) => p.id === productMatch[1]);
      return found
        ? sendJson(response, 200, found)
        : sendJson(response, 404, {
            code: 'CATALOGUE_PRODUCT_NOT_FOUND',
            message: '商品不存在 / No such product',
          });
    }
    const traceMatch = /^\/api\/market\/trace\/([^/]+)$/.exec(path);
    if (traceMatch) {
      const found = fake.products.find((p) => p.sku === decodeURIComponent(traceMatch[1]!));
      if (!found) return sendJson(response, 404, { code: 'CATALOGUE_TRACE_NOT_FOUND', message: '未找到' });
      const trace: TraceView = {
        product: {
          sku: found.sku,
          name: found.name,
          retailPriceFen: found.retailPriceFen,
          originVillageCode: found.originVillageCode,
        },
        lots: [
          {
            traceCode: `FP${found.sku}A`,
            produce: found.name,
            grade: 'first',
            collectedAt: '2026-11-20T02:00:00.000Z',
            households: [
              {
                villageCode: found.originVillageCode,
                headName: '王*国',
                weightGrams: 62_500,
                paidFenPerKg: 900,
              },
              {
                villageCode: found.originVillageCode,
                headName: '李*英',
                weightGrams: 40_000,
                paidFenPerKg: 900,
              },
            ],
          },
        ],
      };
      return sendJson(response, 200, trace);
    }
    if (path === '/api/market/allowance') {
      const mine = fake.orders.filter((o) => o.buyerId === me.id && o.allowanceFen > 0);
      const view: AllowanceView = {
        buyerId: me.id,
        workUnitId: 'org-wu',
        year: 2026,
        grantedFen: 70_000,
        balanceFen: balance(me),
        expiresAt: '2026-12-31T15:59:59.000Z',
        entries: [
          { kind: 'grant', amountFen: 70_000, orderId: null, at: '2026-01-05T01:00:00.000Z' },
          ...mine.map((o) => ({
            kind: 'spend' as const,
            amountFen: o.allowanceFen,
            orderId: o.id,
            at: o.createdAt,
          })),
        ],
      };
      return sendJson(response, 200, view);
    }
    if (path === '/api/market/checkout') {
      if (fake.checkoutDown) {
        response.socket?.destroy();
        return;
      }
      const key = String(request.headers['idempotency-key'] ?? '');
      const stored = answers.get(key);
      if (stored) return sendJson(response, stored.status, stored.body);
      const answer = checkout(me, body as unknown as CheckoutBody);
      answers.set(key, answer);
      return sendJson(response, answer.status, answer.body);
    }
    if (path === '/api/market/orders') {
      return sendJson(response, 200, fake.orders.filter((o) => o.buyerId === me.id).reverse());
    }
    if (path === '/api/market/me/impact') {
      const mine = fake.orders.filter((o) => o.buyerId === me.id && ['paid', 'accepted'].includes(o.status));
      const view: BuyerImpactView = {
        households: mine.length ? 2 : 0,
        villages: mine.length ? 1 : 0,
        orders: mine.length,
        spentFen: mine.reduce((s, o) => s + o.totalFen, 0),
        byVillage: mine.length
          ? [
              {
                villageCode: VILLAGES.qifeng.code,
                households: 2,
                amountFen: mine.reduce((s, o) => s + o.totalFen, 0),
              },
            ]
          : [],
      };
      return sendJson(response, 200, view);
    }
    const orderMatch = /^\/api\/market\/orders\/([^/]+)(?:\/(accept|cancel))?$/.exec(path);
    if (orderMatch) {
      const order = fake.orders.find((o) => o.id === orderMatch[1] && o.buyerId === me.id);
      if (!order)
        return sendJson(response, 404, { code: 'ORDER_NOT_FOUND', message: '订单不存在 / Not found' });
      const action = orderMatch[2];
      if (action === 'accept' && order.status === 'ready') fake.setStatus(order.id, 'accepted');
      else if (action === 'cancel' && order.status === 'paid') {
        fake.setStatus(order.id, 'cancelled');
        fake.allowance.set(me.id, balance(me) + order.allowanceFen);
      } else if (action) {
        return sendJson(response, 409, { code: 'ORDER_WRONG_STATUS', message: '状态不对 / Wrong status' });
      }
      return sendJson(response, 200, order);
    }
    return sendJson(response, 404, { code: 'NOT_FOUND', message: path });
  });
  fake.url = fake.server.url;

  function checkout(buyer: SessionUser, body: CheckoutBody): { status: number; body: unknown } {
    const lines = body.items.map((item) => ({
      item,
      product: fake.products.find((p) => p.id === item.productId),
    }));
    for (const { item, product: p } of lines) {
      if (!p) return { status: 422, body: { code: 'ORDER_PRODUCT_NOT_FOUND', message: '商品不存在' } };
      if (p.available < item.quantity) {
        return {
          status: 409,
          body: { code: 'ORDER_OUT_OF_STOCK', message: `${p.name} 库存不足`, details: { productId: p.id } },
        };
      }
    }
    const totalFen = lines.reduce((s, { item, product: p }) => s + p!.retailPriceFen * item.quantity, 0);
    const allowanceFen = Math.min(balance(buyer), totalFen);
    const cardFen = totalFen - allowanceFen;
    if (cardFen > 0 && !body.paymentMethod) {
      return { status: 422, body: { code: 'ORDER_PAYMENT_METHOD_REQUIRED', message: '需要银行卡' } };
    }
    const id = `o-${fake.orders.length + 1}`;
    if (cardFen > 0 && body.paymentMethod !== 'pm_card_visa') {
      return {
        status: 402,
        body: { code: 'ORDER_CARD_DECLINED', message: '银行卡被拒 / Declined', details: { orderId: id } },
      };
    }
    for (const { item, product: p } of lines) p!.available -= item.quantity;
    fake.allowance.set(buyer.id, balance(buyer) - allowanceFen);
    const order: OrderView = {
      id,
      orderNumber: `MO2026120200${fake.orders.length + 1}`,
      buyerId: buyer.id,
      workUnitId: 'org-wu',
      status: 'paid',
      fulfilment: body.fulfilment ?? 'delivery',
      totalFen,
      allowanceFen,
      cardFen,
      refundedFen: 0,
      failureReason: null,
      lines: lines.map(({ item, product: p }) => ({
        productId: p!.id,
        productName: p!.name,
        quantity: item.quantity,
        unitPriceFen: p!.retailPriceFen,
        amountFen: p!.retailPriceFen * item.quantity,
        lots: [{ traceCode: `FP${p!.sku}A`, quantity: item.quantity }],
      })),
      createdAt: new Date().toISOString(),
      paidAt: new Date().toISOString(),
      pickingAt: null,
      readyAt: null,
      acceptedAt: null,
      cancelledAt: null,
    };
    fake.orders.push(order);
    return { status: 201, body: order };
  }

  return fake;
}
