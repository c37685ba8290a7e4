/**
 * The real event path on the development broker: a registry household event travels outbox →
 * relay → Kafka → the ledger's `ledger.registry` consumer → read model and points account; an
 * approved sheet's `ledger.points.awarded` and a redemption's `ledger.points.redeemed` leave the
 * ledger's outbox for Kafka. (The registry event is appended to the ledger's own outbox here, so
 * one process exercises both directions; tools/dev covers two real processes.)
 */
import { householdRegisteredV1 } from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { randomUUID } from 'node:crypto';
import { grantPoints } from '../src/testing/grant-points';
import {
  CODES,
  householdEnvelope,
  newKey,
  startLedgerWorld,
  type LedgerWorld,
} from '../src/testing/ledger-world';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startBroker } = require('../../../tools/dev-kafka') as {
  startBroker(options: Record<string, unknown>): Promise<{ brokers: string; stop(): Promise<void> }>;
};

async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('ledger events over the development Kafka broker', () => {
  let broker: { brokers: string; stop(): Promise<void> };
  let w: LedgerWorld;

  beforeAll(async () => {
    broker = await startBroker({ host: '127.0.0.1', port: 0, inMemory: true, logLevel: 'silent' });
    w = await startLedgerWorld({ KAFKA_BROKERS: broker.brokers, KAFKA_TOPIC_PARTITIONS: '2' });
  });
  afterAll(async () => {
    await w?.stop();
    await broker?.stop();
  });

  it('builds the household read model from a registry event delivered by Kafka, and publishes its own events', async () => {
    const id = randomUUID();
    const envelope = householdEnvelope(id, CODES.villageA1, '郑十', 'K-0001');
    await w.dataSource.transaction((m) =>
      publish(m, householdRegisteredV1, { aggregateId: id, id: envelope.id, payload: envelope.payload }),
    );
    const account = await eventually('the household account', async () => {
      const [row] = await w.dataSource.query(`SELECT id FROM account WHERE household_id = $1`, [id]);
      return row;
    });
    expect(account.id).toBeDefined();
    const [inbox] = await w.dataSource.query(`SELECT consumer FROM inbox WHERE event_id = $1`, [envelope.id]);
    expect(inbox.consumer).toBe('ledger.registry');

    const store = await w.store(CODES.villageA1);
    const keeper = await w.token('store_keeper', {
      kind: 'organisation',
      id: store,
      orgType: 'love_supermarket',
      regionCode: CODES.villageA1,
    });
    const goods = await w.call<{ id: string }>('POST', `/stores/${store}/goods`, {
      token: keeper,
      body: { name: '洗衣粉', unit: '袋', pricePoints: 2 },
    });
    await w.call('POST', `/stores/${store}/donations`, {
      token: keeper,
      key: newKey(),
      body: {
        donorName: '爱心人士',
        lines: [{ goodsId: goods.body.id, quantity: 3, declaredValueFen: 1500 }],
      },
    });
    await grantPoints(w.dataSource, id, CODES.villageA1, 4);
    const redeemed = await w.call('POST', '/redemptions', {
      token: await w.kiosk(id, CODES.villageA1, store),
      key: newKey(),
      body: { lines: [{ goodsId: goods.body.id, quantity: 2 }] },
    });
    expect(redeemed.status).toBe(201);
    const sent = await eventually('the ledger events on Kafka', async () => {
      const rows = await w.dataSource.query(
        `SELECT event_type FROM outbox WHERE topic LIKE 'ledger.%' AND published_at IS NOT NULL ORDER BY id`,
      );
      return rows.length >= 2 ? rows : undefined;
    });
    expect(sent.map((r: { event_type: string }) => r.event_type)).toEqual([
      'ledger.stock.donationReceived',
      'ledger.points.redeemed',
    ]);
  });
});
