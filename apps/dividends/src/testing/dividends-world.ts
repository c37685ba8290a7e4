import { createTestTokenIssuer, type TestTokenIssuer } from '@fupin/auth/testing';
import {
  householdRegisteredV1,
  organisationCreatedV1,
  TOPICS,
  type HouseholdSnapshot,
  type OrganisationType,
  type PrincipalScope,
  type Role,
} from '@fupin/contracts';
import { applyMessage } from '@fupin/messaging';
import { startServiceForTest, type ServiceUnderTest } from '@fupin/service-kit/testing';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { dividendsService } from '../dividends.service';
import { registryConsumer } from '../read-models/registry-consumer';

export const CODES = {
  county: '411322',
  townA: '411322104',
  villageA1: '411322104201',
  townB: '411322105',
  villageB1: '411322105201',
} as const;

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

type Who = 'accountantA' | 'accountantB' | 'pvAccountant' | 'villageA1' | 'villageB1' | 'county' | 'auditor';

/** A dividends service on a fresh database, a stub registry (JWKS + events) and tokens for every role. */
export interface DividendsWorld {
  service: ServiceUnderTest<unknown>;
  dataSource: DataSource;
  orgs: { coopA: string; coopB: string; pvA1: string };
  /** Households by name; a1..a4 in village A1, b1 in village B1. */
  households: Record<'a1' | 'a2' | 'a3' | 'a4' | 'b1', string>;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { who?: Who; body?: unknown; key?: string; token?: string; form?: FormData },
  ): Promise<Answer<T>>;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  /** Moves the service's clock forward (closes notice periods without waiting). */
  advanceDays(days: number): void;
  registerHousehold(overrides: Partial<HouseholdSnapshot>): Promise<string>;
  stop(): Promise<void>;
}

let offset = 0;

async function feed(dataSource: DataSource, envelope: { aggregateId: string }, topic: string): Promise<void> {
  const outcome = await applyMessage(dataSource, 'dividends.registry', registryConsumer().handlers, {
    value: JSON.stringify(envelope),
    topic,
    partition: 0,
    offset: String(offset++),
    source: 'kafka',
  });
  if (outcome.kind !== 'applied') throw new Error(`registry event not applied: ${JSON.stringify(outcome)}`);
}

export async function startDividendsWorld(): Promise<DividendsWorld> {
  const issuer: TestTokenIssuer = await createTestTokenIssuer();
  const jwks = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks)),
  );
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  const service = (await startServiceForTest(dividendsService, {
    AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
  })) as ServiceUnderTest<unknown>;
  const dataSource = service.app.get(DataSource);
  let shiftMs = 0;
  const clock = service.app.get(Clock);
  clock.now = () => new Date(Date.now() + shiftMs);

  const org = async (type: OrganisationType, name: string, villageCode: string) => {
    const id = randomUUID();
    const envelope = organisationCreatedV1.create({
      aggregateId: id,
      payload: {
        organisationId: id,
        type,
        name,
        regionCode: villageCode,
        countyCode: villageCode.slice(0, 6),
        townCode: villageCode.slice(0, 9),
        villageCode,
        active: true,
      },
    });
    await feed(dataSource, envelope, TOPICS.registryOrganisations);
    return id;
  };
  const orgs = {
    coopA: await org('cooperative', '砚山铺村光荣合作社', CODES.villageA1),
    coopB: await org('cooperative', '七峰村光荣合作社', CODES.villageB1),
    pvA1: await org('pv_station', '砚山铺村光伏电站', CODES.villageA1),
  };

  let serial = 0;
  const registerHousehold = async (overrides: Partial<HouseholdSnapshot>) => {
    const id = randomUUID();
    serial++;
    const villageCode = overrides.villageCode ?? CODES.villageA1;
    const payload: HouseholdSnapshot = {
      householdId: id,
      householdNumber: `H-${String(serial).padStart(4, '0')}`,
      countyCode: villageCode.slice(0, 6),
      townCode: villageCode.slice(0, 9),
      villageCode,
      groupCode: null,
      headName: '王建国',
      memberCount: 3,
      labour: { full: 2, weak: 1, none: 0 },
      disabledMemberCount: 0,
      bankName: '方城县农村信用社',
      bankAccountMasked: `6230****${String(1000 + serial)}`,
      pointsCardNumber: null,
      povertyStatus: 'lifted',
      labourClass: 'able',
      subClass: 'assured',
      version: 1,
      ...overrides,
    };
    payload.householdId = id;
    await feed(
      dataSource,
      householdRegisteredV1.create({ aggregateId: id, payload }),
      TOPICS.registryHouseholds,
    );
    return id;
  };
  const households = {
    a1: await registerHousehold({ headName: '王建国' }),
    a2: await registerHousehold({ headName: '李秀英', memberCount: 2 }),
    a3: await registerHousehold({
      headName: '张德明',
      labourClass: 'none',
      subClass: 'dibao',
      povertyStatus: 'monitored',
    }),
    a4: await registerHousehold({ headName: '赵桂兰', labourClass: 'none', subClass: 'destitute' }),
    b1: await registerHousehold({ headName: '刘长顺', villageCode: CODES.villageB1 }),
  };

  const scopes: Record<Who, { role: Role; scope: PrincipalScope }> = {
    accountantA: {
      role: 'coop_accountant',
      scope: { kind: 'organisation', id: orgs.coopA, orgType: 'cooperative', regionCode: CODES.villageA1 },
    },
    accountantB: {
      role: 'coop_accountant',
      scope: { kind: 'organisation', id: orgs.coopB, orgType: 'cooperative', regionCode: CODES.villageB1 },
    },
    pvAccountant: {
      role: 'coop_accountant',
      scope: { kind: 'organisation', id: orgs.pvA1, orgType: 'pv_station', regionCode: CODES.villageA1 },
    },
    villageA1: { role: 'village_admin', scope: { kind: 'region', code: CODES.villageA1 } },
    villageB1: { role: 'village_admin', scope: { kind: 'region', code: CODES.villageB1 } },
    county: { role: 'county_admin', scope: { kind: 'region', code: CODES.county } },
    auditor: { role: 'auditor', scope: { kind: 'region', code: CODES.county } },
  };
  const tokens = new Map<Who, string>();
  for (const [who, s] of Object.entries(scopes) as Array<[Who, (typeof scopes)[Who]]>)
    tokens.set(who, await issuer.mint({ sub: `user-${who}`, role: s.role, scope: s.scope }));

  return {
    service,
    dataSource,
    orgs,
    households,
    async call<T>(
      method: string,
      path: string,
      options: { who?: Who; body?: unknown; key?: string; token?: string; form?: FormData } = {},
    ) {
      const headers: Record<string, string> = {};
      const token = options.token ?? (options.who ? tokens.get(options.who) : undefined);
      if (token) headers.authorization = `Bearer ${token}`;
      if (options.key) headers['idempotency-key'] = options.key;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${service.url}${path}`, {
        method,
        headers,
        body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // a file download: keep the text
      }
      return { status: res.status, body: body as T, text, headers: res.headers };
    },
    async count(table, where = 'true', params = []) {
      const [{ n }] = (await dataSource.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
        params,
      )) as Array<{
        n: number;
      }>;
      return n;
    },
    advanceDays(days) {
      shiftMs += days * 86_400_000;
    },
    registerHousehold,
    async stop() {
      await service.stop();
      jwks.close();
    },
  };
}

/** Today's date (UTC) as the service's clock sees it, shifted by whole days. */
export function dateAfter(days: number): string {
  // China's calendar day, as the village dates its meeting
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}
