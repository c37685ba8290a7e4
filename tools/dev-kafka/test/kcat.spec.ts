import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { CompressionTypes, type Admin, type Kafka, type Producer } from 'kafkajs';
import { client, testBroker, waitFor, type Broker } from './helpers';

const KCAT = '/usr/bin/kcat';
const hasKcat = fs.existsSync(KCAT);
if (!hasKcat)
  console.log(`librdkafka interoperability tests skipped: ${KCAT} not found (apt-get install -y kcat)`);
const withKcat = hasKcat ? it : it.skip;

function kcat(
  args: string[],
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(KCAT, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kcat ${args.join(' ')} timed out; stderr: ${stderr}`));
    }, 20000);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

describe('librdkafka (kcat) interoperability', () => {
  let broker: Broker;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;

  beforeAll(async () => {
    broker = await testBroker();
    kafka = client(broker);
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await Promise.all([admin?.disconnect(), producer?.disconnect()]);
    await broker?.stop();
  });

  const consume = (topic: string, format: string, extra: string[] = []) =>
    kcat(['-b', broker.brokers, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', format, ...extra]);

  withKcat('produces keys and headers with kcat and reads them back with kcat', async () => {
    const produced = await kcat(
      ['-b', broker.brokers, '-P', '-t', 'kcat-only', '-K:', '-H', 'trace=abc', '-H', 'src=kcat'],
      'k1:hello\nk2:world\n',
    );
    expect(produced).toEqual(expect.objectContaining({ code: 0 }));
    const read = await consume('kcat-only', '%k %s %h\\n');
    expect(read.code).toBe(0);
    expect(read.stdout).toBe('k1 hello trace=abc,src=kcat\nk2 world trace=abc,src=kcat\n');
  });

  withKcat('reads with kcat what kafkajs produced (several partitions, gzip, headers)', async () => {
    await admin.createTopics({ topics: [{ topic: 'js-to-kcat', numPartitions: 3 }] });
    const messages = Array.from({ length: 9 }, (_, i) => ({
      key: `key${i}`,
      value: `value${i}`,
      headers: { n: `${i}` },
    }));
    await producer.send({ topic: 'js-to-kcat', messages: messages.slice(0, 4) });
    await producer.send({
      topic: 'js-to-kcat',
      messages: messages.slice(4),
      compression: CompressionTypes.GZIP,
    });
    const read = await consume('js-to-kcat', '%k %s %h\\n');
    expect(read.code).toBe(0);
    const lines = read.stdout.trim().split('\n').sort();
    expect(lines).toEqual(messages.map((m) => `${m.key} ${m.value} n=${m.headers.n}`).sort());
  });

  withKcat('reads with kafkajs what kcat produced (gzip, headers)', async () => {
    const input = Array.from({ length: 5 }, (_, i) => `kk${i}:from-kcat-${i}`).join('\n');
    const produced = await kcat(
      ['-b', broker.brokers, '-P', '-t', 'kcat-to-js', '-K:', '-z', 'gzip', '-H', 'origin=librdkafka'],
      `${input}\n`,
    );
    expect(produced.code).toBe(0);
    const consumer = kafka.consumer({ groupId: 'kcat-to-js-group', maxWaitTimeInMs: 100 });
    const got: string[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: 'kcat-to-js', fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) =>
          void got.push(`${message.key} ${message.value} ${message.headers?.origin}`),
      });
      await waitFor('5 messages', () => got.length >= 5);
    } finally {
      await consumer.disconnect();
    }
    expect(got).toEqual(Array.from({ length: 5 }, (_, i) => `kk${i} from-kcat-${i} librdkafka`));
  });

  withKcat('runs a librdkafka consumer group whose commits kafkajs can see', async () => {
    await admin.createTopics({ topics: [{ topic: 'kcat-group', numPartitions: 2 }] });
    await producer.send({
      topic: 'kcat-group',
      messages: Array.from({ length: 6 }, (_, i) => ({ key: `g${i}`, value: `${i}` })),
    });
    const read = await kcat([
      '-b',
      broker.brokers,
      '-G',
      'kcat-consumers',
      '-o',
      'beginning',
      '-e',
      '-q',
      '-f',
      '%s\\n',
      'kcat-group',
    ]);
    expect(read.code).toBe(0);
    expect(read.stdout.trim().split('\n').sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    const [committed] = await admin.fetchOffsets({ groupId: 'kcat-consumers', topics: ['kcat-group'] });
    const latest = await admin.fetchTopicOffsets('kcat-group');
    for (const l of latest)
      expect(committed.partitions.find((c) => c.partition === l.partition)?.offset).toBe(l.high);
  });

  withKcat('lists metadata with kcat -L', async () => {
    const meta = await kcat(['-b', broker.brokers, '-L', '-t', 'js-to-kcat']);
    expect(meta.code).toBe(0);
    expect(meta.stdout).toContain('topic "js-to-kcat" with 3 partitions');
    expect(meta.stdout).toContain(`broker 0 at ${broker.brokers}`);
  });
});
