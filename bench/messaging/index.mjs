// Events through outbox → dev broker → inbox between two real services: the registry's relay
// publishes platform.ping events, the ledger's consumer records each one. Measures sustained
// throughput and the latency from the producer's commit to the consumer's effect, with topics of
// 1 and of 4 partitions. Target: p99 under 100 ms at 1,000 events/s on a 2-core machine.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { percentile, round1 } from '../lib.mjs';

const RATE_PER_S = 1_000;
const SECONDS = 10;
const BURST = 20_000;

export async function run({ startStack, log }) {
  const figures = {};
  for (const partitions of [1, 4]) {
    log(`${partitions} partition(s): starting a fresh platform`);
    const stack = await startStack({
      env: { ...process.env, LOG_LEVEL: 'warn', KAFKA_TOPIC_PARTITIONS: String(partitions) },
    });
    const registry = new pg.Pool({ connectionString: stack.databaseUrlsWithPasswords.registry, max: 8 });
    const ledger = new pg.Pool({ connectionString: stack.databaseUrlsWithPasswords.ledger, max: 2 });
    try {
      await warmUp(registry, ledger);
      log(`${partitions} partition(s): ${RATE_PER_S} events/s for ${SECONDS} s, one transaction each`);
      const paced = await paced_(registry, ledger, `p${partitions}`);
      figures[`p${partitions}_paced_events`] = paced.count;
      figures[`p${partitions}_paced_achieved_per_s`] = paced.achievedPerS;
      figures[`p${partitions}_commit_to_effect_p50_ms`] = paced.p50;
      figures[`p${partitions}_commit_to_effect_p99_ms`] = paced.p99;
      figures[`p${partitions}_commit_to_effect_max_ms`] = paced.max;
      figures[`p${partitions}_commit_to_kafka_p99_ms`] = paced.relayP99;
      figures[`p${partitions}_kafka_to_effect_p99_ms`] = paced.deliveryP99;
      log(`${partitions} partition(s): a burst of ${BURST} events in batches of 500`);
      figures[`p${partitions}_burst_events_per_s`] = await burst(registry, ledger, `b${partitions}`);
      figures[`p${partitions}_lost_or_duplicated`] = await integrity(ledger);
    } finally {
      await registry.end();
      await ledger.end();
    }
  }
  return figures;
}

function envelope(tag, sequence) {
  return {
    id: randomUUID(),
    type: 'platform.ping',
    version: 1,
    aggregateType: 'platform',
    aggregateId: `bench-${sequence % 64}`,
    occurredAt: new Date().toISOString(),
    // Addressed to the ledger: the other services skip it rather than each record it.
    payload: { message: `${tag}:${sequence}`, sequence, target: 'ledger' },
  };
}

/** The same row publish() writes, built here so the load generator is cheap. */
async function insertEvents(client, events) {
  const values = [];
  const params = [];
  for (const e of events) {
    const base = params.length;
    params.push(e.id, 'platform.test.v1', e.aggregateId, e.type, JSON.stringify(e));
    values.push(`($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5})`);
  }
  await client.query(
    `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope) VALUES ${values.join(',')}`,
    params,
  );
}

async function receivedCount(ledger, tag) {
  const { rows } = await ledger.query(
    `SELECT count(*)::int AS n FROM diagnostics_ping WHERE message LIKE $1`,
    [`${tag}:%`],
  );
  return rows[0].n;
}

async function waitFor(ledger, tag, n, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await receivedCount(ledger, tag)) >= n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`only ${await receivedCount(ledger, tag)} of ${n} ${tag} events arrived`);
}

async function warmUp(registry, ledger) {
  await insertEvents(
    registry,
    Array.from({ length: 200 }, (_, i) => envelope('warm', i)),
  );
  await waitFor(ledger, 'warm', 200);
}

async function paced_(registry, ledger, tag) {
  const total = RATE_PER_S * SECONDS;
  const commits = new Map();
  const started = performance.now();
  const inFlight = new Set();
  for (let i = 0; i < total; i++) {
    // Open-loop pacing: event i is due at i/rate seconds, however slow the earlier ones were.
    const due = started + (i * 1000) / RATE_PER_S;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const event = envelope(tag, i);
    const p = insertEvents(registry, [event]).then(() => commits.set(event.payload.message, Date.now()));
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
    if (inFlight.size >= 64) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const achievedPerS = Math.round(total / ((performance.now() - started) / 1000));
  await waitFor(ledger, tag, total);
  const { rows } = await ledger.query(
    `SELECT message, (EXTRACT(EPOCH FROM received_at) * 1000)::float8 AS received_ms FROM diagnostics_ping WHERE message LIKE $1`,
    [`${tag}:%`],
  );
  const latencies = rows.map((r) => Math.max(0, r.received_ms - commits.get(r.message)));
  // Split the path: commit → Kafka acknowledged (the relay) and Kafka → consumer's effect.
  const published = await registry.query(
    `SELECT envelope->'payload'->>'message' AS message, (EXTRACT(EPOCH FROM published_at) * 1000)::float8 AS published_ms
       FROM outbox WHERE envelope->'payload'->>'message' LIKE $1`,
    [`${tag}:%`],
  );
  const publishedAt = new Map(published.rows.map((r) => [r.message, r.published_ms]));
  const relay = rows.map((r) => Math.max(0, publishedAt.get(r.message) - commits.get(r.message)));
  const delivery = rows.map((r) => Math.max(0, r.received_ms - publishedAt.get(r.message)));
  return {
    count: rows.length,
    achievedPerS,
    p50: round1(percentile(latencies, 50)),
    p99: round1(percentile(latencies, 99)),
    max: round1(Math.max(...latencies)),
    relayP99: round1(percentile(relay, 99)),
    deliveryP99: round1(percentile(delivery, 99)),
  };
}

async function burst(registry, ledger, tag) {
  const started = performance.now();
  for (let from = 0; from < BURST; from += 500) {
    await insertEvents(
      registry,
      Array.from({ length: 500 }, (_, i) => envelope(tag, from + i)),
    );
  }
  await waitFor(ledger, tag, BURST);
  return Math.round(BURST / ((performance.now() - started) / 1000));
}

/** Every event exactly once: rows in the ledger minus distinct event ids sent (0 when right). */
async function integrity(ledger) {
  const { rows } = await ledger.query(
    `SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct_ids FROM diagnostics_ping`,
  );
  return rows[0].total - rows[0].distinct_ids;
}
