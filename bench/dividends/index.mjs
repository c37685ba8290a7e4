// The PV differentiated plan (光伏差异化分配) over 4,000,000 generated households: how long the rule
// engine takes, whether its parts add up to the pool to the fen, peak memory, and how long a
// direct bulk posting of the result takes into the dividends service's own ledger tables.
//
// What is measured, exactly:
// - engine_ms: `runPlan` (the service's compiled engine, dist/node) on 4M households — 70% of the
//   pool as wages by days worked, 20% to households without labour (monitored ×1.5), 10% reserve.
// - order_ms: sorting the paid households by id, the order in which the service reads its lines
//   (its SELECT … ORDER BY household_id, which is not part of the posting measured here).
// - posting_ms: one database transaction into the dividends database of a fresh platform (its
//   real migrations): a ledger transaction with 4M + 2 entries and 4M payout rows, each streamed
//   with `COPY … FROM STDIN (FORMAT binary)` as the service does, encoded by the service's own
//   `binaryCopyChunks` (common/copy.ts), in that order, committed (the per-statement reference
//   checks, which also add up the ledger transaction's totals, run after each COPY; the deferred
//   balance trigger once at commit). The payout ids are made as the service makes them
//   (`timeOrderedIds`, common/copy.ts).
//   This bypasses HTTP: posting 4M households through the service's dry-run/notice/approval
//   endpoints would first need 4M member rows and is not what is measured here.
// - posting_backend_cpu_ms: CPU time of the database backend that ran the posting (from
//   /proc/<pid>/stat; the embedded server runs on this machine), which other work on a shared
//   machine inflates far less than the wall time.
// - ledger_balances, payouts_sum_equals_households_total: read back after the commit (1 = yes).
// - peak_rss_mb: process.resourceUsage().maxRSS (the engine is synchronous, so interval sampling
//   cannot see inside it; maxRSS is the true peak), and rss sampled every 100 ms during posting.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { buildServices } from '../../tools/build/services.mjs';

const HOUSEHOLDS = Number(process.env.BENCH_DIVIDENDS_HOUSEHOLDS ?? 4_000_000);
const POOL_FEN = 1_234_567_891n; // 12,345,678.91 yuan: a county's PV income for a year
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

const mb = (bytes) => Math.round(bytes / 1024 / 1024);

/** Deterministic pseudo-random numbers (mulberry32), so every run computes the same county. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex8 = (next) =>
  Math.floor(next() * 0x100000000)
    .toString(16)
    .padStart(8, '0');

function generate(n) {
  const next = random(20201231);
  const none = {};
  const households = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = next();
    const labourClass = r < 0.7 ? 'able' : r < 0.8 ? 'weak' : 'none';
    households[i] = {
      // Random-looking like the registry's UUIDs (index inserts scatter as they would in production).
      householdId: `${hex8(next)}-${hex8(next).slice(0, 4)}-4${hex8(next).slice(0, 3)}-8${hex8(next).slice(0, 3)}-${i.toString(16).padStart(12, '0')}`,
      labourClass,
      povertyStatus: next() < 0.1 ? 'monitored' : 'lifted',
      memberCount: 1 + Math.floor(next() * 6),
      daysWorked: labourClass === 'none' ? 0 : Math.floor(next() * 300),
      shares: none,
      shareDays: none,
    };
  }
  return households;
}

export async function run({ startStack, log }) {
  const figures = { households: HOUSEHOLDS };
  log('compiling the dividends service (engine from dist/node)');
  await buildServices(['dividends']);
  const { runPlan, accountTotals } = require(
    path.join(root, 'dist/node/apps/dividends/src/engine/plan-engine.js'),
  );
  const { PV_DIFFERENTIATED_PLAN } = require(path.join(root, 'dist/node/libs/contracts/src/index.js'));
  const { timeOrderedIds, binaryCopyChunks } = require(
    path.join(root, 'dist/node/apps/dividends/src/common/copy.js'),
  );

  log(`generating ${HOUSEHOLDS.toLocaleString()} households`);
  let t0 = performance.now();
  const households = generate(HOUSEHOLDS);
  figures.generate_ms = Math.round(performance.now() - t0);

  log('running the PV differentiated plan');
  t0 = performance.now();
  const result = runPlan(PV_DIFFERENTIATED_PLAN, { poolFen: POOL_FEN, households });
  figures.engine_ms = Math.round(performance.now() - t0);
  let sum = 0n;
  for (const t of result.householdTotals) sum += t;
  const retained = accountTotals(result);
  for (const a of retained) sum += a.amountFen;
  figures.parts_sum_equals_pool = sum === POOL_FEN ? 1 : 0;
  figures.paid_households = result.householdTotals.filter((t) => t > 0n).length;
  figures.engine_peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);

  log('starting a fresh platform for the posting');
  let stack;
  try {
    stack = await startStack({ env: { ...process.env, LOG_LEVEL: 'warn' } });
  } catch (error) {
    log(`platform did not start (${error.message}); posting not measured`);
    figures.posting_measured = 0;
    figures.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
    return figures;
  }
  const client = new pg.Client({ connectionString: stack.databaseUrlsWithPasswords.dividends });
  await client.connect();
  let peakSampled = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, process.memoryUsage().rss)), 100);
  try {
    const timings = { ledger: 0, payouts: 0, commit: 0 };
    // The service posts its lines in household-id order (its SELECT … ORDER BY household_id), so the
    // ledger index on (account, household_id) fills in order. That read is not part of the posting
    // measured here (as before), so the ordering is timed on its own, as order_ms.
    const t1 = performance.now();
    const ids = households.map((h) => h.householdId);
    const order = [];
    for (let i = 0; i < households.length; i++) if (result.householdTotals[i] !== 0n) order.push(i);
    order.sort((x, y) => (ids[x] < ids[y] ? -1 : 1));
    figures.order_ms = Math.round(performance.now() - t1);
    const backendCpu = await backendCpuMs(client);
    const cpuBefore = backendCpu();
    t0 = performance.now();
    await post(client, households, result, retained, order, timings, { timeOrderedIds, binaryCopyChunks });
    figures.posting_ledger_entries_ms = Math.round(timings.ledger);
    figures.posting_payouts_ms = Math.round(timings.payouts);
    figures.posting_commit_ms = Math.round(timings.commit);
    figures.posting_ms = Math.round(performance.now() - t0);
    const cpuAfter = backendCpu();
    if (cpuBefore !== undefined && cpuAfter !== undefined)
      figures.posting_backend_cpu_ms = cpuAfter - cpuBefore;
    figures.posting_rows = households.length * 2 + 1 + retained.length;
    figures.posting_measured = 1;
    const { rows } = await client.query(
      'SELECT coalesce(sum(amount_fen), 0)::text AS total FROM ledger_entry',
    );
    figures.ledger_balances = rows[0].total === '0' ? 1 : 0;
    // The payouts in the database add up to what the engine gave the households, to the fen.
    const paid = await client.query('SELECT coalesce(sum(amount_fen), 0)::text AS total FROM payout');
    let householdsFen = 0n;
    for (const t of result.householdTotals) householdsFen += t;
    figures.payouts_sum_equals_households_total = paid.rows[0].total === String(householdsFen) ? 1 : 0;
  } finally {
    clearInterval(sampler);
    await client.end();
  }
  figures.total_ms = figures.engine_ms + figures.posting_ms;
  figures.posting_sampled_peak_rss_mb = mb(peakSampled);
  figures.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  return figures;
}

/**
 * CPU time (user + system, ms) of the connection's backend process so far, read from /proc; a
 * function returning undefined when the server is not on this machine or /proc is not readable.
 */
async function backendCpuMs(client) {
  const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return () => {
    try {
      const fields = fs.readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Math.round((Number(fields[11]) + Number(fields[12])) / ticksPerMs);
    } catch {
      return undefined;
    }
  };
}

/**
 * `COPY table (columns) FROM STDIN (FORMAT binary)` of one row per index, encoded as the service
 * encodes its rows (`binaryCopyChunks`, common/copy.ts, in chunks of 5000 rows).
 */
async function copy(client, binaryCopyChunks, table, columns, indexes, row) {
  const names = columns.map(([name]) => name).join(', ');
  const types = columns.map(([, type]) => type);
  function* rows() {
    for (const i of indexes) yield row(i);
  }
  await pipeline(
    Readable.from(binaryCopyChunks(types, rows())),
    client.query(copyFrom(`COPY ${table} (${names}) FROM STDIN (FORMAT binary)`)),
  );
}

/** What the service's posting writes, in one transaction, with the organisation and distribution it needs. */
async function post(
  client,
  households,
  result,
  retained,
  order,
  timings,
  { timeOrderedIds, binaryCopyChunks },
) {
  const entityId = randomUUID();
  const planId = randomUUID();
  const distributionId = randomUUID();
  const txId = randomUUID();
  const batchId = randomUUID();
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO organisation_rm (id, type, name, region_code, county_code, village_code, active)
     VALUES ($1, 'pv_station', '县级光伏扶贫电站（基准测试）', '411322', '411322', NULL, true)`,
    [entityId],
  );
  await client.query(`INSERT INTO plan (id, entity_id, name, current_version) VALUES ($1, $2, 'PV', 1)`, [
    planId,
    entityId,
  ]);
  await client.query(
    `INSERT INTO plan_version (plan_id, version, document, created_by) VALUES ($1, 1, '{}', 'bench')`,
    [planId],
  );
  await client.query(
    `INSERT INTO distribution (id, entity_id, title, plan_id, plan_version, period_start, period_end, pool_fen, status, account_parts, created_by)
     VALUES ($1, $2, 'bench', $3, 1, '2025-01-01', '2025-12-31', $4, 'posted', '[]', 'bench')`,
    [distributionId, entityId, planId, String(POOL_FEN)],
  );
  await client.query(
    `INSERT INTO ledger_transaction (id, kind, entity_id, distribution_id, description) VALUES ($1, 'distribution.posted', $2, $3, 'bench')`,
    [txId, entityId, distributionId],
  );
  await client.query(`INSERT INTO ledger_entry (transaction_id, account, amount_fen) VALUES ($1, $2, $3)`, [
    txId,
    `entity:${entityId}:distributable_income`,
    String(POOL_FEN),
  ]);
  for (const a of retained)
    await client.query(`INSERT INTO ledger_entry (transaction_id, account, amount_fen) VALUES ($1, $2, $3)`, [
      txId,
      `entity:${entityId}:retained:${a.account}`,
      String(-a.amountFen),
    ]);
  await client.query(
    `INSERT INTO payout_batch (id, distribution_id, line_count, total_fen, created_by, created_at) VALUES ($1, $2, 0, 0, 'bench', now())`,
    [batchId, distributionId],
  );
  const payable = `entity:${entityId}:households_payable`;
  let t = performance.now();
  await copy(
    client,
    binaryCopyChunks,
    'ledger_entry',
    [
      ['transaction_id', 'uuid'],
      ['account', 'text'],
      ['household_id', 'uuid'],
      ['amount_fen', 'int8'],
    ],
    order,
    (i) => [txId, payable, households[i].householdId, -result.householdTotals[i]],
  );
  timings.ledger += performance.now() - t;
  t = performance.now();
  // Time-ordered payout ids made by the sender, as in the service's COPY (a volatile column default
  // would make COPY insert one row at a time).
  const payoutId = timeOrderedIds();
  await copy(
    client,
    binaryCopyChunks,
    'payout',
    [
      ['id', 'uuid'],
      ['batch_id', 'uuid'],
      ['distribution_id', 'uuid'],
      ['household_id', 'uuid'],
      ['household_number', 'text'],
      ['head_name', 'text'],
      ['amount_fen', 'int8'],
      ['status', 'text'],
    ],
    order,
    (i) => [
      payoutId(),
      batchId,
      distributionId,
      households[i].householdId,
      'bench',
      'bench',
      result.householdTotals[i],
      'pending',
    ],
  );
  timings.payouts += performance.now() - t;
  t = performance.now();
  await client.query('COMMIT');
  timings.commit = performance.now() - t;
}
