import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from './helpers';

const ENTRY = path.resolve(__dirname, '..');

type Running = { child: ChildProcess; brokers: string; stderr: () => string; exited: Promise<number | null> };

async function run(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [ENTRY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error(`broker exited before listening: ${stderr}`)));
  });
  const match = /^dev-kafka listening on (\S+)/.exec(line);
  if (!match) throw new Error(`unexpected first line: ${line}`);
  return { child, brokers: match[1], stderr: () => stderr, exited };
}

async function roundTrip(brokers: string, topic: string, send: string[]): Promise<string[]> {
  const kafka = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  try {
    if (send.length) await producer.send({ topic, messages: send.map((value) => ({ value })) });
    const consumer = kafka.consumer({ groupId: `cli-${Date.now()}`, maxWaitTimeInMs: 100 });
    const got: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const total = (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
    await consumer.run({ eachMessage: async ({ message }) => void got.push(String(message.value)) });
    await waitFor(`${total} messages`, () => got.length >= total);
    await consumer.disconnect();
    return got;
  } finally {
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  }
}

describe('command line', () => {
  const running: ChildProcess[] = [];
  let dir: string;

  beforeAll(() => {
    process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-kafka-cli-'));
  });

  afterAll(() => {
    for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints its address, serves clients and stops cleanly on SIGTERM and SIGINT, keeping data', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await run([
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--partitions',
      '2',
      '--log-level',
      'warn',
    ]);
    running.push(first.child);
    expect(first.brokers).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await roundTrip(first.brokers, 'cli-topic', ['one', 'two'])).toEqual(
      expect.arrayContaining(['one', 'two']),
    );
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, '.lock'))).toBe(false);

    const second = await run(['--port=0', `--data-dir=${dataDir}`, '--fsync', 'always']);
    running.push(second.child);
    expect((await roundTrip(second.brokers, 'cli-topic', ['three'])).sort()).toEqual(['one', 'three', 'two']);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('runs in memory and rejects bad options', async () => {
    const mem = await run(['--port', '0', '--in-memory', '--log-level', 'silent']);
    running.push(mem.child);
    expect(await roundTrip(mem.brokers, 'mem-topic', ['x'])).toEqual(['x']);
    mem.child.kill('SIGTERM');
    expect(await mem.exited).toBe(0);

    const bad = spawn(process.execPath, [ENTRY, '--fsync', 'sometimes'], { stdio: 'pipe' });
    let err = '';
    bad.stderr.on('data', (d) => (err += d));
    expect(await new Promise((r) => bad.on('exit', r))).toBe(2);
    expect(err).toContain('--fsync must be');
  });
});
