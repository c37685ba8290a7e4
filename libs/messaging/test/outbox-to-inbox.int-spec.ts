/**
 * Outbox → dev broker → inbox, with the failures that happen in real life: a rolled-back
 * transaction, a broker that goes away and comes back, duplicate deliveries, malformed
 * messages and a handler that keeps failing. Each effect must happen exactly once.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Registry } from 'prom-client';
import { EventConsumer, MessagingMetrics, onEvent, OutboxRelay, publish } from '../src';
import {
  broker,
  Broker,
  creditV1,
  eventually,
  kafkaClient,
  rawProducer,
  serviceDatabase,
} from './messaging-harness';

jest.setTimeout(90_000);

type Db = Awaited<ReturnType<typeof serviceDatabase>>;

describe('outbox to inbox through the dev broker', () => {
  let dataDir: string;
  let kafkaBroker: Broker;
  let producerDb: Db;
  let consumerDb: Db;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  let failing = false;
  const metrics = new MessagingMetrics(new Registry());

  const credit = onEvent(creditV1, async (manager, event) => {
    if (failing && event.aggregateId === 'acct-failing') throw new Error('simulated handler failure');
    await manager.query(`INSERT INTO credit (event_id, account, sequence) VALUES ($1, $2, $3)`, [
      event.id,
      event.aggregateId,
      event.payload.sequence,
    ]);
    await manager.query(
      `INSERT INTO account (id, balance, last_sequence) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET balance = account.balance + EXCLUDED.balance,
         last_sequence = GREATEST(account.last_sequence, EXCLUDED.last_sequence)`,
      [event.aggregateId, event.payload.amount, event.payload.sequence],
    );
  });

  async function publishCredits(account: string, from: number, count: number, amount = 1): Promise<string[]> {
    return producerDb.ds.transaction(async (manager) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        ids.push(
          (
            await publish(manager, creditV1, {
              aggregateId: account,
              payload: { amount, sequence: from + i },
            })
          ).id,
        );
      }
      return ids;
    });
  }

  const balance = async (account: string): Promise<number> => {
    const rows = await consumerDb.ds.query(`SELECT balance FROM account WHERE id = $1`, [account]);
    return rows[0]?.balance ?? 0;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-messaging-'));
    kafkaBroker = await broker({ dataDir });
    producerDb = await serviceDatabase('producer');
    consumerDb = await serviceDatabase('consumer');
    const kafka = kafkaClient(kafkaBroker.brokers);
    relay = new OutboxRelay({
      dataSource: producerDb.ds,
      kafka,
      service: 'producer',
      metrics,
      sweepIntervalMs: 1_000,
      maxBackoffMs: 500,
    });
    relay.start();
    consumer = new EventConsumer({
      dataSource: consumerDb.ds,
      kafka,
      name: 'consumer.test',
      topics: [creditV1.topic],
      handlers: [credit],
      metrics,
      maxAttempts: 3,
      retryDelayMs: 20,
      sessionTimeoutMs: 6_000,
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await kafkaBroker?.stop();
    await producerDb?.close();
    await consumerDb?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers committed events once and in order per aggregate', async () => {
    await publishCredits('acct-order', 0, 50);
    await eventually('50 credits', async () => (await balance('acct-order')) === 50);
    const rows = await consumerDb.ds.query(
      `SELECT sequence FROM credit WHERE account = 'acct-order' ORDER BY sequence`,
    );
    expect(rows.map((r: { sequence: number }) => r.sequence)).toEqual([...Array(50).keys()]);
    const unsent = await producerDb.ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
    );
    expect(unsent[0].n).toBe(0);
  });

  it('never publishes an event whose transaction rolled back', async () => {
    await expect(
      producerDb.ds.transaction(async (manager) => {
        await publish(manager, creditV1, {
          aggregateId: 'acct-rollback',
          payload: { amount: 7, sequence: 0 },
        });
        throw new Error('business rule failed after publishing');
      }),
    ).rejects.toThrow('business rule failed');
    await publishCredits('acct-rollback-marker', 0, 1);
    await eventually('the marker', async () => (await balance('acct-rollback-marker')) === 1);
    expect(await balance('acct-rollback')).toBe(0);
  });

  it('refuses to publish outside a transaction', async () => {
    const manager = producerDb.ds.manager;
    await expect(
      publish(manager, creditV1, { aggregateId: 'x', payload: { amount: 1, sequence: 0 } }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('applies a redelivered event once', async () => {
    const [id] = await publishCredits('acct-dup', 0, 1, 5);
    await eventually('first delivery', async () => (await balance('acct-dup')) === 5);
    const [row] = await producerDb.ds.query(
      `SELECT envelope::text AS envelope FROM outbox WHERE event_id = $1`,
      [id],
    );
    const producer = rawProducer(kafkaClient(kafkaBroker.brokers));
    await producer.connect();
    for (let i = 0; i < 3; i++) {
      await producer.send({ topic: creditV1.topic, messages: [{ key: 'acct-dup', value: row.envelope }] });
    }
    // A later event proves the duplicates were behind us in the partition, not still in flight.
    await publishCredits('acct-dup', 1, 1, 1);
    await eventually('the later event', async () => (await balance('acct-dup')) === 6);
    await producer.disconnect();
    const credits = await consumerDb.ds.query(`SELECT count(*)::int AS n FROM credit WHERE event_id = $1`, [
      id,
    ]);
    expect(credits[0].n).toBe(1);
  });

  it('sets malformed messages aside without blocking the partition', async () => {
    const producer = rawProducer(kafkaClient(kafkaBroker.brokers));
    await producer.connect();
    await producer.send({
      topic: creditV1.topic,
      messages: [
        { key: 'acct-bad', value: 'this is not json' },
        { key: 'acct-bad', value: JSON.stringify({ id: 'nope', type: 'test.account.credited' }) },
        { key: 'acct-bad', value: Buffer.from([0xff, 0x00, 0xfe]) },
      ],
    });
    await producer.disconnect();
    await publishCredits('acct-bad', 0, 1, 3);
    await eventually('the valid event behind the bad ones', async () => (await balance('acct-bad')) === 3);
    const letters = await consumerDb.ds.query(
      `SELECT reason, error FROM dead_letter WHERE message_key = 'acct-bad' ORDER BY id`,
    );
    expect(letters).toHaveLength(3);
    expect(letters.every((l: { reason: string }) => l.reason === 'invalid')).toBe(true);
    expect(letters[0].error).toMatch(/not JSON/);
  });

  it('dead-letters an event whose handler keeps failing, and a replay applies it once', async () => {
    failing = true;
    const [id] = await publishCredits('acct-failing', 0, 1, 9);
    const letter = await eventually('a dead letter', async () => {
      const rows = await consumerDb.ds.query(
        `SELECT id::text, reason, attempts FROM dead_letter WHERE event_id = $1`,
        [id],
      );
      return rows[0];
    });
    expect(letter).toMatchObject({ reason: 'failed', attempts: 3 });
    expect(await balance('acct-failing')).toBe(0);
    // The partition moved on: a later event for another account is applied.
    await publishCredits('acct-after-failing', 0, 1, 2);
    await eventually(
      'the event behind the failing one',
      async () => (await balance('acct-after-failing')) === 2,
    );

    failing = false; // the cause is fixed
    const { DeadLetterService } = await import('../src');
    const service = new DeadLetterService(consumerDb.ds, new Map([['consumer.test', [credit]]]));
    const first = await service.replay(letter.id, 'county-admin-1');
    expect(first?.outcome).toBe('applied');
    expect(first?.deadLetter.status).toBe('replayed');
    const second = await service.replay(letter.id, 'county-admin-1');
    expect(second?.outcome).toBe('still-failing');
    expect(await balance('acct-failing')).toBe(9);
  });

  it('keeps events in the outbox while the broker is down and delivers them after it restarts', async () => {
    const port = kafkaBroker.port;
    await kafkaBroker.stop();
    await publishCredits('acct-outage', 0, 20);
    await new Promise((r) => setTimeout(r, 1_000));
    const waiting = await producerDb.ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
    );
    expect(waiting[0].n).toBe(20);
    kafkaBroker = await broker({ port, dataDir });
    await eventually('delivery after the restart', async () => (await balance('acct-outage')) === 20, 60_000);
    const counts = await consumerDb.ds.query(
      `SELECT count(*)::int AS n FROM credit WHERE account = 'acct-outage'`,
    );
    expect(counts[0].n).toBe(20);
  });
});
