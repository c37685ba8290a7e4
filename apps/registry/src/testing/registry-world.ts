import {
  registerHouseholdBodySchema,
  type HouseholdDetail,
  type RegisterHouseholdBody,
  type StaffRole,
  type UserScopeInput,
} from '@fupin/contracts';
import { startServiceForTest, type ServiceUnderTest } from '@fupin/service-kit/testing';
import { DataSource } from 'typeorm';
import { systemContext } from '@fupin/service-kit';
import { HouseholdPinService } from '../households/household-pin.service';
import { HouseholdsService } from '../households/households.service';
import { KiosksService } from '../kiosks/kiosks.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { RegionsService } from '../regions/regions.service';
import type { RegistryConfig } from '../registry-config';
import { registryService } from '../registry.service';
import { UsersService } from '../users/users.service';

export const PASSWORD = 'Test-pass-2024';

/** Codes of the small test county: town A (villages A1, A2), town B (village B1). */
export const CODES = {
  county: '411322',
  townA: '411322104',
  villageA1: '411322104201',
  groupA1: '411322104201001',
  villageA2: '411322104202',
  townB: '411322105',
  villageB1: '411322105201',
} as const;

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string | Buffer | FormData;
  headers?: Record<string, string>;
}

/** A registry on a fresh database with a small county, staff of several roles, households and kiosks. */
export interface RegistryWorld {
  service: ServiceUnderTest<RegistryConfig>;
  dataSource: DataSource;
  orgs: { storeA1: string; storeB1: string; collectionA1: string; workUnit: string };
  households: { a1: HouseholdDetail; a2: HouseholdDetail; b1: HouseholdDetail };
  kiosks: { a1: string; b1: string };
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<ApiAnswer<T>>;
  /** An access token for a test user (password login through the API, cached). */
  token(username: string): Promise<string>;
  /** Rows in a table, for "nothing changed" checks. */
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  stop(): Promise<void>;
}

export function householdBody(
  overrides: Partial<RegisterHouseholdBody> & { householdNumber: string; villageCode: string },
): RegisterHouseholdBody {
  return {
    povertyStatus: 'not_lifted',
    subClass: 'lacking',
    members: [
      { name: '王建国', relation: 'head', birthYear: 1968, labourCapacity: 'full' },
      { name: '李秀英', relation: 'spouse', birthYear: 1970, labourCapacity: 'weak', disability: '肢体三级' },
    ],
    ...overrides,
  };
}

export async function startRegistryWorld(env: Record<string, string> = {}): Promise<RegistryWorld> {
  const service = await startServiceForTest(registryService, env);
  const dataSource = service.app.get(DataSource);
  const ctx = systemContext('system:test');
  const regions = service.app.get(RegionsService);
  for (const [code, name] of [
    [CODES.county, '方城县'],
    [CODES.townA, '独树镇'],
    [CODES.villageA1, '砚山铺村'],
    [CODES.groupA1, '第一村民小组'],
    [CODES.villageA2, '扳倒井村'],
    [CODES.townB, '拐河镇'],
    [CODES.villageB1, '七峰村'],
  ]) {
    await regions.create(ctx, { code, name });
  }
  const organisations = service.app.get(OrganisationsService);
  const org = async (
    type: Parameters<OrganisationsService['create']>[1]['type'],
    name: string,
    regionCode: string,
  ) => (await organisations.create(ctx, { type, name, regionCode })).id;
  const orgs = {
    storeA1: await org('love_supermarket', '砚山铺村爱心超市', CODES.villageA1),
    storeB1: await org('love_supermarket', '七峰村爱心超市', CODES.villageB1),
    collectionA1: await org('collection_point', '砚山铺村收购点', CODES.villageA1),
    workUnit: await org('work_unit', '方城县财政局', CODES.county),
  };

  const users = service.app.get(UsersService);
  const user = (username: string, role: StaffRole, scope: UserScopeInput) =>
    users.create(
      ctx,
      { username, displayName: username, password: PASSWORD, role, scope },
      { mustChangePassword: false },
    );
  await Promise.all([
    user('county', 'county_admin', { kind: 'region', code: CODES.county }),
    user('auditor', 'auditor', { kind: 'region', code: CODES.county }),
    user('town-a', 'town_admin', { kind: 'region', code: CODES.townA }),
    user('town-b', 'town_admin', { kind: 'region', code: CODES.townB }),
    user('village-a1', 'village_admin', { kind: 'region', code: CODES.villageA1 }),
    user('village-a2', 'village_admin', { kind: 'region', code: CODES.villageA2 }),
    user('village-b1', 'village_admin', { kind: 'region', code: CODES.villageB1 }),
    user('keeper-a1', 'store_keeper', { kind: 'organisation', id: orgs.storeA1 }),
    user('keeper-b1', 'store_keeper', { kind: 'organisation', id: orgs.storeB1 }),
    user('buyer', 'buyer', { kind: 'organisation', id: orgs.workUnit }),
  ]);

  const householdsService = service.app.get(HouseholdsService);
  const register = (body: RegisterHouseholdBody) =>
    householdsService.register(ctx, registerHouseholdBodySchema.parse(body));
  const households = {
    a1: await register(
      householdBody({
        householdNumber: 'A1-0001',
        villageCode: CODES.villageA1,
        groupCode: CODES.groupA1,
        pointsCardNumber: 'CARDA1',
      }),
    ),
    a2: await register(
      householdBody({ householdNumber: 'A2-0001', villageCode: CODES.villageA2, pointsCardNumber: 'CARDA2' }),
    ),
    b1: await register(
      householdBody({ householdNumber: 'B1-0001', villageCode: CODES.villageB1, pointsCardNumber: 'CARDB1' }),
    ),
  };
  const pins = service.app.get(HouseholdPinService);
  await pins.setPin(ctx, households.a1.id, '123456');
  await pins.setPin(ctx, households.b1.id, '654321');
  const kioskService = service.app.get(KiosksService);
  const kiosks = {
    a1: (await kioskService.register(ctx, { storeId: orgs.storeA1, name: '一号终端' })).credential,
    b1: (await kioskService.register(ctx, { storeId: orgs.storeB1, name: '一号终端' })).credential,
  };

  const call = async <T>(method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer<T>> => {
    const headers: Record<string, string> = { 'user-agent': 'registry-test', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | FormData | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await fetch(`${service.url}${path}`, { method, headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (a file download): keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  const tokens = new Map<string, string>();
  return {
    service,
    dataSource,
    orgs,
    households,
    kiosks,
    call,
    async token(username) {
      if (!tokens.has(username)) {
        const res = await call<{ accessToken: string }>('POST', '/auth/login', {
          body: { username, password: PASSWORD },
        });
        if (res.status !== 200)
          throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
        tokens.set(username, res.body.accessToken);
      }
      return tokens.get(username)!;
    },
    async count(table, where = 'true', params = []) {
      const [{ n }] = (await dataSource.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
        params,
      )) as Array<{ n: number }>;
      return n;
    },
    stop: () => service.stop(),
  };
}
