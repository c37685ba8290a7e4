import {
  healthBody,
  sendJson,
  startStubServer,
  type HealthScenario,
  type RecordedRequest,
} from '@fupin/api-client/testing';
import { type HouseholdDetail, type HouseholdSummary, type Role, type ServiceName } from '@fupin/contracts';
import { answerLogin, FakeTokens } from './fake-auth';
import { answerImport } from './fake-import';
import {
  childRegions,
  fakeHouseholds,
  fakeUsers,
  regionView,
  type FakeHousehold,
  type FakeUser,
} from './fake-registry-data';

/**
 * A registry on a real loopback port, answering the routes the admin app calls with the shapes
 * and error codes of the real one, from a small in-memory county. Tests read and steer its state.
 */
export interface FakeRegistry {
  url: string;
  requests: RecordedRequest[];
  users: FakeUser[];
  households: FakeHousehold[];
  /** A refresh token for a user, as if they had signed in before the page was reloaded. */
  signedIn(username: string): string;
  /** From now on every access token handed out so far is refused with 401 (it “expired”). */
  expireAccessTokens(): void;
  /** Someone else saves the household: its version moves on and the phone changes. */
  editElsewhere(householdId: string, phone: string): void;
  /** How one service (or all) answer their health check from now on. */
  setHealth(scenario: HealthScenario, service?: ServiceName): void;
  /** Requests to a path, e.g. `/api/registry/auth/refresh`. */
  calls(path: string): RecordedRequest[];
  close(): Promise<void>;
}

const R = '/api/registry';
const READERS: Role[] = [
  'county_admin',
  'town_admin',
  'village_admin',
  'store_keeper',
  'collector',
  'auditor',
];
const WRITERS: Role[] = ['county_admin', 'town_admin', 'village_admin'];

function summary(h: FakeHousehold): HouseholdSummary {
  const {
    history: _history,
    phone: _p,
    bankName: _b,
    bankAccountMasked: _m,
    members: _ms,
    createdAt: _c,
    ...rest
  } = h;
  return rest;
}

function detail(h: FakeHousehold): HouseholdDetail {
  const { history: _history, ...rest } = h;
  return rest;
}

function scopeRoot(user: FakeUser): string {
  if (user.scope.kind === 'region') return user.scope.code;
  if (user.scope.kind === 'organisation') return user.scope.regionCode;
  return user.scope.villageCode;
}

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

export async function startFakeRegistry(): Promise<FakeRegistry> {
  const users = fakeUsers();
  const households = fakeHouseholds();
  const healthScenarios = new Map<ServiceName, HealthScenario>();
  const tokens = new FakeTokens();
  const pair = (user: FakeUser) => tokens.pair(user);

  const server = await startStubServer((request, response) => {
    const url = new URL(request.url, 'http://fake');
    const path = url.pathname;
    const query = url.searchParams;
    const body = () => (request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {});
    const fail = (status: number, code: string, message: string, details?: unknown) =>
      sendJson(response, status, { code, message, ...(details === undefined ? {} : { details }) });

    const health = /^\/api\/(registry|ledger|market|dividends)\/health$/.exec(path);
    if (health) {
      const scenario = healthScenarios.get(health[1] as ServiceName) ?? 'up';
      if (scenario === 'unreachable') {
        response.socket?.destroy();
        return;
      }
      return sendJson(response, scenario === 'up' ? 200 : 503, healthBody(scenario));
    }

    if (path === `${R}/auth/login` && request.method === 'POST')
      return answerLogin(users, tokens, body(), response);
    if (path === `${R}/auth/refresh` && request.method === 'POST') {
      const userId = tokens.takeRefresh(String(body()['refreshToken']));
      const user = users.find((u) => u.id === userId);
      if (!user || !user.active)
        return fail(
          401,
          'REFRESH_TOKEN_INVALID',
          '登录已失效，请重新登录 / The session has ended, sign in again',
        );
      return sendJson(response, 200, pair(user));
    }
    if (path === `${R}/auth/logout` && request.method === 'POST') {
      tokens.takeRefresh(String(body()['refreshToken']));
      response.writeHead(204).end();
      return;
    }

    const token = /^Bearer (.+)$/.exec(request.headers['authorization'] ?? '')?.[1];
    const session = token ? tokens.access(token) : undefined;
    const actor = users.find((u) => u.id === session?.userId);
    if (!session || session.expired || !actor)
      return fail(401, 'UNAUTHENTICATED', '请先登录 / Sign in first');
    const allow = (roles: Role[]) => roles.includes(actor.role);
    const forbidden = () => fail(403, 'FORBIDDEN', '没有权限 / Forbidden');

    if (path === `${R}/auth/me`)
      return sendJson(response, 200, {
        id: actor.id,
        name: actor.displayName,
        role: actor.role,
        scope: actor.scope,
      });
    if (path === `${R}/auth/password` && request.method === 'POST') {
      const { currentPassword, newPassword } = body() as { currentPassword: string; newPassword: string };
      if (currentPassword !== actor.password)
        return fail(422, 'CURRENT_PASSWORD_WRONG', '当前密码错误 / Wrong current password');
      actor.password = newPassword;
      actor.mustChangePassword = false;
      return sendJson(response, 200, pair(actor));
    }
    if (path === `${R}/regions`) {
      const parent = query.get('parentCode');
      return sendJson(response, 200, page(parent ? childRegions(parent) : [regionView('411322')!], query));
    }
    const region = new RegExp(`^${R}/regions/(\\d+)$`).exec(path);
    if (region) {
      const view = regionView(region[1]!);
      return view
        ? sendJson(response, 200, view)
        : fail(404, 'REGION_NOT_FOUND', '区划不存在 / Region does not exist');
    }
    if (path === `${R}/users`) {
      if (!allow(['county_admin', 'town_admin', 'auditor'])) return forbidden();
      const list = users
        .filter((u) => u.role !== 'household')
        .map(({ password: _p, failures: _f, ...u }) => ({
          ...u,
          locked: false,
          phone: null,
          lastLoginAt: null,
          createdAt: '2020-06-30T02:00:00.000Z',
        }));
      return sendJson(response, 200, page(list, query));
    }
    if (path === `${R}/households` && request.method === 'GET') {
      if (!allow(READERS)) return forbidden();
      const root = scopeRoot(actor);
      const regionCode = query.get('regionCode') ?? '';
      if (regionCode && !regionCode.startsWith(root))
        return fail(403, 'FORBIDDEN', '不在您的辖区 / Outside your region');
      const q = query.get('q') ?? '';
      let list = households.filter(
        (h) => (h.groupCode ?? h.villageCode).startsWith(root) || h.villageCode.startsWith(root),
      );
      if (regionCode)
        list = list.filter((h) =>
          regionCode.length === 15 ? h.groupCode === regionCode : h.villageCode.startsWith(regionCode),
        );
      for (const key of ['labourClass', 'subClass', 'povertyStatus'] as const) {
        const value = query.get(key);
        if (value) list = list.filter((h) => h[key] === value);
      }
      if (query.get('cardLocked') === 'true') list = list.filter((h) => h.cardLocked);
      if (q)
        list = list.filter(
          (h) =>
            h.headName.includes(q) ||
            h.householdNumber.startsWith(q) ||
            (h.pointsCardNumber ?? '').startsWith(q.toUpperCase()),
        );
      if (query.get('sort') === 'headName')
        list = [...list].sort((a, b) => a.headName.localeCompare(b.headName, 'zh-CN'));
      return sendJson(response, 200, page(list.map(summary), query));
    }
    if (path === `${R}/households` && request.method === 'POST') {
      if (!allow(WRITERS)) return forbidden();
      const input = body() as {
        householdNumber: string;
        villageCode: string;
        members: Array<{ name: string }>;
      };
      if (households.some((h) => h.householdNumber === input.householdNumber)) {
        return fail(409, 'HOUSEHOLD_NUMBER_TAKEN', '户编号已存在 / The household number is taken');
      }
      const created: FakeHousehold = {
        ...households[0]!,
        id: `eeeeeeee-0000-4000-8000-${String(households.length).padStart(12, '0')}`,
        householdNumber: input.householdNumber,
        headName: input.members[0]!.name,
        villageCode: input.villageCode,
        history: [],
      };
      households.push(created);
      return sendJson(response, 201, detail(created));
    }
    if (path === `${R}/households/import` && request.method === 'POST') {
      if (!allow(WRITERS)) return forbidden();
      return answerImport(households, request.body, query.get('dryRun') === 'true', response);
    }
    const one = new RegExp(`^${R}/households/([0-9a-f-]{36})(/history|/status)?$`).exec(path);
    if (one) {
      const household = households.find((h) => h.id === one[1]);
      if (!allow(READERS)) return forbidden();
      if (!household) return fail(404, 'HOUSEHOLD_NOT_FOUND', '农户不存在 / Household does not exist');
      if (!household.villageCode.startsWith(scopeRoot(actor)))
        return fail(403, 'FORBIDDEN', '不在您的辖区 / Outside your region');
      if (one[2] === '/history')
        return sendJson(response, 200, page([...household.history].reverse(), query));
      if (request.method === 'GET') return sendJson(response, 200, detail(household));
      if (!allow(WRITERS)) return forbidden();
      const input = body();
      if (input['expectedVersion'] !== undefined && input['expectedVersion'] !== household.version) {
        return fail(
          409,
          'VERSION_CONFLICT',
          `该农户已被他人修改（当前版本 ${household.version}），请刷新后重试 / The household changed meanwhile (now version ${household.version}); reload and retry`,
          { currentVersion: household.version },
        );
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (one[2] === '/status') {
        changes['povertyStatus'] = { from: household.povertyStatus, to: input['povertyStatus'] };
        household.povertyStatus = input['povertyStatus'] as HouseholdDetail['povertyStatus'];
      } else if ('phone' in input) {
        changes['phone'] = { from: household.phone, to: input['phone'] };
        household.phone = input['phone'] as string | null;
      }
      household.version += 1;
      household.history.push({
        id: household.history.length + 1000,
        occurredAt: new Date().toISOString(),
        change: one[2] === '/status' ? 'status_changed' : 'updated',
        actorId: actor.id,
        actorRole: actor.role,
        actorName: actor.displayName,
        reason: typeof input['reason'] === 'string' ? input['reason'] : null,
        changes,
      });
      return sendJson(response, 200, detail(household));
    }
    fail(404, 'NOT_FOUND', `No route ${request.method} ${path}`);
  });

  return {
    url: server.url,
    requests: server.requests,
    users,
    households,
    signedIn(username) {
      const user = users.find((u) => u.username === username);
      if (!user) throw new Error(`no fake user ${username}`);
      return pair(user).refreshToken;
    },
    expireAccessTokens() {
      tokens.expireAll();
    },
    editElsewhere(householdId, phone) {
      const household = households.find((h) => h.id === householdId)!;
      household.phone = phone;
      household.version += 1;
    },
    setHealth(scenario, service) {
      for (const name of service ? [service] : (['registry', 'ledger', 'market', 'dividends'] as const))
        healthScenarios.set(name, scenario);
    },
    calls: (path) => server.requests.filter((request) => request.url.split('?')[0] === path),
    close: server.close,
  };
}
