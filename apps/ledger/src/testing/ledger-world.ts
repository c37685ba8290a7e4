import { createTestTokenIssuer, type TestTokenIssuer } from '@fupin/auth/testing';
import {
  householdRegisteredV1,
  organisationCreatedV1,
  type PrincipalScope,
  type Role,
} from '@fupin/contracts';
import { applyMessage } from '@fupin/messaging';
import { startServiceForTest, type ServiceUnderTest } from '@fupin/service-kit/testing';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { LedgerConfig } from '../ledger-config';
import { ledgerService } from '../ledger.service';
import { READ_MODEL_CONSUMER, readModelHandlers } from '../read-models/read-model-handlers';

/** Codes of the small test county: town A (villages A1, A2), town B (village B1). */
export const CODES = {
  county: '411322',
  townA: '411322104',
  villageA1: '411322104201',
  villageA2: '411322104202',
  townB: '411322105',
  villageB1: '411322105201',
} as const;

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string | FormData;
  key?: string;
}

/** A ledger on a fresh database with a stub JWKS, registry events fed through the real consumer handlers. */
export interface LedgerWorld {
  service: ServiceUnderTest<LedgerConfig>;
  dataSource: DataSource;
  issuer: TestTokenIssuer;
  call<T = Record<string, unknown>>(method: string, path: string, options?: CallOptions): Promise<Answer<T>>;
  token(role: Role, scope: PrincipalScope, sub?: string): Promise<string>;
  /** Registers a household in the read model, as the registry's event would. */
  household(villageCode: string, headName?: string): Promise<string>;
  /** Registers a love supermarket in the read model. */
  store(villageCode: string, name?: string): Promise<string>;
  kiosk(householdId: string, villageCode: string, storeId: string): Promise<string>;
  count(table: string): Promise<number>;
  stop(): Promise<void>;
}

let offset = 0;
let numberSeq = 0;

/** Feeds one envelope to the read-model consumer, as a Kafka delivery would. */
export async function feed(ds: DataSource, envelope: unknown, topic: string): Promise<void> {
  const outcome = await applyMessage(ds, `ledger.${READ_MODEL_CONSUMER}`, readModelHandlers, {
    topic,
    partition: 0,
    offset: String(offset++),
    value: JSON.stringify(envelope),
    source: 'kafka',
  });
  if (outcome.kind !== 'applied' && outcome.kind !== 'duplicate') throw new Error(JSON.stringify(outcome));
}

export function householdEnvelope(
  id: string,
  villageCode: string,
  headName: string,
  householdNumber: string,
) {
  return householdRegisteredV1.create({
    aggregateId: id,
    payload: {
      householdId: id,
      householdNumber,
      countyCode: villageCode.slice(0, 6),
      townCode: villageCode.slice(0, 9),
      villageCode,
      groupCode: null,
      headName,
      memberCount: 1,
      labour: { full: 1, weak: 0, none: 0 },
      disabledMemberCount: 0,
      bankName: null,
      bankAccountMasked: null,
      pointsCardNumber: null,
      povertyStatus: 'lifted',
      labourClass: null,
      subClass: null,
      version: 1,
    },
  });
}

export async function startLedgerWorld(env: Record<string, string> = {}): Promise<LedgerWorld> {
  const issuer = await createTestTokenIssuer();
  const jwks = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks)),
  );
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  const service = await startServiceForTest(ledgerService, {
    AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    LEDGER_NOTICE_WINDOW_SECONDS: '1',
    ...env,
  });
  const dataSource = service.app.get(DataSource);
  return {
    service,
    dataSource,
    issuer,
    async call<T>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.key) headers['idempotency-key'] = options.key;
      let body: string | FormData | undefined;
      if (options.rawBody !== undefined) {
        body = options.rawBody;
        if (typeof body === 'string') headers['content-type'] = 'application/json';
      } else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
      const res = await fetch(`${service.url}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // CSV and the like stay text.
      }
      return { status: res.status, body: parsed as T };
    },
    token: (role, scope, sub) => issuer.mint({ role, scope, sub: sub ?? `${role}-${randomUUID()}` }),
    async household(villageCode, headName = '王大山') {
      const id = randomUUID();
      numberSeq += 1;
      await feed(
        dataSource,
        householdEnvelope(id, villageCode, headName, `${villageCode}${String(numberSeq).padStart(4, '0')}`),
        'registry.households.v1',
      );
      return id;
    },
    async store(villageCode, name = '爱心超市') {
      const id = randomUUID();
      await feed(
        dataSource,
        organisationCreatedV1.create({
          aggregateId: id,
          payload: {
            organisationId: id,
            type: 'love_supermarket',
            name,
            regionCode: villageCode,
            countyCode: villageCode.slice(0, 6),
            townCode: villageCode.slice(0, 9),
            villageCode,
            active: true,
          },
        }),
        'registry.organisations.v1',
      );
      return id;
    },
    kiosk: (householdId, villageCode, storeId) =>
      issuer.mint({
        sub: `household:${householdId}`,
        role: 'household',
        scope: { kind: 'household', householdId, villageCode, storeId, kioskId: randomUUID() },
      }),
    async count(table) {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      return n;
    },
    async stop() {
      await service.stop();
      jwks.close();
    },
  };
}

/** A fresh Idempotency-Key. */
export const newKey = (): string => `k-${randomUUID()}`;
