import { sendJson } from '@fupin/api-client/testing';
import type { WorkUnitAllowancesView } from '@fupin/contracts';
import type { MarketRequest, MarketState } from './fake-market';
import { FAKE_NETWORK } from './fake-market';

/** One employee's allowance wallet for a year, as the fake market keeps it. */
export interface FakeAllowanceWallet {
  buyerId: string;
  workUnitId: string;
  year: number;
  grantedFen: number;
  spentFen: number;
  balanceFen: number;
  expiredFen: number;
  expiresAt: string;
}

/** The county default per employee (`MARKET_ALLOWANCE_FEN`). */
export const DEFAULT_ALLOWANCE_FEN = 70_000;

function view(state: MarketState, workUnitId: string, year: number, query: URLSearchParams) {
  const policy = state.allowancePolicies[`${workUnitId}:${year}`];
  const wallets = state.allowanceWallets.filter((w) => w.workUnitId === workUnitId && w.year === year);
  const sum = (pick: (w: FakeAllowanceWallet) => number) => wallets.reduce((a, w) => a + pick(w), 0);
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const result: WorkUnitAllowancesView = {
    workUnitId,
    workUnitName: FAKE_NETWORK.find((o) => o.id === workUnitId)?.name ?? null,
    year,
    amountFen: policy ?? DEFAULT_ALLOWANCE_FEN,
    policySet: policy !== undefined,
    totals: {
      wallets: wallets.length,
      grantedFen: sum((w) => w.grantedFen),
      spentFen: sum((w) => w.spentFen),
      balanceFen: sum((w) => w.balanceFen),
      expiredFen: sum((w) => w.expiredFen),
    },
    wallets: {
      items: wallets
        .slice((page - 1) * pageSize, page * pageSize)
        .map(({ buyerId, grantedFen, spentFen, balanceFen, expiredFen, expiresAt }) => ({
          buyerId,
          grantedFen,
          spentFen,
          balanceFen,
          expiredFen,
          expiresAt,
        })),
      total: wallets.length,
      page,
      pageSize,
    },
  };
  return result;
}

/** Allowances by work unit and the year-end write-off, as the market answers them; false when not one of these. */
export function answerAllowances(state: MarketState, r: MarketRequest): boolean {
  const { path, request, url, response, fail, allow, forbidden } = r;
  const unit = /^\/work-units\/([0-9a-f-]{36})\/(allowances|allowance-policy)$/.exec(path);
  if (unit) {
    const [, workUnitId, what] = unit as unknown as [string, string, string];
    const known = FAKE_NETWORK.some((o) => o.id === workUnitId && o.type === 'work_unit');
    if (what === 'allowances' && request.method === 'GET') {
      if (!allow('county_admin', 'auditor')) forbidden();
      else if (!known) fail(404, 'ALLOWANCE_WORK_UNIT_NOT_FOUND', '工作单位不存在 / No such work unit');
      else {
        const year = Number(url.searchParams.get('year') ?? new Date().getFullYear());
        sendJson(response, 200, view(state, workUnitId, year, url.searchParams));
      }
      return true;
    }
    if (what === 'allowance-policy' && request.method === 'PUT') {
      if (!allow('county_admin')) forbidden();
      else if (!known) fail(404, 'ALLOWANCE_WORK_UNIT_NOT_FOUND', '工作单位不存在 / No such work unit');
      else {
        const { year, amountFen } = r.body() as { year: number; amountFen: number };
        const wallets = state.allowanceWallets.filter((w) => w.workUnitId === workUnitId && w.year === year);
        const current = state.allowancePolicies[`${workUnitId}:${year}`] ?? DEFAULT_ALLOWANCE_FEN;
        if (year < new Date().getFullYear())
          fail(422, 'ALLOWANCE_YEAR_PAST', '往年的补贴不能再改 / A past year cannot change');
        else if (wallets.some((w) => w.grantedFen > amountFen))
          fail(409, 'ALLOWANCE_POLICY_BELOW_GRANTED', '低于已发放的补贴 / Below what was granted');
        else {
          state.allowancePolicies[`${workUnitId}:${year}`] = amountFen;
          for (const wallet of wallets)
            if (amountFen > current && wallet.expiredFen === 0) {
              wallet.grantedFen += amountFen - current;
              wallet.balanceFen += amountFen - current;
            }
          sendJson(response, 200, view(state, workUnitId, year, new URLSearchParams()));
        }
      }
      return true;
    }
  }
  if (path === '/allowances/expire' && request.method === 'POST') {
    if (!allow('county_admin')) forbidden();
    else {
      const now = Date.now();
      let expiredWallets = 0;
      let expiredFen = 0;
      for (const wallet of state.allowanceWallets)
        if (Date.parse(wallet.expiresAt) <= now && wallet.balanceFen > 0) {
          expiredWallets += 1;
          expiredFen += wallet.balanceFen;
          wallet.expiredFen += wallet.balanceFen;
          wallet.balanceFen = 0;
        }
      sendJson(response, 200, { expiredWallets, expiredFen });
    }
    return true;
  }
  return false;
}
