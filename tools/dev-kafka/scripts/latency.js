// @ts-check
'use strict';

/**
 * End-to-end latency measurement: how long a record takes from `producer.send()` to a waiting
 * kafkajs consumer's eachMessage, with the broker running as a separate process (the way
 * `npm start` runs it). Not a test: timings depend on the machine.
 *
 *   node tools/dev-kafka/scripts/latency.js [--count 1000] [--data-dir DIR] [--fsync always]
 */

const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { Kafka, logLevel } = require('kafkajs');

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

/** @param {string} name @param {string} fallback */
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};

/** @param {number[]} sorted @param {number} p */
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const count = Number(arg('--count', '1000'));
  const dataDir = arg('--data-dir', '');
  const storage = dataDir ? ['--data-dir', dataDir, '--fsync', arg('--fsync', 'interval')] : ['--in-memory'];
  const child = spawn(
    process.execPath,
    [path.join(__dirname, '..'), '--port', '0', '--log-level', 'warn', ...storage],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise((resolve) =>
    readline.createInterface({ input: /** @type {any} */ (child.stdout) }).once('line', resolve),
  );
  const brokers = /listening on (\S+)/.exec(String(line))?.[1];
  if (!brokers) throw new Error(`unexpected broker output: ${line}`);

  const kafka = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: 'latency', maxWaitTimeInMs: 5000 });
  await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
  await admin.createTopics({ topics: [{ topic: 'latency' }] });
  await consumer.subscribe({ topic: 'latency' });

  /** @type {(() => void) | null} */
  let delivered = null;
  const joined = new Promise((r) => consumer.on(consumer.events.GROUP_JOIN, r));
  await consumer.run({ eachMessage: async () => delivered?.() });
  await joined;
  await new Promise((r) => setTimeout(r, 500));

  const e2e = [];
  const acks = [];
  for (let i = 0; i < count + 50; i++) {
    // let the consumer park its fetch in the broker before producing
    await new Promise((r) => setTimeout(r, 2));
    const got = new Promise((resolve) => (delivered = () => resolve(process.hrtime.bigint())));
    const t0 = process.hrtime.bigint();
    await producer.send({ topic: 'latency', acks: -1, messages: [{ value: `m${i}` }] });
    const t1 = process.hrtime.bigint();
    const t2 = /** @type {bigint} */ (await got);
    if (i >= 50) {
      e2e.push(Number(t2 - t0) / 1e6);
      acks.push(Number(t1 - t0) / 1e6);
    }
  }
  e2e.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  /** @param {string} label @param {number[]} s */
  const report = (label, s) =>
    console.log(
      `${label}: p50 ${pct(s, 50).toFixed(2)} ms, p90 ${pct(s, 90).toFixed(2)} ms, p99 ${pct(s, 99).toFixed(2)} ms, max ${s[s.length - 1].toFixed(2)} ms`,
    );
  console.log(
    `${count} records, broker ${dataDir ? `on disk (${storage.slice(1).join(' ')})` : 'in memory'}`,
  );
  report('send() -> consumer eachMessage', e2e);
  report('send() -> producer ack        ', acks);

  await Promise.all([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
  child.kill('SIGTERM');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
