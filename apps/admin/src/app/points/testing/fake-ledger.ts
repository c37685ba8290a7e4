import { sendJson, startStubServer, type RecordedRequest } from '@fupin/api-client/testing';
import type {
  AwardLineView,
  BlacklistEntryView,
  AwardSheetView,
  DonationReceipt,
  ExpiryPolicyView,
  ExpiryRunView,
  GoodsView,
  PointsAccountView,
  PublicNoticeView,
  RuleSetView,
  StatementLine,
  StoreView,
  VillageMonthlyReport,
} from '@fupin/contracts';
import type { ServerResponse } from 'node:http';
import type { FakeRegistry } from '../../../testing/fake-registry';

export const VILLAGE = '411322104201';
export const STORE_ID = '11111111-1111-4111-8111-111111111111';
export const COUNTY = '411322';
/** What `system:expiry-scheduler` writes as the starter of a scheduled run. */
export const EXPIRY_SCHEDULER = 'system:expiry-scheduler';

/** The county's expiry policy and runs, as the ledger keeps them (tests set and read them). */
export interface FakeExpiry {
  policy: ExpiryPolicyView | null;
  /** Newest run first, as the ledger lists them. */
  runs: ExpiryRunView[];
  /** What the next run by hand expires (households and points); zero points make no entry. */
  due: { householdCount: number; totalPoints: number };
}

/**
 * The ledger on a real loopback port, in front of the fake registry (every other path is passed
 * through to it): a small in-memory village with one standard, sheets, a store and accounts,
 * answering with the ledger's shapes and error codes.
 */
export interface FakeLedger {
  url: string;
  requests: RecordedRequest[];
  ruleSets: RuleSetView[];
  sheets: AwardSheetView[];
  goods: GoodsView[];
  accounts: Map<string, PointsAccountView>;
  statements: Map<string, StatementLine[]>;
  blacklist: BlacklistEntryView[];
  expiry: FakeExpiry;
  /** Makes the next request to `path` (any method but GET) answer this error instead. */
  refuseNext(path: string, status: number, code: string, message: string): void;
  /** Makes the next import answer 400 with these per-row reasons. */
  rejectImport(errors: string[]): void;
  calls(path: string, method?: string): RecordedRequest[];
  signedIn(username: string): string;
  close(): Promise<void>;
}

const L = '/api/ledger';

function ruleSet(version: number, effectiveFrom: string): RuleSetView {
  return {
    id: `99999999-0000-4000-8000-00000000000${version}`,
    villageCode: VILLAGE,
    version,
    effectiveFrom,
    monthlyBase: 2,
    createdBy: 'cccccccc-0000-4000-8000-000000000004',
    createdAt: '2026-01-01T02:00:00.000Z',
    items: [
      { id: 'i1', code: 'HYG', name: '环境卫生达标', points: 5, maxPerMonth: 1, yearlyCap: null },
      { id: 'i2', code: 'LAB', name: '公益劳动', points: 2, maxPerMonth: 4, yearlyCap: 40 },
      { id: 'i3', code: 'FEAST', name: '大操大办', points: -10, maxPerMonth: 1, yearlyCap: null },
    ],
  };
}

export async function startFakeLedger(registry: FakeRegistry): Promise<FakeLedger> {
  const ruleSets = [ruleSet(1, '2026-01-01')];
  const sheets: AwardSheetView[] = [];
  const goods: GoodsView[] = [
    {
      id: '77777777-0000-4000-8000-000000000001',
      storeId: STORE_ID,
      name: '金龙鱼食用油',
      pictureUrl: null,
      unit: '桶',
      pricePoints: 60,
      quantity: 2,
      lowStockThreshold: 5,
      lowStock: true,
    },
  ];
  const accounts = new Map<string, PointsAccountView>();
  const blacklist: BlacklistEntryView[] = [];
  const statements = new Map<string, StatementLine[]>();
  let importErrors: string[] | null = null;
  const expiry: FakeExpiry = { policy: null, runs: [], due: { householdCount: 0, totalPoints: 0 } };
  const refusals = new Map<string, { status: number; code: string; message: string }>();
  let counter = 0;
  const uuid = () => `dddddddd-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;

  const sheetTotals = (sheet: AwardSheetView) => {
    const households = new Set(sheet.lines.map((l) => l.householdId));
    const base = ruleSets.find((r) => r.id === sheet.ruleSetId)?.monthlyBase ?? 0;
    sheet.householdCount = households.size;
    sheet.totalPoints = sheet.lines.reduce((sum, l) => sum + l.points, 0) + base * households.size;
  };

  const server = await startStubServer(async (request, response) => {
    const url = new URL(request.url, 'http://fake');
    const path = url.pathname;
    if (!path.startsWith(`${L}/`) || path === `${L}/health`) return pass(registry.url, request, response);
    const body = () => (request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {});
    const fail = (status: number, code: string, message: string, details?: unknown) =>
      sendJson(response, status, { code, message, ...(details === undefined ? {} : { details }) });

    const notice = new RegExp(`^${L}/public/notices/([A-Za-z0-9_-]+)$`).exec(path);
    if (notice) {
      const sheet = sheets.find((s) => s.noticeToken === notice[1]);
      if (!sheet) return fail(404, 'AWARD_SHEET_NOT_FOUND', '公示不存在 / No such notice');
      const view: PublicNoticeView = {
        villageCode: sheet.villageCode,
        period: sheet.period,
        status: sheet.status,
        noticeStartsAt: sheet.noticeStartsAt,
        noticeEndsAt: sheet.noticeEndsAt,
        monthlyBase: 2,
        lines: sheet.lines.map((l) => ({
          lineId: l.id,
          householdNumber: l.householdNumber,
          headName: `${l.headName[0]}*${l.headName.slice(2)}`,
          itemName: l.itemName,
          count: l.count,
          points: l.points,
        })),
        openObjections: sheet.objections.filter((o) => o.status === 'open').length,
      };
      return sendJson(response, 200, view);
    }

    const username = /^Bearer at-\d+-(.+)$/.exec(request.headers['authorization'] ?? '')?.[1];
    const actor = registry.users.find((u) => u.username === username);
    if (!actor) return fail(401, 'UNAUTHENTICATED', '请先登录 / Sign in first');
    const only = (...roles: string[]) => {
      if (roles.includes(actor.role)) return false;
      fail(403, 'FORBIDDEN', '没有权限 / Forbidden');
      return true;
    };

    const refusal = request.method === 'GET' ? undefined : refusals.get(path);
    if (refusal) {
      refusals.delete(path);
      return fail(refusal.status, refusal.code, refusal.message);
    }

    const county = new RegExp(`^${L}/counties/(\\d{6})/(expiry-policy|expiry-runs)$`).exec(path);
    if (county) {
      const code = county[1]!;
      const related = actor.scope.kind === 'region' && actor.scope.code.startsWith(code);
      if (!related || code !== COUNTY)
        return fail(403, 'FORBIDDEN', '超出您的管辖范围 / Outside your region');
      const noPolicy = () =>
        fail(
          404,
          'EXPIRY_POLICY_NOT_FOUND',
          `县 ${code} 未设置积分过期规则 / No expiry policy for county ${code}`,
        );
      if (county[2] === 'expiry-policy' && request.method === 'GET') {
        if (only('county_admin', 'town_admin', 'village_admin', 'store_keeper', 'auditor')) return;
        // No policy yet answers 200 with the JSON body null, as the ledger does.
        return sendJson(response, 200, expiry.policy);
      }
      if (county[2] === 'expiry-policy' && request.method === 'PUT') {
        if (only('county_admin')) return;
        const input = body() as { enabled?: unknown; months?: unknown; effectiveFrom?: unknown };
        const keys = Object.keys(input).sort().join(',');
        if (
          keys !== 'effectiveFrom,enabled,months' ||
          typeof input.enabled !== 'boolean' ||
          !Number.isInteger(input.months) ||
          (input.months as number) < 1 ||
          (input.months as number) > 120 ||
          typeof input.effectiveFrom !== 'string' ||
          !/^\d{4}-\d{2}-\d{2}$/.test(input.effectiveFrom)
        )
          return fail(400, 'VALIDATION_FAILED', '请求内容不正确 / Invalid request body');
        expiry.policy = {
          countyCode: code,
          enabled: input.enabled,
          months: input.months as number,
          effectiveFrom: input.effectiveFrom,
          version: (expiry.policy?.version ?? 0) + 1,
          updatedBy: actor.id,
          updatedAt: new Date().toISOString(),
        };
        return sendJson(response, 200, expiry.policy);
      }
      if (county[2] === 'expiry-runs' && request.method === 'GET') {
        if (only('county_admin', 'town_admin', 'village_admin', 'auditor')) return;
        const page = Number(url.searchParams.get('page') ?? 1);
        const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1)
          return fail(400, 'VALIDATION_FAILED', '请求参数不正确 / Invalid query');
        const items = expiry.runs.slice((page - 1) * pageSize, page * pageSize);
        return sendJson(response, 200, { items, total: expiry.runs.length, page, pageSize });
      }
      if (county[2] === 'expiry-runs' && request.method === 'POST') {
        if (only('county_admin')) return;
        if (!request.headers['idempotency-key']) return fail(400, 'IDEMPOTENCY_KEY_REQUIRED', 'key');
        const today = chinaDay(new Date());
        const runDate = (body() as { runDate?: string }).runDate ?? today;
        if (runDate > today)
          return fail(
            422,
            'EXPIRY_RUN_DATE_IN_FUTURE',
            `不能提前执行 ${runDate} 的过期 / Cannot run the expiry of a future day (${runDate})`,
          );
        const existing = expiry.runs.find((r) => r.runDate === runDate);
        if (existing) return sendJson(response, 200, existing);
        const policy = expiry.policy;
        if (!policy) return noPolicy();
        if (!policy.enabled)
          return fail(
            409,
            'EXPIRY_POLICY_DISABLED',
            '本县未启用积分过期 / Points expiry is off in this county',
          );
        if (runDate < policy.effectiveFrom)
          return fail(
            409,
            'EXPIRY_NOT_IN_FORCE',
            `过期规则自 ${policy.effectiveFrom} 起生效 / The expiry policy applies from ${policy.effectiveFrom}`,
          );
        const cutoff = new Date(`${runDate}T00:00:00+08:00`);
        cutoff.setMonth(cutoff.getMonth() - policy.months);
        const run: ExpiryRunView = {
          id: uuid(),
          countyCode: code,
          runDate,
          months: policy.months,
          cutoff: cutoff.toISOString(),
          entryId: expiry.due.totalPoints > 0 ? uuid() : null,
          householdCount: expiry.due.householdCount,
          totalPoints: expiry.due.totalPoints,
          triggeredBy: actor.id,
          createdAt: new Date().toISOString(),
        };
        expiry.runs.push(run);
        expiry.runs.sort((a, b) => b.runDate.localeCompare(a.runDate));
        return sendJson(response, 200, run);
      }
    }

    if (path === `${L}/villages/${VILLAGE}/rule-sets`) return sendJson(response, 200, ruleSets);
    if (path === `${L}/rule-sets` && request.method === 'POST') {
      if (only('village_admin', 'town_admin', 'county_admin')) return;
      const input = body() as unknown as Omit<RuleSetView, 'id' | 'version' | 'createdBy' | 'createdAt'>;
      const created: RuleSetView = {
        ...input,
        id: uuid(),
        version: ruleSets.length + 1,
        createdBy: actor.id,
        createdAt: new Date().toISOString(),
        items: input.items.map((item) => ({ ...item, id: uuid() })),
      };
      ruleSets.push(created);
      return sendJson(response, 201, created);
    }
    const oneRuleSet = new RegExp(`^${L}/rule-sets/([0-9a-f-]{36})$`).exec(path);
    if (oneRuleSet) {
      const found = ruleSets.find((r) => r.id === oneRuleSet[1]);
      return found ? sendJson(response, 200, found) : fail(404, 'RULE_SET_NOT_FOUND', 'none');
    }

    if (path === `${L}/villages/${VILLAGE}/award-sheets`)
      return sendJson(
        response,
        200,
        sheets.map((s) => ({ ...s, lines: [], objections: [] })),
      );
    if (path === `${L}/award-sheets` && request.method === 'POST') {
      if (only('village_admin')) return;
      const { period } = body() as { period: string };
      if (sheets.some((s) => s.period === period))
        return fail(409, 'AWARD_SHEET_PERIOD_TAKEN', '该月已有评定表 / taken');
      const rules = ruleSets[ruleSets.length - 1]!;
      const sheet: AwardSheetView = {
        id: uuid(),
        villageCode: VILLAGE,
        period,
        ruleSetId: rules.id,
        ruleSetVersion: rules.version,
        status: 'draft',
        noticeToken: null,
        noticeStartsAt: null,
        noticeEndsAt: null,
        approvedBy: null,
        approvedAt: null,
        entryId: null,
        totalPoints: 0,
        householdCount: 0,
        lines: [],
        objections: [],
      };
      sheets.push(sheet);
      return sendJson(response, 201, sheet);
    }
    const sheetPath = new RegExp(`^${L}/award-sheets/([0-9a-f-]{36})(/[a-z/0-9-]+)?$`).exec(path);
    if (sheetPath) {
      const sheet = sheets.find((s) => s.id === sheetPath[1]);
      if (!sheet) return fail(404, 'AWARD_SHEET_NOT_FOUND', '评定表不存在 / No award sheet');
      const action = sheetPath[2] ?? '';
      if (action === '' && request.method === 'GET') return sendJson(response, 200, sheet);
      if (action === '/lines' && request.method === 'PUT') {
        if (only('village_admin')) return;
        const rules = ruleSets.find((r) => r.id === sheet.ruleSetId)!;
        const input = (
          body() as { lines: Array<{ householdId: string; itemCode: string; count: number; note?: string }> }
        ).lines;
        const lines: AwardLineView[] = [];
        for (const [index, line] of input.entries()) {
          const household = registry.households.find((h) => h.id === line.householdId);
          const item = rules.items.find((i) => i.code === line.itemCode);
          if (!household || !item)
            return fail(422, 'AWARD_LINE_UNKNOWN_HOUSEHOLD', `第 ${index + 1} 行：未知农户`);
          if (line.count > item.maxPerMonth)
            return fail(
              422,
              'AWARD_MONTHLY_CAP_EXCEEDED',
              `第 ${index + 1} 行：${item.name} 每月最多 ${item.maxPerMonth} 次 / line ${index + 1}: at most ${item.maxPerMonth} a month`,
            );
          lines.push({
            id: uuid(),
            householdId: household.id,
            householdNumber: household.householdNumber,
            headName: household.headName,
            itemCode: item.code,
            itemName: item.name,
            count: line.count,
            points: item.points * line.count,
            note: line.note ?? null,
          });
        }
        sheet.lines = lines;
        sheetTotals(sheet);
        return sendJson(response, 200, sheet);
      }
      if (action === '/import') {
        if (importErrors) {
          const errors = importErrors;
          importErrors = null;
          return fail(400, 'AWARD_IMPORT_INVALID', errors.join('; '), { errors });
        }
        return sendJson(response, 200, sheet);
      }
      if (action === '/submit') {
        if (only('village_admin')) return;
        const days = (body() as { noticeDays?: number }).noticeDays ?? 7;
        sheet.status = 'notice';
        sheet.noticeToken = 'Tok3n_abcdefghijklmnop';
        sheet.noticeStartsAt = new Date().toISOString();
        sheet.noticeEndsAt = new Date(Date.now() + days * 86400_000).toISOString();
        return sendJson(response, 200, sheet);
      }
      if (action === '/objections' && request.method === 'POST') {
        const input = body() as { lineId?: string; text: string };
        sheet.objections.push({
          id: uuid(),
          lineId: input.lineId ?? null,
          filedBy: actor.id,
          filedRole: actor.role,
          text: input.text,
          status: 'open',
          resolution: null,
          resolvedBy: null,
          createdAt: new Date().toISOString(),
        });
        return sendJson(response, 201, sheet);
      }
      const resolve = /^\/objections\/([0-9a-f-]{36})\/resolve$/.exec(action);
      if (resolve) {
        const objection = sheet.objections.find((o) => o.id === resolve[1])!;
        const input = body() as { outcome: 'upheld' | 'dismissed'; newCount?: number; reason: string };
        objection.status = input.outcome;
        objection.resolution = input.reason;
        const line = sheet.lines.find((l) => l.id === objection.lineId);
        if (line && input.outcome === 'upheld' && input.newCount !== undefined) {
          line.points = (line.points / line.count) * input.newCount;
          line.count = input.newCount;
          sheetTotals(sheet);
        }
        return sendJson(response, 200, sheet);
      }
      if (action === '/approve') {
        if (only('town_admin', 'county_admin')) return;
        if (!request.headers['idempotency-key']) return fail(400, 'IDEMPOTENCY_KEY_REQUIRED', 'key');
        if (sheet.status !== 'notice') return fail(409, 'AWARD_SHEET_WRONG_STATUS', 'wrong status');
        if (new Date(sheet.noticeEndsAt!).getTime() > Date.now())
          return fail(409, 'NOTICE_NOT_OVER', '公示期未结束 / The notice is not over');
        if (sheet.objections.some((o) => o.status === 'open'))
          return fail(409, 'OBJECTIONS_OPEN', '有未处理的异议 / Objections are open');
        sheet.status = 'approved';
        sheet.approvedAt = new Date().toISOString();
        sheet.approvedBy = actor.id;
        return sendJson(response, 200, { ...sheet, lines: [] });
      }
    }

    const account = new RegExp(`^${L}/accounts/households/([0-9a-f-]{36})(/statement)?$`).exec(path);
    if (account) {
      const view = accounts.get(account[1]!);
      if (!view) return fail(404, 'HOUSEHOLD_NOT_FOUND', '农户不存在 / No household');
      if (!account[2]) return sendJson(response, 200, view);
      const lines = statements.get(account[1]!) ?? [];
      if (url.searchParams.get('format') === 'csv') {
        response.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="statement-${view.householdNumber}.csv"`,
        });
        response.end('时间,积分\n');
        return;
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const size = Number(url.searchParams.get('pageSize') ?? 20);
      return sendJson(response, 200, {
        items: lines.slice((page - 1) * size, page * size),
        total: lines.length,
        page,
        pageSize: size,
      });
    }

    if (path === `${L}/villages/${VILLAGE}/blacklist`) return sendJson(response, 200, blacklist);
    if (path === `${L}/blacklist` && request.method === 'POST') {
      if (only('village_admin')) return;
      const input = body() as Omit<
        BlacklistEntryView,
        'id' | 'villageCode' | 'status' | 'proposedBy' | 'approvedBy'
      >;
      const entry: BlacklistEntryView = {
        ...input,
        id: uuid(),
        villageCode: VILLAGE,
        status: 'proposed',
        proposedBy: actor.id,
        approvedBy: null,
      };
      blacklist.push(entry);
      return sendJson(response, 201, entry);
    }
    const decide = new RegExp(`^${L}/blacklist/([0-9a-f-]{36})/(approve|revoke)$`).exec(path);
    if (decide) {
      if (only('town_admin', 'county_admin')) return;
      const entry = blacklist.find((b) => b.id === decide[1])!;
      entry.status = decide[2] === 'approve' ? 'active' : 'revoked';
      entry.approvedBy = actor.id;
      return sendJson(response, 200, entry);
    }
    if (path === `${L}/reports/villages/${VILLAGE}/monthly`) {
      if (only('county_admin', 'town_admin', 'village_admin', 'auditor')) return;
      const format = url.searchParams.get('format') ?? 'json';
      const period = url.searchParams.get('period') ?? '';
      if (format !== 'json') {
        response.writeHead(200, {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/octet-stream',
          'content-disposition': `attachment; filename="village-${VILLAGE}-${period}.${format}"`,
        });
        response.end('x');
        return;
      }
      const report: VillageMonthlyReport = {
        villageCode: VILLAGE,
        period,
        awarded: 37,
        redeemed: 60,
        voided: 0,
        households: [
          {
            householdId: 'aaaaaaaa-0000-4000-8000-000000000001',
            householdNumber: '4113221042010001',
            headName: '马东升',
            awarded: 7,
            redeemed: 60,
            balance: 1280,
          },
          {
            householdId: 'aaaaaaaa-0000-4000-8000-000000000002',
            householdNumber: '4113221042010002',
            headName: '杜斌',
            awarded: 30,
            redeemed: 0,
            balance: 30,
          },
        ],
      };
      return sendJson(response, 200, report);
    }
    if (path === `${L}/accounts/trial-balance`) {
      if (only('county_admin', 'auditor')) return;
      return sendJson(response, 200, {
        accounts: 312,
        sumOfBalances: 0,
        sumOfLegs: 0,
        mismatchedAccounts: 0,
      });
    }
    if (path === `${L}/stores`) {
      const stores: StoreView[] = [
        { id: STORE_ID, name: '砚山铺村爱心超市', villageCode: VILLAGE, active: true },
      ];
      return sendJson(response, 200, stores);
    }
    if (path === `${L}/stores/${STORE_ID}/goods` && request.method === 'GET')
      return sendJson(response, 200, goods);
    if (path === `${L}/stores/${STORE_ID}/donations`) {
      if (only('store_keeper')) return;
      if (!request.headers['idempotency-key']) return fail(400, 'IDEMPOTENCY_KEY_REQUIRED', 'key');
      const input = body() as {
        donorName: string;
        donorContact?: string;
        lines: Array<{ goodsId: string; quantity: number; declaredValueFen: number }>;
      };
      const total = input.lines.reduce((sum, l) => sum + l.declaredValueFen, 0);
      const receipt: DonationReceipt = {
        donationId: uuid(),
        receiptNumber: 'JZ-411322104201-000017',
        storeId: STORE_ID,
        storeName: '砚山铺村爱心超市',
        donorName: input.donorName,
        donorContact: input.donorContact ?? null,
        receivedAt: new Date().toISOString(),
        lines: input.lines.map((l) => {
          const g = goods.find((x) => x.id === l.goodsId)!;
          g.quantity += l.quantity;
          return {
            goodsId: g.id,
            name: g.name,
            unit: g.unit,
            quantity: l.quantity,
            declaredValueFen: l.declaredValueFen,
          };
        }),
        declaredValueFen: total,
        declaredValueText: '人民币壹仟贰佰叁拾肆元伍角整',
      };
      return sendJson(response, 201, receipt);
    }
    fail(404, 'NOT_FOUND', `No route ${request.method} ${path}`);
  });

  return {
    url: server.url,
    requests: server.requests,
    ruleSets,
    sheets,
    goods,
    accounts,
    statements,
    blacklist,
    expiry,
    refuseNext(path, status, code, message) {
      refusals.set(path, { status, code, message });
    },
    rejectImport(errors) {
      importErrors = errors;
    },
    calls: (path, method) =>
      server.requests.filter((r) => r.url.split('?')[0] === path && (!method || r.method === method)),
    signedIn: (username) => registry.signedIn(username),
    close: server.close,
  };
}

/** Hands a request on to the fake registry and its answer back, unchanged. */
async function pass(target: string, request: RecordedRequest, response: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
  }
  const answer = await fetch(`${target}${request.url}`, {
    method: request.method,
    headers,
    body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
  });
  const text = await answer.text();
  response.writeHead(answer.status, {
    'content-type': answer.headers.get('content-type') ?? 'application/json',
  });
  response.end(text);
}

/** The day in China (YYYY-MM-DD), as the ledger dates its expiry runs. */
export function chinaDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

/** An expiry run for tests. */
export function expiryRun(n: number, runDate: string, patch: Partial<ExpiryRunView> = {}): ExpiryRunView {
  return {
    id: `ffffffff-0000-4000-8000-${String(n).padStart(12, '0')}`,
    countyCode: COUNTY,
    runDate,
    months: 24,
    cutoff: new Date(`${Number(runDate.slice(0, 4)) - 2}${runDate.slice(4)}T00:00:00+08:00`).toISOString(),
    entryId: `eeeeeeee-2222-4000-8000-${String(n).padStart(12, '0')}`,
    householdCount: 3,
    totalPoints: 45,
    triggeredBy: EXPIRY_SCHEDULER,
    createdAt: `${runDate}T16:30:00.000Z`,
    ...patch,
  };
}

/** A statement line for tests. */
export function statementLine(entryNumber: number, amount: number, reason: string): StatementLine {
  return {
    entryId: `eeeeeeee-1111-4000-8000-${String(entryNumber).padStart(12, '0')}`,
    entryNumber,
    kind: amount >= 0 ? 'award' : 'redemption',
    amount,
    reason,
    operatorId: 'x',
    operatorRole: 'town_admin',
    occurredAt: '2026-11-05T02:00:00.000Z',
  };
}
