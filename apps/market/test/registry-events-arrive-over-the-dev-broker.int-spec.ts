/**
 * The real path, no shortcuts: a registry-shaped service publishes organisation and household
 * events through its outbox and relay to the dev Kafka broker; the market's consumer groups build
 * the network read model from them, and the market's own events (produce procured) leave through
 * its relay to Kafka.
 */
import { createTestTokenIssuer } from '@fupin/auth/testing';
import { householdRegisteredV1, organisationCreatedV1, produceProcuredV1, TOPICS } from '@fupin/contracts';
import { createMessagingTables, publish } from '@fupin/messaging';
import { baseConfigSchema, type ServiceDefinition } from '@fupin/service-kit';
import { startServiceForTest, type ServiceUnderTest } from '@fupin/service-kit/testing';
import { createAuditLogTable } from '@fupin/persistence';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { MarketConfig } from '../src/market-config';
import { marketService } from '../src/market.service';
import { householdEvent, organisationEvent, VILLAGE } from './market-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startBroker } = require('../../../tools/dev-kafka') as {
  startBroker(options: Record<string, unknown>): Promise<{ brokers: string; stop(): Promise<void> }>;
};

class RegistryStubTables1700000000001 implements MigrationInterface {
  name = 'RegistryStubTables1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    await createAuditLogTable(runner);
    await createMessagingTables(runner);
  }
  async down(): Promise<void> {}
}

/** Stands in for the registry: nothing but an outbox whose relay publishes the registry's topics. */
const registryStub: ServiceDefinition<typeof baseConfigSchema> = {
  name: 'registrystub',
  title: 'Registry stub',
  description: 'Publishes registry events for the market to consume',
  configSchema: baseConfigSchema,
  entities: [],
  migrations: [RegistryStubTables1700000000001],
  producedTopics: [TOPICS.registryOrganisations, TOPICS.registryHouseholds],
  modules: () => [],
};

async function eventually<T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('registry events reach the market over the dev Kafka broker', () => {
  let broker: { brokers: string; stop(): Promise<void> };
  let registry: ServiceUnderTest<unknown>;
  let market: ServiceUnderTest<MarketConfig>;
  let jwks: http.Server;

  beforeAll(async () => {
    broker = await startBroker({ host: '127.0.0.1', port: 0, inMemory: true, logLevel: 'silent' });
    const issuer = await createTestTokenIssuer();
    jwks = http.createServer((_req, res) => res.writeHead(200).end(JSON.stringify(issuer.jwks)));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const env = {
      KAFKA_BROKERS: broker.brokers,
      KAFKA_TOPIC_PARTITIONS: '2',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
    };
    registry = await startServiceForTest(registryStub, env);
    market = await startServiceForTest(marketService, { ...env, MARKET_SWEEP_INTERVAL_MS: '0' });
  });

  afterAll(async () => {
    await market?.stop();
    await registry?.stop();
    await broker?.stop();
    jwks?.close();
  });

  it('builds the network read model from the registry topics, exactly once', async () => {
    const point = randomUUID();
    const household = randomUUID();
    const registryDs = registry.app.get(DataSource);
    const org = organisationEvent(point, 'collection_point', '大王庄村收购点', VILLAGE).envelope;
    const hh = householdEvent(household, VILLAGE, '王建国', 7).envelope;
    await registryDs.transaction(async (manager) => {
      await publish(manager, organisationCreatedV1, {
        aggregateId: org.aggregateId,
        id: org.id,
        payload: org.payload,
      });
      await publish(manager, householdRegisteredV1, {
        aggregateId: hh.aggregateId,
        id: hh.id,
        payload: hh.payload,
      });
    });
    const marketDs = market.app.get(DataSource);
    const seen = await eventually(async () => {
      const [row] = await marketDs.query('SELECT name, type FROM network_organisation WHERE id = $1', [
        point,
      ]);
      return row;
    });
    expect(seen).toEqual({ name: '大王庄村收购点', type: 'collection_point' });
    const kept = await eventually(async () => {
      const [row] = await marketDs.query('SELECT head_name FROM network_household WHERE id = $1', [
        household,
      ]);
      return row;
    });
    expect(kept.head_name).toBe('王建国');
    const inbox = await marketDs.query(
      `SELECT consumer FROM inbox WHERE consumer LIKE 'market.%' ORDER BY consumer`,
    );
    expect(inbox.map((r: { consumer: string }) => r.consumer)).toEqual([
      'market.households',
      'market.organisations',
    ]);
  });

  it('relays the market’s own events to Kafka', async () => {
    const marketDs = market.app.get(DataSource);
    const lotId = randomUUID();
    await marketDs.transaction((manager) =>
      publish(manager, produceProcuredV1, {
        aggregateId: lotId,
        payload: {
          purchaseId: randomUUID(),
          lotId,
          traceCode: 'FP1',
          householdId: randomUUID(),
          villageCode: VILLAGE,
          collectionPointId: randomUUID(),
          produce: '花生',
          grade: 'first',
          weightGrams: 1000,
          unitPriceFenPerKg: 800,
          amountFen: 800,
          weighSlipNumber: 'WS-1',
          procuredAt: new Date().toISOString(),
        },
      }),
    );
    const published = await eventually(async () => {
      const [row] = await marketDs.query('SELECT published_at FROM outbox WHERE message_key = $1', [lotId]);
      return row?.published_at ? row : undefined;
    });
    expect(published.published_at).toBeTruthy();
  });
});
