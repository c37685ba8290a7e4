import { defineEvent, TOPICS } from '@fupin/contracts';
import { createDataSource } from '@fupin/persistence';
import { createTestDatabase, TestDatabase } from '@fupin/persistence/testing';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { z } from 'zod';
import { createMessagingTables } from '../src';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startBroker } = require('../../../tools/dev-kafka') as {
  startBroker(
    options: Record<string, unknown>,
  ): Promise<{ brokers: string; port: number; stop(): Promise<void> }>;
};

export type Broker = Awaited<ReturnType<typeof startBroker>>;

/** Starts the dev broker; pass a port and a data dir to restart "the same" broker. */
export function broker(options: { port?: number; dataDir?: string } = {}): Promise<Broker> {
  return startBroker({
    host: '127.0.0.1',
    port: options.port ?? 0,
    ...(options.dataDir ? { dataDir: options.dataDir } : { inMemory: true }),
    logLevel: 'silent',
  });
}

/** A test-only event: a counter increment for one account, so effects are easy to count. */
export const creditV1 = defineEvent({
  type: 'test.account.credited',
  version: 1,
  aggregateType: 'account',
  topic: TOPICS.platformTest,
  payload: z.object({ amount: z.int().positive(), sequence: z.int().min(0) }),
});

class TestTables1700000000000 implements MigrationInterface {
  name = 'TestTables1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner);
    await runner.query(
      `CREATE TABLE account (id text PRIMARY KEY, balance integer NOT NULL DEFAULT 0, last_sequence integer NOT NULL DEFAULT -1)`,
    );
    await runner.query(
      `CREATE TABLE credit (event_id uuid PRIMARY KEY, account text NOT NULL, sequence integer NOT NULL)`,
    );
  }
  async down(): Promise<void> {}
}

/** A database with the messaging tables and a toy `account` table, as a service would have. */
export async function serviceDatabase(
  prefix: string,
): Promise<{ db: TestDatabase; ds: DataSource; close(): Promise<void> }> {
  const db = await createTestDatabase(prefix);
  const ds = createDataSource({
    url: db.url,
    entities: [],
    migrations: [TestTables1700000000000],
    poolSize: 5,
  });
  await ds.initialize();
  await ds.runMigrations();
  return {
    db,
    ds,
    async close() {
      await ds.destroy();
      await db.drop();
    },
  };
}

export function kafkaClient(brokers: string): Kafka {
  return new Kafka({ clientId: 'messaging-test', brokers: [brokers], logLevel: logLevel.NOTHING });
}

export function rawProducer(kafka: Kafka) {
  return kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
}

export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
