import { sendJson, startStubServer, type RecordedRequest } from '@fupin/api-client/testing';
import { fenToYuanString } from '@fupin/money';
import type {
  ChainVerificationView,
  FundFlowNode,
  FundSourceTrace,
  HouseholdOrigins,
  HouseholdPayoutsView,
  PublicFundSource,
  PublicNotice,
  PublicNoticeSummary,
} from '@fupin/contracts';

export const NOTICE_OPEN = '11111111-1111-4111-8111-111111111111';
export const NOTICE_ENDED = '22222222-2222-4222-8222-222222222222';
export const SOURCE_COUNTY = '33333333-3333-4333-8333-333333333333';
export const HOUSEHOLD_ZHANG = '44444444-4444-4444-8444-444444444444';
const VILLAGE = '411322104201';

const SURNAMES = ['王', '李', '张', '赵', '刘', '陈'];

function notice(id: string, open: boolean, lineCount: number): PublicNotice {
  return {
    id,
    title: open ? '砚山铺村光荣合作社 2025 年度分红' : '砚山铺村光伏电站 2024 年度收益分配',
    entityName: open ? '砚山铺村光荣合作社' : '砚山铺村光伏电站',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    poolFen: '1234567',
    planVersion: 1,
    distributionStatus: open ? 'noticed' : 'posted',
    publishedAt: '2026-03-01T02:00:00.000Z',
    endsAt: open ? '2099-03-11T02:00:00.000Z' : '2026-03-11T02:00:00.000Z',
    accountParts: [
      { account: 'running_costs', amountFen: '185185' },
      { account: 'village_collective', amountFen: '370370' },
    ],
    chain: { seq: open ? 2 : 1, hash: 'ab'.repeat(32), prevHash: '0'.repeat(64) },
    objectionsOpen: open,
    lines: Array.from({ length: lineCount }, (_, i) => ({
      householdName: `${SURNAMES[i % SURNAMES.length]}**`,
      villageCode: VILLAGE,
      amountFen: i === 0 ? '339506' : String(10_000 + i),
    })),
  };
}

function flow(
  partial: Partial<FundFlowNode> & Pick<FundFlowNode, 'id' | 'parentId' | 'depth' | 'toType' | 'amountFen'>,
): FundFlowNode {
  return {
    sourceId: SOURCE_COUNTY,
    kind: 'livelihood_protection',
    fromAccount: 'source',
    toAccount: `fund:county:411322:livelihood_protection`,
    regionCode: '411322',
    householdId: null,
    householdName: null,
    projectName: null,
    allocatedOnFen: '0',
    purpose: '按计划拨付',
    createdAt: '2026-03-02T02:00:00.000Z',
    ...partial,
  };
}

/**
 * The households the village account paid, the largest first: the first eight get 1,500 yuan,
 * any more (`inAll` > 8) get 1,000 yuan each.
 */
function villageHouseholds(maskNames: boolean, inAll: number): FundFlowNode[] {
  return Array.from({ length: inAll }, (_, i) =>
    flow({
      id: `h${i}`,
      parentId: 'village',
      depth: 3,
      toType: 'household',
      regionCode: VILLAGE,
      toAccount: maskNames ? 'household:*:livelihood_protection' : `household:${i}:livelihood_protection`,
      householdId: maskNames ? null : `household-${i}`,
      householdName: maskNames ? `${SURNAMES[i % 6]}**` : `${SURNAMES[i % 6]}德明${i < 8 ? '' : i}`,
      amountFen: i < 8 ? '150000' : '100000',
      purpose: '低保户生活补助',
    }),
  );
}

const villageHouseholdsFen = (inAll: number) => 8 * 150_000 + Math.max(0, inAll - 8) * 100_000;

/**
 * The county source's tree: county → town → village → a project and eight households; with
 * `inAll` above 8 the village paid that many, and the trace lists the eight largest.
 */
export function countyTrace(maskNames: boolean, inAll = 8): FundSourceTrace {
  const households = villageHouseholds(maskNames, 8);
  return {
    householdGroups: [
      { parentId: 'village', households: inAll, amountFen: String(villageHouseholdsFen(inAll)), shown: 8 },
    ],
    source: {
      id: SOURCE_COUNTY,
      name: '2025 年中央财政衔接推进乡村振兴补助资金',
      kind: 'livelihood_protection',
      countyCode: '411322',
      amountFen: '100000000',
      reference: '豫财农〔2025〕12号',
    },
    flows: [
      flow({
        id: 'root',
        parentId: null,
        depth: 0,
        toType: 'account',
        amountFen: '100000000',
        allocatedOnFen: '60000000',
      }),
      flow({
        id: 'town',
        parentId: 'root',
        depth: 1,
        toType: 'account',
        regionCode: '411322104',
        toAccount: 'fund:town:411322104:livelihood_protection',
        amountFen: '60000000',
        allocatedOnFen: '40000000',
      }),
      flow({
        id: 'village',
        parentId: 'town',
        depth: 2,
        toType: 'account',
        regionCode: VILLAGE,
        toAccount: `fund:village:${VILLAGE}:livelihood_protection`,
        amountFen: '40000000',
        allocatedOnFen: String(30_000_000 + villageHouseholdsFen(inAll)),
      }),
      flow({
        id: 'project',
        parentId: 'village',
        depth: 3,
        toType: 'project',
        regionCode: VILLAGE,
        toAccount: `project:${VILLAGE}:project`,
        projectName: '砚山铺村饮水安全工程',
        amountFen: '30000000',
      }),
      ...households,
    ],
  };
}

function sourceRow(): PublicFundSource {
  return {
    id: SOURCE_COUNTY,
    name: '2025 年中央财政衔接推进乡村振兴补助资金',
    kind: 'livelihood_protection',
    countyCode: '411322',
    amountFen: '100000000',
    reference: '豫财农〔2025〕12号',
    createdAt: '2026-03-02T02:00:00.000Z',
    householdsFen: '1200000',
    householdCount: 8,
  };
}

export interface FakeDividends {
  url: string;
  requests: RecordedRequest[];
  calls(path: string, method?: string): RecordedRequest[];
  /** How the next requests are answered. */
  state: {
    chain: ChainVerificationView;
    objectionAnswer: 'ok' | 'rate_limited';
    /** False: the registry has no card + PIN sign-in (404), as today. */
    householdSignIn: boolean;
    /** True: staff reading the county source in full are refused (a village administrator). */
    staffTraceForbidden: boolean;
    /** How many households the village account paid in all (the trace lists 8). */
    villageHouseholds: number;
  };
  close(): Promise<void>;
}

/** A dividends service (and the bits of the registry these pages call) on a loopback port. */
export async function startFakeDividends(): Promise<FakeDividends> {
  const notices = new Map([
    [NOTICE_OPEN, notice(NOTICE_OPEN, true, 60)],
    [NOTICE_ENDED, notice(NOTICE_ENDED, false, 3)],
  ]);
  const state: FakeDividends['state'] = {
    chain: { intact: true, length: 2, headHash: 'cd'.repeat(32), firstBroken: null },
    objectionAnswer: 'ok',
    householdSignIn: false,
    staffTraceForbidden: false,
    villageHouseholds: 8,
  };
  const server = await startStubServer((request, response) => {
    const url = new URL(request.url, 'http://fake');
    const path = url.pathname;
    const fail = (status: number, code: string, message: string) =>
      sendJson(response, status, { code, message });
    const D = '/api/dividends';
    if (path === `${D}/public/notices`) {
      const list: PublicNoticeSummary[] = [...notices.values()].map((n) => ({
        id: n.id,
        title: n.title,
        entityName: n.entityName,
        poolFen: n.poolFen,
        publishedAt: n.publishedAt,
        endsAt: n.endsAt,
        chainSeq: n.chain.seq,
        hash: n.chain.hash,
      }));
      return sendJson(response, 200, list);
    }
    const objection = new RegExp(`^${D}/public/notices/([^/]+)/objections$`).exec(path);
    if (objection && request.method === 'POST') {
      if (objection[1] === NOTICE_ENDED)
        return fail(409, 'NOTICE_CLOSED', '公示期已结束 / The notice period is over');
      if (state.objectionAnswer === 'rate_limited')
        return fail(429, 'OBJECTION_RATE_LIMITED', '提交次数过多 / Too many objections');
      return sendJson(response, 201, {
        id: '9a8b7c6d-0000-4000-8000-000000000001',
        noticeId: objection[1],
        recordedAt: '2026-03-03T02:00:00.000Z',
      });
    }
    const one = new RegExp(`^${D}/public/notices/([^/]+)$`).exec(path);
    if (one) {
      const found = notices.get(one[1]!);
      return found
        ? sendJson(response, 200, found)
        : fail(404, 'DISTRIBUTION_NOT_FOUND', '分配不存在 / Distribution does not exist');
    }
    if (path === `${D}/public/chain/verify`) return sendJson(response, 200, state.chain);
    if (path === `${D}/public/funds/sources` || path === `${D}/funds/sources`)
      return sendJson(response, 200, { items: [sourceRow()], total: 1, page: 1, pageSize: 20 });
    if (path === `${D}/public/funds/sources/${SOURCE_COUNTY}/flows`)
      return sendJson(response, 200, countyTrace(true, state.villageHouseholds));
    if (path === `${D}/funds/sources/${SOURCE_COUNTY}/flows`)
      return state.staffTraceForbidden
        ? fail(403, 'FORBIDDEN', '不在您的管辖范围内 / Outside your scope')
        : sendJson(response, 200, countyTrace(false, state.villageHouseholds));
    const pagedHouseholds = new RegExp(`^${D}(/public)?/funds/flows/village/households$`).exec(path);
    if (pagedHouseholds) {
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
      const all = villageHouseholds(!!pagedHouseholds[1], state.villageHouseholds);
      return sendJson(response, 200, {
        items: all.slice((page - 1) * pageSize, page * pageSize),
        total: all.length,
        page,
        pageSize,
      });
    }
    if (path === `${D}/funds/flows/village/households.csv`) {
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="fund-flow-village-households.csv"',
      });
      const rows = villageHouseholds(false, state.villageHouseholds).map(
        (h) => `${h.householdId},${h.householdName},${fenToYuanString(Number(h.amountFen))}`,
      );
      response.end(`\ufeff户号,户主,金额（元）\n${rows.join('\n')}\n`);
      return;
    }
    if (/\/funds\/sources\/[^/]+\/flows$/.test(path))
      return fail(404, 'FUND_SOURCE_NOT_FOUND', '资金来源不存在 / No fund source');
    if (path === `${D}/funds/households/${HOUSEHOLD_ZHANG}/origins`) {
      const trace = countyTrace(false).flows;
      const byId = new Map(trace.map((f) => [f.id, f]));
      const up = (id: string) => {
        const path: FundFlowNode[] = [];
        for (let f = byId.get(id); f; f = f.parentId ? byId.get(f.parentId) : undefined) path.push(f);
        return path.map((f, hop) => ({ ...f, depth: hop }));
      };
      const origins: HouseholdOrigins = {
        householdId: HOUSEHOLD_ZHANG,
        payments: [
          {
            paymentId: 'h2',
            sourceId: SOURCE_COUNTY,
            sourceName: '2025 年中央财政衔接推进乡村振兴补助资金',
            amountFen: '150000',
            path: up('h2'),
          },
        ],
      };
      return sendJson(response, 200, origins);
    }
    if (path === '/api/registry/households')
      return sendJson(response, 200, {
        items: [
          {
            id: HOUSEHOLD_ZHANG,
            householdNumber: '4113221042010003',
            headName: '张德明',
            villageName: '砚山铺村',
          },
        ],
        total: 1,
        page: 1,
        pageSize: 10,
      });
    if (path === '/api/registry/auth/household/sign-in' && request.method === 'POST') {
      if (!state.householdSignIn) return fail(404, 'NOT_FOUND', 'Cannot POST /auth/household/sign-in');
      const body = JSON.parse(request.body) as { cardNumber: string; pin: string };
      if (body.pin !== '1234')
        return fail(401, 'PIN_WRONG', '密码不对，还可以再试 4 次 / Wrong PIN, 4 tries left');
      return sendJson(response, 200, {
        tokenType: 'Bearer',
        accessToken: 'household-token-zhang',
        expiresIn: 120,
        household: {
          id: HOUSEHOLD_ZHANG,
          householdNumber: '4113221042010003',
          headName: '张德明',
          villageCode: VILLAGE,
        },
      });
    }
    if (path === `${D}/households/me/payouts`) {
      if (request.headers.authorization !== 'Bearer household-token-zhang')
        return fail(401, 'UNAUTHENTICATED', '请先登录 / Sign in first');
      const mine: HouseholdPayoutsView = {
        household: { id: HOUSEHOLD_ZHANG, householdNumber: '4113221042010003', headName: '张德明' },
        payouts: [
          {
            id: 'p1',
            distributionTitle: '砚山铺村光荣合作社 2025 年度分红',
            entityName: '砚山铺村光荣合作社',
            periodStart: '2025-01-01',
            periodEnd: '2025-12-31',
            amountFen: '339506',
            status: 'paid',
            bankAccountMasked: '6230****1003',
            confirmedAt: '2026-04-01T02:00:00.000Z',
          },
        ],
        fundPayments: [
          {
            id: 'f1',
            sourceName: '2025 年中央财政衔接推进乡村振兴补助资金',
            kind: 'livelihood_protection',
            amountFen: '150000',
            purpose: '低保户生活补助',
            createdAt: '2026-03-02T02:00:00.000Z',
          },
        ],
      };
      return sendJson(response, 200, mine);
    }
    return fail(404, 'NOT_FOUND', `no route ${request.method} ${path}`);
  });
  return {
    url: server.url,
    requests: server.requests,
    calls: (path, method) =>
      server.requests.filter(
        (r) => new URL(r.url, 'http://fake').pathname === path && (!method || r.method === method),
      ),
    state,
    close: () => server.close(),
  };
}
