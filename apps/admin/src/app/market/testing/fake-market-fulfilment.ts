import { sendJson } from '@fupin/api-client/testing';
import type { OrderView, PickingListView, SettlementView } from '@fupin/contracts';
import type { MarketRequest, MarketState } from './fake-market';

const NEXT: Partial<Record<OrderView['status'], [string, OrderView['status']]>> = {
  paid: ['pick', 'picking'],
  picking: ['ready', 'ready'],
};

function page<T>(items: T[], query: URLSearchParams) {
  const pageNo = Number(query.get('page') ?? 1);
  const size = Number(query.get('pageSize') ?? 20);
  return {
    items: items.slice((pageNo - 1) * size, pageNo * size),
    total: items.length,
    page: pageNo,
    pageSize: size,
  };
}

function pickingList(orders: OrderView[]): PickingListView {
  const byProduct = new Map<string, PickingListView['products'][number]>();
  for (const order of orders)
    for (const line of order.lines) {
      const entry = byProduct.get(line.productId) ?? {
        productId: line.productId,
        sku: 'YSP-XM-2500',
        productName: line.productName,
        category: '杂粮',
        quantity: 0,
        lots: [],
      };
      entry.quantity += line.quantity;
      for (const lot of line.lots) {
        const known = entry.lots.find((l) => l.traceCode === lot.traceCode);
        if (known) known.quantity += lot.quantity;
        else entry.lots.push({ ...lot });
      }
      byProduct.set(line.productId, entry);
    }
  const products = [...byProduct.values()];
  return {
    generatedAt: new Date().toISOString(),
    orderCount: orders.length,
    totalBoxes: products.reduce((sum, p) => sum + p.quantity, 0),
    products,
  };
}

/** Orders, picking and packing lists, settlement and the ledger, as the market answers them. */
export function answerFulfilment(state: MarketState, r: MarketRequest): void {
  const { path, request, url, response, fail, allow, forbidden } = r;
  const query = url.searchParams;
  if (path === '/fulfilment/orders') {
    if (!allow('supermarket_staff', 'county_admin', 'auditor')) return forbidden();
    const status = query.get('status');
    const list = state.orders.filter((o) => !status || o.status === status);
    return sendJson(response, 200, page([...list].reverse(), query));
  }
  if (path === '/fulfilment/picking-list') {
    const status = query.get('status') ?? 'all';
    const wanted = status === 'all' ? ['paid', 'picking'] : [status];
    return sendJson(response, 200, pickingList(state.orders.filter((o) => wanted.includes(o.status))));
  }
  if (path === '/fulfilment/packing-lists') {
    const orders = state.orders.filter((o) => o.status === 'picking' || o.status === 'ready');
    return sendJson(response, 200, {
      generatedAt: new Date().toISOString(),
      workUnits: orders.length
        ? [
            {
              workUnitId: orders[0]!.workUnitId,
              workUnitName: '方城县财政局',
              totalBoxes: orders.reduce((sum, o) => sum + o.lines.reduce((s, l) => s + l.quantity, 0), 0),
              orders: orders.map((o) => ({
                orderId: o.id,
                orderNumber: o.orderNumber,
                buyerId: o.buyerId,
                status: o.status,
                fulfilment: o.fulfilment,
                lines: o.lines.map((l) => ({ productName: l.productName, quantity: l.quantity })),
              })),
            },
          ]
        : [],
    });
  }
  const orderAction = /^\/orders\/([0-9a-f-]{36})\/(pick|ready|cancel|refunds)$/.exec(path);
  if (orderAction && request.method === 'POST') {
    const order = state.orders.find((o) => o.id === orderAction[1]);
    if (!order) return fail(404, 'ORDER_NOT_FOUND', '订单不存在 / No such order');
    const action = orderAction[2]!;
    if (action === 'pick' || action === 'ready') {
      if (!allow('supermarket_staff')) return forbidden();
      const next = NEXT[order.status];
      if (!next || next[0] !== action) return fail(409, 'ORDER_WRONG_STATUS', '订单状态不对 / Wrong status');
      order.status = next[1];
      return sendJson(response, 200, order);
    }
    if (!request.headers['idempotency-key'] && action === 'refunds')
      return fail(400, 'IDEMPOTENCY_KEY_REQUIRED', '缺少 Idempotency-Key');
    if (action === 'cancel') {
      if (order.status !== 'paid') return fail(409, 'ORDER_WRONG_STATUS', '订单状态不对 / Wrong status');
      order.status = 'cancelled';
      order.failureReason = String(r.body()['reason'] ?? '');
      return sendJson(response, 200, order);
    }
    const amount = Number(r.body()['amountFen']);
    if (amount > order.totalFen - order.refundedFen)
      return fail(422, 'ORDER_REFUND_TOO_LARGE', '退款超额 / Refund too large');
    order.refundedFen += amount;
    return sendJson(response, 200, order);
  }
  if (path === '/settlements' && request.method === 'POST') {
    if (!allow('county_admin')) return forbidden();
    if (!request.headers['idempotency-key'])
      return fail(400, 'IDEMPOTENCY_KEY_REQUIRED', '缺少 Idempotency-Key');
    const lines = state.unsettled.splice(0);
    const run: SettlementView = {
      id: `44444444-0000-4000-8000-${String(state.settlements.length + 1).padStart(12, '0')}`,
      totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
      orderCount: lines.length,
      createdAt: new Date().toISOString(),
      lines,
    };
    state.settlements.push(run);
    return sendJson(response, 201, run);
  }
  if (path === '/settlements' && request.method === 'GET') {
    const items = [...state.settlements].reverse().map(({ lines, ...s }) => ({
      ...s,
      householdCount: lines.length,
      createdBy: 'cccccccc-0000-4000-8000-000000000001',
    }));
    return sendJson(response, 200, page(items, query));
  }
  const settlement = /^\/settlements\/([0-9a-f-]{36})(\/bank-file)?$/.exec(path);
  if (settlement) {
    const run = state.settlements.find((s) => s.id === settlement[1]);
    if (!run) return fail(404, 'SETTLEMENT_NOT_FOUND', '结算批次不存在 / No settlement');
    if (!settlement[2]) return sendJson(response, 200, run);
    const rows = run.lines.map((l, i) => `${i + 1},${l.villageCode},${l.headNameMasked},${l.amountFen}`);
    response.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="payouts-${run.id}.${query.get('format') ?? 'csv'}"`,
    });
    response.end([...rows, `合计,,,${run.totalFen}`].join('\n'));
    return;
  }
  if (path === '/consumption-aid-ledger') {
    const groupBy = query.get('groupBy') ?? 'work_unit';
    const rows =
      groupBy === 'village'
        ? [
            { key: '411322104201', name: '砚山铺村', amountFen: 1_250_000 },
            { key: '411322104202', name: '扳倒井村', amountFen: 480_000 },
          ]
        : [{ key: 'wu', name: '方城县财政局', amountFen: 1_730_000 }];
    return sendJson(response, 200, { groupBy, totalFen: 1_730_000, rows });
  }
  const lot = /^\/lots\/([0-9a-f-]{36})(\/split)?$/.exec(path);
  if (lot) {
    const found = state.lots.find((l) => l.id === lot[1]);
    if (!found) return fail(404, 'PROCUREMENT_LOT_NOT_FOUND', '批次不存在 / No such lot');
    if (!lot[2]) return sendJson(response, 200, found);
    const parts = r.body()['partsGrams'] as number[];
    if (parts.reduce((a, b) => a + b, 0) !== found.weightGrams)
      return fail(422, 'PROCUREMENT_PARTS_DO_NOT_ADD_UP', '各份之和须等于批次重量 / Parts must add up');
    found.status = 'split';
    const made = parts.map((grams, i) => ({
      ...found,
      id: `${found.id.slice(0, -2)}${String(i + 10)}`,
      traceCode: `${found.traceCode}-${i + 1}`,
      weightGrams: grams,
      status: 'at_location' as const,
      sourceLotIds: [found.id],
    }));
    state.lots.push(...made);
    return sendJson(response, 201, made);
  }
  fail(404, 'NOT_FOUND', `No route ${request.method} ${path}`);
}
