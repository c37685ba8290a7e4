import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import { client, fastGroup, testBroker, waitFor, type Broker } from './helpers';

type Seen = { member: string; partition: number; offset: number; value: string };

describe('consumer group rebalancing', () => {
  let broker: Broker;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const consumers: Consumer[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    broker = await testBroker();
    kafka = client(broker);
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await Promise.all(consumers.map((c) => c.disconnect()));
    await Promise.all([admin?.disconnect(), producer?.disconnect()]);
    await broker?.stop();
  });

  /** Starts a consumer recording what it is assigned and what it consumes. */
  async function member(
    name: string,
    groupId: string,
    topic: string,
    seen: Seen[],
    assignment: Record<string, number[]>,
  ) {
    const consumer = kafka.consumer({ groupId, ...fastGroup });
    consumers.push(consumer);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      assignment[name] = [...(payload.memberAssignment[topic] ?? [])].sort();
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen.push({ member: name, partition, offset: Number(message.offset), value: String(message.value) });
      },
    });
    return consumer;
  }

  async function produce(topic: string, from: number, count: number) {
    const messages = Array.from({ length: count }, (_, i) => ({
      key: `k${from + i}`,
      value: `m${from + i}`,
    }));
    await producer.send({ topic, messages });
  }

  async function allCommitted(groupId: string, topic: string): Promise<boolean> {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const latest = await admin.fetchTopicOffsets(topic);
    return latest.every(
      (l) => committed.partitions.find((c) => c.partition === l.partition)?.offset === l.high,
    );
  }

  function expectNoDuplicates(seen: Seen[]) {
    const keys = seen.map((s) => `${s.partition}:${s.offset}`);
    expect(new Set(keys).size).toBe(keys.length);
  }

  it('splits partitions between two members and hands them all to the survivor when one leaves', async () => {
    const topic = 'rebalance-leave';
    const groupId = 'leave-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    await produce(topic, 0, 40);
    const seen: Seen[] = [];
    const assignment: Record<string, number[]> = {};

    const a = await member('a', groupId, topic, seen, assignment);
    await member('b', groupId, topic, seen, assignment);
    await waitFor(
      'a and b to own two partitions each',
      () => assignment.a?.length === 2 && assignment.b?.length === 2,
    );
    expect([...assignment.a, ...assignment.b].sort()).toEqual([0, 1, 2, 3]);

    const [described] = (await admin.describeGroups([groupId])).groups;
    expect(described.state).toBe('Stable');
    expect(described.members).toHaveLength(2);

    await waitFor('the first 40 messages', () => seen.length >= 40);
    await waitFor('offsets to be committed', () => allCommitted(groupId, topic));
    expectNoDuplicates(seen);

    await a.disconnect(); // LeaveGroup: b must take over at once, without waiting for a session timeout
    await waitFor('b to own all partitions', () => assignment.b?.length === 4, 10000);

    await produce(topic, 40, 20);
    await waitFor('the next 20 messages', () => seen.length >= 60);
    await waitFor('offsets to be committed', () => allCommitted(groupId, topic));
    await new Promise((r) => setTimeout(r, 300)); // room for a (wrong) redelivery to show up
    expect(seen).toHaveLength(60);
    expectNoDuplicates(seen);
    expect(seen.slice(40).every((s) => s.member === 'b')).toBe(true);
  });

  it('expels a member that stops heartbeating (killed process) after its session timeout', async () => {
    const topic = 'rebalance-crash';
    const groupId = 'crash-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    await produce(topic, 0, 20);
    const seen: Seen[] = [];
    const assignment: Record<string, number[]> = {};
    await member('survivor', groupId, topic, seen, assignment);
    await waitFor('the first 20 messages', () => seen.length >= 20);
    await waitFor('offsets to be committed', () => allCommitted(groupId, topic));

    const fixture = path.join(__dirname, 'fixtures', 'group-member.js');
    const child = spawn(process.execPath, [fixture, broker.brokers, groupId, topic], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const childLines: { assigned?: number[]; partition?: number; offset?: number }[] = [];
    readline.createInterface({ input: child.stdout! }).on('line', (l) => childLines.push(JSON.parse(l)));
    const childAssigned = () => [...childLines].reverse().find((l) => l.assigned)?.assigned ?? [];

    await waitFor(
      'the second process to get half of the partitions',
      () => childAssigned().length === 2 && assignment.survivor?.length === 2,
      20000,
    );
    child.kill('SIGKILL'); // no LeaveGroup, no more heartbeats
    await waitFor('the survivor to own all partitions again', () => assignment.survivor?.length === 4, 20000);

    await produce(topic, 20, 20);
    await waitFor('the next 20 messages', () => seen.length >= 40);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toHaveLength(40);
    expectNoDuplicates(seen);
    // everything was committed before the second member joined: it had nothing to consume
    expect(childLines.filter((l) => l.offset !== undefined)).toEqual([]);
  });
});
