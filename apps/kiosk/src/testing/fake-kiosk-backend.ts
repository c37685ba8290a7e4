import { healthBody, sendJson, startStubServer, type RecordedRequest } from '@fupin/api-client/testing';
import type { GoodsView, KioskDeviceView, RedemptionReceipt } from '@fupin/contracts';
import type { ServerResponse } from 'node:http';

/** A well-formed device credential of the fake kiosk. */
export const CREDENTIAL = '0b7c6d1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f.demo-secret-of-the-fake-kiosk-0001';
export const STORE_ID = '5d7a2f10-93b4-4c1e-a8f2-6b0d9e1c3a47';
export const HOUSEHOLD_ID = 'c1f0e2d3-4b5a-4678-9abc-def012345678';
export const CARD = 'FC1042010001';
export const PIN = '367303';
export const LOCKED_CARD = 'FC1042010009';
export const OTHER_VILLAGE_CARD = 'FC1052010001';

export const DEVICE: KioskDeviceView = {
  kioskId: '0b7c6d1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f',
  name: '一号自助终端',
  storeId: STORE_ID,
  storeName: '砚山铺村爱心超市',
  villageCode: '411322104201',
  villageName: '砚山铺村',
};

function goods(
  id: number,
  name: string,
  unit: string,
  pricePoints: number,
  quantity: number,
  lowStockThreshold = 3,
): GoodsView {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    storeId: STORE_ID,
    name,
    pictureUrl: null,
    unit,
    pricePoints,
    quantity,
    lowStockThreshold,
    lowStock: quantity <= lowStockThreshold,
  };
}

/**
 * The registry's kiosk sign-in and the ledger's accounts, goods and redemptions on a real loopback
 * port, with the shapes, status codes and error codes of the real services, over a tiny store.
 * Tests steer it (take stock, block the household, drop the next answer) and read what it saw.
 */
export interface FakeKioskBackend {
  url: string;
  requests: RecordedRequest[];
  balance: number;
  goods: GoodsView[];
  receipts: RedemptionReceipt[];
  /** Redemption requests by Idempotency-Key, and how many times each key was sent. */
  keys: Map<string, number>;
  blocked: boolean;
  pinFailures: number;
  /** The next redemption is carried out but its answer is lost (connection dropped). */
  dropNextRedemptionAnswer: boolean;
  /** From now on the registry ends every session (refresh and ledger calls answer 401). */
  endSessions(): void;
  calls(method: string, path: string): RecordedRequest[];
  byName(name: string): GoodsView;
  close(): Promise<void>;
}

const R = '/api/registry';
const L = '/api/ledger';

export async function startFakeKioskBackend(): Promise<FakeKioskBackend> {
  let tokenSeq = 0;
  const tokens = new Set<string>();
  const answers = new Map<string, { status: number; body: unknown }>();
  let receiptSeq = 0;
  let closing: Promise<void> | undefined;

  const state: Omit<FakeKioskBackend, 'url' | 'requests' | 'close' | 'calls' | 'byName' | 'endSessions'> = {
    balance: 80,
    goods: [
      goods(1, '大米', '袋（10斤）', 30, 40, 5),
      goods(2, '毛巾', '条', 8, 60),
      goods(3, '食盐', '袋（400克）', 3, 80),
      goods(4, '食用油', '桶（5升）', 60, 3),
      goods(5, '暖水瓶', '个', 30, 0),
      goods(6, '电饭锅', '台', 150, 2, 1),
    ],
    receipts: [],
    keys: new Map(),
    blocked: false,
    pinFailures: 0,
    dropNextRedemptionAnswer: false,
  };

  const error = (res: ServerResponse, status: number, code: string, message: string, details?: unknown) =>
    sendJson(res, status, { code, message, ...(details === undefined ? {} : { details }) });

  const newSession = () => {
    tokenSeq += 1;
    const token = `token-${tokenSeq}`;
    tokens.add(token);
    return {
      tokenType: 'Bearer',
      accessToken: token,
      expiresIn: 120,
      household: {
        id: HOUSEHOLD_ID,
        householdNumber: '4113221042010001',
        headName: '王秀英',
        villageCode: DEVICE.villageCode,
        villageName: DEVICE.villageName,
        pointsCardNumber: CARD,
      },
    };
  };

  const redeem = (body: { lines: Array<{ goodsId: string; quantity: number }> }) => {
    if (state.blocked) {
      return { status: 403, body: { code: 'REDEMPTION_BLOCKED', message: '该户在黑名单期内 / blacklisted' } };
    }
    const lines = body.lines.map((line) => {
      const item = state.goods.find((g) => g.id === line.goodsId)!;
      return { item, quantity: line.quantity };
    });
    const short = lines.find((l) => l.item.quantity < l.quantity);
    if (short) {
      return {
        status: 409,
        body: { code: 'OUT_OF_STOCK', message: `“${short.item.name}”库存不足 / Not enough` },
      };
    }
    const total = lines.reduce((sum, l) => sum + l.item.pricePoints * l.quantity, 0);
    if (total > state.balance) {
      return { status: 409, body: { code: 'INSUFFICIENT_POINTS', message: '积分不足 / Not enough points' } };
    }
    state.balance -= total;
    for (const l of lines) {
      l.item.quantity -= l.quantity;
      l.item.lowStock = l.item.quantity <= l.item.lowStockThreshold;
    }
    receiptSeq += 1;
    const receipt: RedemptionReceipt = {
      id: `r-${receiptSeq}`,
      receiptNumber: `R20261202-${String(receiptSeq).padStart(6, '0')}`,
      householdId: HOUSEHOLD_ID,
      householdNumber: '4113221042010001',
      headName: '王秀英',
      storeId: STORE_ID,
      storeName: DEVICE.storeName,
      lines: lines.map((l) => ({
        goodsId: l.item.id,
        name: l.item.name,
        unit: l.item.unit,
        quantity: l.quantity,
        unitPoints: l.item.pricePoints,
        points: l.item.pricePoints * l.quantity,
      })),
      totalPoints: total,
      totalPointsText: '壹拾玖积分',
      balanceAfter: state.balance,
      status: 'completed',
      createdAt: '2026-12-02T06:05:00.000Z',
      voidedAt: null,
      voidReason: null,
    };
    state.receipts.push(receipt);
    return { status: 201, body: receipt };
  };

  const server = await startStubServer((req, res) => {
    const path = req.url.split('?')[0]!;
    const health = /^\/api\/([a-z]+)\/health$/.exec(path);
    if (health) return sendJson(res, 200, healthBody('up'));
    const credentialOk = req.headers['x-kiosk-credential'] === CREDENTIAL;
    const bearer = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (path === `${R}/auth/kiosk/device` && req.method === 'GET') {
      if (!credentialOk)
        return error(res, 401, 'KIOSK_CREDENTIAL_INVALID', '终端凭证无效 / Invalid credential');
      return sendJson(res, 200, DEVICE);
    }
    if (path === `${R}/auth/kiosk/sign-in` && req.method === 'POST') {
      if (!credentialOk)
        return error(res, 401, 'KIOSK_CREDENTIAL_INVALID', '终端凭证无效 / Invalid credential');
      const body = JSON.parse(req.body) as { cardNumber: string; pin: string };
      if (body.cardNumber === LOCKED_CARD) return error(res, 423, 'CARD_LOCKED', '积分卡已锁定 / locked');
      if (body.cardNumber === OTHER_VILLAGE_CARD) {
        return error(res, 403, 'HOUSEHOLD_NOT_IN_KIOSK_VILLAGE', '该积分卡不属于本村 / other village');
      }
      if (body.cardNumber !== CARD)
        return error(res, 401, 'KIOSK_SIGN_IN_FAILED', '卡号或 PIN 不正确 / Wrong');
      if (body.pin !== PIN) {
        state.pinFailures += 1;
        return error(res, 401, 'KIOSK_SIGN_IN_FAILED', '卡号或 PIN 不正确 / Wrong', {
          attemptsLeft: 5 - state.pinFailures,
        });
      }
      return sendJson(res, 200, newSession());
    }
    if (path === `${R}/auth/kiosk/session/refresh` && req.method === 'POST') {
      if (!tokens.has(bearer)) return error(res, 401, 'KIOSK_SESSION_ENDED', '会话已结束 / ended');
      tokens.delete(bearer);
      return sendJson(res, 200, newSession());
    }
    if (path === `${R}/auth/kiosk/session/end` && req.method === 'POST') {
      tokens.delete(bearer);
      res.writeHead(204).end();
      return;
    }
    if (!path.startsWith(L)) return error(res, 404, 'NOT_FOUND', 'no such route');
    if (!tokens.has(bearer)) return error(res, 401, 'UNAUTHORIZED', '请先登录 / Sign in first');
    if (path === `${L}/accounts/households/${HOUSEHOLD_ID}` && req.method === 'GET') {
      return sendJson(res, 200, {
        householdId: HOUSEHOLD_ID,
        householdNumber: '4113221042010001',
        headName: '王秀英',
        villageCode: DEVICE.villageCode,
        balance: state.balance,
        pending: 0,
        blacklisted: state.blocked,
      });
    }
    if (path === `${L}/stores/${STORE_ID}/goods` && req.method === 'GET')
      return sendJson(res, 200, state.goods);
    if (path === `${L}/redemptions` && req.method === 'POST') {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (!key) return error(res, 400, 'IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key missing');
      fake.keys.set(key, (fake.keys.get(key) ?? 0) + 1);
      const answer = answers.get(key) ?? redeem(JSON.parse(req.body));
      answers.set(key, answer);
      if (fake.dropNextRedemptionAnswer) {
        fake.dropNextRedemptionAnswer = false;
        req.headers.connection = 'close';
        res.socket?.destroy();
        return;
      }
      return sendJson(res, answer.status, answer.body);
    }
    return error(res, 404, 'NOT_FOUND', 'no such route');
  });

  const fake: FakeKioskBackend = Object.assign(state, {
    url: server.url,
    requests: server.requests,
    endSessions: () => tokens.clear(),
    calls: (method: string, path: string) =>
      server.requests.filter((r) => r.method === method && r.url.split('?')[0] === path),
    byName: (name: string) => state.goods.find((g) => g.name === name)!,
    close: () => (closing ??= server.close()),
  });
  return fake;
}
