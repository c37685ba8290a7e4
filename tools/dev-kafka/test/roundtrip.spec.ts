import { CompressionTypes, type Admin, type Consumer, type Kafka, type Producer } from 'kafkajs';
import { client, testBroker, waitFor, type Broker } from './helpers';

describe('kafkajs round trip', () => {
  let broker: Broker;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    broker = await testBroker({ defaultPartitions: 2 });
    kafka = client(broker);
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect()));
    await Promise.all([admin?.disconnect(), producer?.disconnect()]);
    await broker?.stop();
  });

  it('creates, lists and deletes topics', async () => {
    expect(
      await admin.createTopics({ topics: [{ topic: 'admin-a', numPartitions: 3 }, { topic: 'admin-b' }] }),
    ).toBe(true);
    // creating an existing topic is reported as "not created", not as an error
    expect(await admin.createTopics({ topics: [{ topic: 'admin-a', numPartitions: 3 }] })).toBe(false);
    expect((await admin.listTopics()).sort()).toEqual(expect.arrayContaining(['admin-a', 'admin-b']));

    const meta = await admin.fetchTopicMetadata({ topics: ['admin-a', 'admin-b'] });
    const partitions = Object.fromEntries(meta.topics.map((t) => [t.name, t.partitions.length]));
    expect(partitions).toEqual({ 'admin-a': 3, 'admin-b': 2 }); // admin-b got defaultPartitions

    const invalid = await admin
      .createTopics({ topics: [{ topic: 'bad name!' }] })
      .catch((e: { errors?: { type: string }[] }) => e);
    expect(invalid).toEqual(
      expect.objectContaining({ errors: [expect.objectContaining({ type: 'INVALID_TOPIC_EXCEPTION' })] }),
    );

    await admin.deleteTopics({ topics: ['admin-b'] });
    expect(await admin.listTopics()).not.toContain('admin-b');
  });

  it('delivers keys, values and headers across partitions, with and without gzip', async () => {
    const topic = 'round-trip';
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    const messages = Array.from({ length: 40 }, (_, i) => ({
      key: `key-${i}`,
      value: `value-${i}-${'x'.repeat(i * 10)}`,
      headers: { 'trace-id': `t-${i}`, source: 'test' },
    }));
    await producer.send({ topic, messages: messages.slice(0, 20) });
    await producer.send({ topic, compression: CompressionTypes.GZIP, messages: messages.slice(20) });
    await producer.send({ topic, messages: [{ key: null, value: null }] }); // tombstone with null key

    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets).toHaveLength(4);
    expect(offsets.reduce((n, p) => n + Number(p.high), 0)).toBe(41);
    expect(offsets.every((p) => p.low === '0')).toBe(true);
    expect(offsets.filter((p) => Number(p.high) > 0).length).toBeGreaterThan(1); // keys spread over partitions

    const consumer = kafka.consumer({ groupId: 'round-trip-group', maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    const seen: {
      partition: number;
      key: string | null;
      value: string | null;
      headers: Record<string, string>;
    }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        seen.push({
          partition,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers,
        });
      },
    });
    await waitFor('41 messages', () => seen.length >= 41);
    expect(seen).toHaveLength(41);

    for (const m of messages) {
      const got = seen.find((s) => s.key === m.key);
      expect(got).toEqual(expect.objectContaining({ value: m.value, headers: m.headers }));
    }
    expect(seen.find((s) => s.key === null)).toEqual(expect.objectContaining({ value: null }));
    // the same key always lands in the same partition (the producer's murmur2 partitioner)
    const again = await producer.send({ topic, messages: [{ key: 'key-7', value: 'again' }] });
    expect(again[0].partition).toBe(seen.find((s) => s.key === 'key-7')?.partition);
    await waitFor('the extra message', () => seen.some((s) => s.value === 'again'));

    await waitFor('committed offsets', async () => {
      const committed = await admin.fetchOffsets({ groupId: 'round-trip-group', topics: [topic] });
      const latest = await admin.fetchTopicOffsets(topic);
      return latest.every(
        (l) => committed[0].partitions.find((c) => c.partition === l.partition)?.offset === l.high,
      );
    });
    const groups = await admin.listGroups();
    expect(groups.groups.map((g) => g.groupId)).toContain('round-trip-group');
  });

  it('auto-creates topics on produce and resolves offsets by timestamp', async () => {
    const before = Date.now();
    const old = String(before - 10_000);
    await producer.send({ topic: 'auto-created', messages: [{ partition: 1, value: 'a', timestamp: old }] });
    await producer.send({
      topic: 'auto-created',
      messages: [{ partition: 1, value: 'b', timestamp: String(before) }],
    });
    await producer.send({
      topic: 'auto-created',
      messages: [{ partition: 1, value: 'c', timestamp: String(before + 5) }],
    });
    expect(await admin.listTopics()).toContain('auto-created');
    expect(await admin.fetchTopicOffsets('auto-created')).toEqual([
      expect.objectContaining({ partition: 0, high: '0', low: '0' }),
      expect.objectContaining({ partition: 1, high: '3', low: '0' }),
    ]);
    const byTime = await admin.fetchTopicOffsetsByTimestamp('auto-created', before - 1);
    expect(byTime.find((p) => p.partition === 1)?.offset).toBe('1');
    const fromOld = await admin.fetchTopicOffsetsByTimestamp('auto-created', before - 20_000);
    expect(fromOld.find((p) => p.partition === 1)?.offset).toBe('0');
  });

  it('adds partitions and deletes consumer groups', async () => {
    await admin.createTopics({ topics: [{ topic: 'grow', numPartitions: 1 }] });
    await admin.createPartitions({ topicPartitions: [{ topic: 'grow', count: 3 }] });
    const [grown] = (await admin.fetchTopicMetadata({ topics: ['grow'] })).topics;
    expect(grown.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
    const [res] = await producer.send({
      topic: 'grow',
      messages: [{ partition: 2, value: 'in new partition' }],
    });
    expect(res).toEqual(expect.objectContaining({ partition: 2, baseOffset: '0' }));

    const consumer = kafka.consumer({ groupId: 'to-delete', maxWaitTimeInMs: 50 });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.connect();
    await consumer.subscribe({ topic: 'grow' });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    await waitFor('the group to form', () => joined);
    await consumer.commitOffsets([{ topic: 'grow', partition: 2, offset: '1' }]);
    await expect(admin.deleteGroups(['to-delete'])).rejects.toThrow(); // NON_EMPTY_GROUP while a member is in
    await consumer.disconnect();
    const [described] = (await admin.describeGroups(['to-delete'])).groups;
    expect(described.state).toBe('Empty');
    const [committed] = await admin.fetchOffsets({ groupId: 'to-delete', topics: ['grow'] });
    expect(committed.partitions.find((p) => p.partition === 2)?.offset).toBe('1');
    await admin.deleteGroups(['to-delete']);
    expect((await admin.describeGroups(['to-delete'])).groups[0].state).toBe('Dead');
    const [afterDelete] = await admin.fetchOffsets({ groupId: 'to-delete', topics: ['grow'] });
    expect(afterDelete.partitions.every((p) => p.offset === '-1')).toBe(true);
  });

  it('wakes a waiting consumer as soon as a record is produced', async () => {
    const topic = 'long-poll';
    await admin.createTopics({ topics: [{ topic }] });
    const consumer = kafka.consumer({ groupId: 'long-poll-group', maxWaitTimeInMs: 10_000 });
    consumers.push(consumer);
    const received: number[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic });
    let ready = false;
    consumer.on(consumer.events.FETCH_START, () => (ready = true));
    await consumer.run({ eachMessage: async () => void received.push(Date.now()) });
    await waitFor('consumer to start fetching', () => ready);
    await new Promise((r) => setTimeout(r, 300)); // the fetch is now parked in the broker
    const sent = Date.now();
    await producer.send({ topic, messages: [{ value: 'ping' }] });
    await waitFor('the record', () => received.length === 1, 5000);
    // far below the 10 s fetch wait: the append woke the parked fetch
    expect(received[0] - sent).toBeLessThan(2000);
  });
});
