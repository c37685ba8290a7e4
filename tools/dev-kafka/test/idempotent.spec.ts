import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import { PartitionLog } from '../lib/partition-log';
import { encodeBatch, readHeader } from '../lib/record-batch';
import { client, testBroker, waitFor, type Broker } from './helpers';

const OUT_OF_ORDER_SEQUENCE_NUMBER = 45;
const INVALID_PRODUCER_EPOCH = 47;

describe('idempotent producer', () => {
  let broker: Broker;
  let kafka: Kafka;
  let admin: Admin;
  const producers: Producer[] = [];
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    broker = await testBroker();
    kafka = client(broker);
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await Promise.all(producers.map((p) => p.disconnect()));
    await admin?.disconnect();
    await broker?.stop();
  });

  it('gets a producer id and delivers every record exactly once', async () => {
    const topic = 'idempotent';
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    producers.push(producer);
    const requests: string[] = [];
    producer.on(producer.events.REQUEST, ({ payload }) => void requests.push(payload.apiName));
    await producer.connect();
    for (let batch = 0; batch < 10; batch++) {
      const messages = Array.from({ length: 5 }, (_, i) => ({
        key: `k${batch}-${i}`,
        value: `${batch * 5 + i}`,
      }));
      const res = await producer.send({ topic, messages, acks: -1 });
      expect(res.every((r) => r.errorCode === 0)).toBe(true);
    }
    expect(requests).toContain('InitProducerId');
    // a second idempotent producer gets its own id and sequences start again at 0
    const other = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    producers.push(other);
    await other.connect();
    await other.send({ topic, messages: [{ key: 'k0-0', value: 'other' }] });

    consumer = kafka.consumer({ groupId: 'idempotent-group', maxWaitTimeInMs: 100 });
    const values: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void values.push(String(message.value)) });
    await waitFor('51 messages', () => values.length >= 51);
    await new Promise((r) => setTimeout(r, 200));
    expect(values.sort()).toEqual([...Array.from({ length: 50 }, (_, i) => String(i)), 'other'].sort());
  });

  it('deduplicates a retried batch and rejects sequence gaps and stale epochs', () => {
    const log = new PartitionLog({ file: null });
    const batch = (seq: number, count: number, epoch = 0) =>
      encodeBatch({
        records: Array.from({ length: count }, (_, i) => ({ value: `v${seq + i}` })),
        producerId: 7,
        producerEpoch: epoch,
        baseSequence: seq,
      });

    expect(log.append([batch(0, 3)])).toEqual({ error: 0, baseOffset: 0 });
    expect(log.append([batch(3, 2)])).toEqual({ error: 0, baseOffset: 3 });
    // the same batch again (a retry after a lost response) is acknowledged with its original offset
    expect(log.append([batch(3, 2)])).toEqual({ error: 0, baseOffset: 3 });
    expect(log.nextOffset).toBe(5);
    expect(log.append([batch(9, 1)]).error).toBe(OUT_OF_ORDER_SEQUENCE_NUMBER);
    // a new epoch restarts sequences at 0 and fences the old epoch
    expect(log.append([batch(0, 1, 1)])).toEqual({ error: 0, baseOffset: 5 });
    expect(log.append([batch(5, 1, 0)]).error).toBe(INVALID_PRODUCER_EPOCH);
    // non-idempotent batches are never checked
    expect(log.append([encodeBatch({ records: [{ value: 'plain' }] })]).error).toBe(0);
    expect(log.nextOffset).toBe(7);
    expect(readHeader(log.read(0, 1 << 20)[0]).producerId).toBe(7);
  });
});
