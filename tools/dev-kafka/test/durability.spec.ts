import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CompressionTypes, type Kafka } from 'kafkajs';
import { client, fastGroup, testBroker, waitFor, type Broker } from './helpers';

type Msg = { partition: number; offset: string; key: string; value: string; headers: Record<string, string> };

describe('durable storage', () => {
  let dir: string;
  let broker: Broker | undefined;
  // every client is disconnected before its broker stops: a kafkajs consumer left running while
  // its broker goes away enters kafkajs's crash/restart cycle, which a later disconnect can miss
  const clients = new Set<{ disconnect(): Promise<void> }>();
  const track = <T extends { disconnect(): Promise<void> }>(c: T): T => (clients.add(c), c);

  const start = async () => (broker = await testBroker({ inMemory: false, dataDir: dir, fsync: 'interval' }));
  const stop = async () => {
    for (const c of [...clients].reverse()) await c.disconnect().catch(() => undefined);
    clients.clear();
    await broker?.stop();
    broker = undefined;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-kafka-test-'));
  });

  afterAll(async () => {
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function readAll(kafka: Kafka, groupId: string, topic: string, expected: number): Promise<Msg[]> {
    const consumer = track(kafka.consumer({ groupId, ...fastGroup }));
    const out: Msg[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        out.push({
          partition,
          offset: message.offset,
          key: String(message.key),
          value: String(message.value),
          headers,
        });
      },
    });
    await waitFor(`${expected} messages in ${groupId}`, () => out.length >= expected);
    const admin = track(kafka.admin());
    await admin.connect();
    await waitFor('offsets to be committed', async () => {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const latest = await admin.fetchTopicOffsets(topic);
      return latest.every(
        (l) => committed.partitions.find((c) => c.partition === l.partition)?.offset === l.high,
      );
    });
    await admin.disconnect();
    await consumer.disconnect();
    return out.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
  }

  it('keeps topics, acknowledged records and committed offsets across a restart', async () => {
    await start();
    let kafka = client(broker!);
    const admin = track(kafka.admin());
    const producer = track(kafka.producer());
    await Promise.all([admin.connect(), producer.connect()]);
    await admin.createTopics({ topics: [{ topic: 'durable', numPartitions: 3 }] });
    const messages = Array.from({ length: 30 }, (_, i) => ({
      key: `k${i}`,
      value: `v${i}`,
      headers: { n: String(i) },
    }));
    await producer.send({ topic: 'durable', messages: messages.slice(0, 10) });
    await producer.send({
      topic: 'durable',
      messages: messages.slice(10),
      compression: CompressionTypes.GZIP,
    });
    const before = await readAll(kafka, 'durable-group', 'durable', 30);
    const highBefore = await admin.fetchTopicOffsets('durable');
    await Promise.all([admin.disconnect(), producer.disconnect()]);
    await stop();

    await start(); // same data dir, new port
    kafka = client(broker!);
    const admin2 = track(kafka.admin());
    await admin2.connect();
    const meta = await admin2.fetchTopicMetadata({ topics: ['durable'] });
    expect(meta.topics[0].partitions).toHaveLength(3);
    expect(await admin2.fetchTopicOffsets('durable')).toEqual(highBefore);
    const [committed] = await admin2.fetchOffsets({ groupId: 'durable-group', topics: ['durable'] });
    for (const h of highBefore)
      expect(committed.partitions.find((c) => c.partition === h.partition)?.offset).toBe(h.high);

    const after = await readAll(kafka, 'fresh-group', 'durable', 30);
    expect(after).toEqual(before);

    // the old group resumes where it committed: only a new record is delivered
    const consumer = track(kafka.consumer({ groupId: 'durable-group', ...fastGroup }));
    const resumed: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'durable', fromBeginning: true });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.run({ eachMessage: async ({ message }) => void resumed.push(String(message.value)) });
    await waitFor('the consumer to join', () => joined);
    const producer2 = track(kafka.producer());
    await producer2.connect();
    await producer2.send({ topic: 'durable', messages: [{ key: 'k-new', value: 'after-restart' }] });
    await producer2.disconnect();
    await waitFor('the new record', () => resumed.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed).toEqual(['after-restart']);
  });

  it('recovers from a torn write at the end of a partition log and of the offsets file', async () => {
    const kafkaBefore = client(broker!);
    const admin = track(kafkaBefore.admin());
    await admin.connect();
    const high = await admin.fetchTopicOffsets('durable');
    await admin.disconnect();
    await stop();

    // a crash in the middle of appending: half a batch header, half a JSON line
    const log = path.join(dir, 'topics', 'durable', '0.log');
    const size = fs.statSync(log).size;
    expect(size).toBeGreaterThan(0);
    fs.appendFileSync(log, fs.readFileSync(log).subarray(0, 40));
    fs.appendFileSync(path.join(dir, 'offsets.log'), '{"g":"durable-group","t":"dur');

    await start();
    const kafka = client(broker!);
    const admin2 = track(kafka.admin());
    const producer = track(kafka.producer());
    await Promise.all([admin2.connect(), producer.connect()]);
    expect(fs.statSync(log).size).toBe(size);
    expect(await admin2.fetchTopicOffsets('durable')).toEqual(high);
    const [res] = await producer.send({ topic: 'durable', messages: [{ partition: 0, value: 'next' }] });
    expect(res.baseOffset).toBe(high.find((h) => h.partition === 0)?.high);
    const [committed] = await admin2.fetchOffsets({ groupId: 'durable-group', topics: ['durable'] });
    expect(committed.partitions.every((p) => Number(p.offset) > 0)).toBe(true);
  });

  it('refuses to open a data dir that another broker is using', async () => {
    expect(broker).toBeDefined();
    await expect(testBroker({ inMemory: false, dataDir: dir })).rejects.toThrow(/already used|locked/);
  });
});
