// The PV differentiated plan (光伏差异化分配) over 4,000,000 generated households: how long the rule
// engine takes, whether its parts add up to the pool to the fen, peak memory, and how long the
// service's own posting takes in the dividends database.
//
// What is measured, exactly:
// - engine_ms: `runPlan` (the service's compiled engine, dist/node) on 4M households — 70% of the
//   pool as wages by days worked, 20% to households without labour (monitored ×1.5), 10% reserve.
// - lines_write_ms (setup, not part of the posting): writing what the dry run writes before the
//   notice — the 4M households' read-model rows and the distribution's 4M lines with each
//   household's explanation (`explainHousehold`) — with COPY, and the distribution as approved.
// - posting_ms: one database transaction of a fresh platform (its real migrations) running the
//   service's own `writePosting` (distributions/posting-writes.js: the batch, 4M payouts read from
//   the lines on a second connection and COPYed in as they come, the batch's chain link hashed from
//   the payouts as they pass, the ledger transaction, the status change that enters the fund
//   ledger), then COMMIT, where the deferred checks run (the batch holds what it states, the
//   payable credit equals the payouts, the ledger balances). Only the HTTP hop, the idempotency
//   record and the audit row of the endpoint are left out.
// - posting_backend_cpu_ms, posting_reader_cpu_ms: CPU time of the database backends that wrote
//   and read (from /proc/<pid>/stat; the embedded server runs on this machine), which other work
//   on a shared machine inflates far less than the wall time.
// - total_ms = engine_ms + posting_ms: the time from a declared pool to posted payouts.
// - chain_intact, chain_verify_ms: the verify endpoint's check re-reads every payout and finds
//   the hash the posting made (not part of the posting).
// - public_trace_ms, public_trace_bytes, public_trace_counts_every_household: the public fund
//   trace of the posted distribution over HTTP (it lists the largest households and counts all);
//   public_households_page_1_ms, public_households_page_10000_ms: a page of 200 of its households;
//   public_sources_list_ms: the public list of fund sources, which sums each source's households.
// - ledger_balances, payouts_sum_equals_households_total, fund_flows_reach_every_household:
//   read back after the commit (1 = yes).
// - peak_rss_mb: process.resourceUsage().maxRSS of the bench process (engine and setup).
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

/**
 * The county's households in household-id order, as the service reads members (member-facts.ts:
 * ORDER BY h.id), so the distribution's lines are written in that order too. The ids are drawn
 * and sorted first, and each household is made in that order, so the objects lie in memory in the
 * order the engine walks them, as rows read in that order do (sorting the objects afterwards left
 * them scattered over the heap and doubled the engine's time).
 */
function generate(n) {
  const next = random(20201231);
  const none = {};
  const ids = new Array(n);
  for (let i = 0; i < n; i++)
    // Random-looking like the registry's UUIDs (index inserts scatter as they would in production).
    ids[i] =
      `${hex8(next)}-${hex8(next).slice(0, 4)}-4${hex8(next).slice(0, 3)}-8${hex8(next).slice(0, 3)}-${i.toString(16).padStart(12, '0')}`;
  ids.sort();
  const households = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = next();
    const labourClass = r < 0.7 ? 'able' : r < 0.8 ? 'weak' : 'none';
    households[i] = {
      householdId: ids[i],
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
  const { runPlan, accountTotals, explainHousehold } = require(
    path.join(root, 'dist/node/apps/dividends/src/engine/plan-engine.js'),
  );
  const { PV_DIFFERENTIATED_PLAN } = require(path.join(root, 'dist/node/libs/contracts/src/index.js'));
  const { writePosting } = require(
    path.join(root, 'dist/node/apps/dividends/src/distributions/posting-writes.js'),
  );
  const { ChainService } = require(path.join(root, 'dist/node/apps/dividends/src/chain/chain.service.js'));

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
  const reader = new pg.Client({ connectionString: stack.databaseUrlsWithPasswords.dividends });
  await reader.connect();
  const db = { query: async (sql, params) => (await client.query(sql, params)).rows };
  try {
    log('writing what the dry run writes: household read models and distribution lines');
    t0 = performance.now();
    const ids = await setUp(client, households, result, retained, explainHousehold);
    figures.lines_write_ms = Math.round(performance.now() - t0);
    // What the checks below need, then the generated county and the engine's result are let go:
    // the service posts from the database, without them, and a 2.7 GB heap would make this
    // process's garbage collector, not the posting, the thing measured in the chain hashing.
    let householdsFen = 0n;
    for (const h of result.householdTotals) householdsFen += h;
    households.length = 0;
    result.householdTotals.length = 0;
    result.payments.length = 0;

    log('posting');
    const backendCpu = await backendCpuMs(client);
    const readerCpu = await backendCpuMs(reader);
    const cpuBefore = backendCpu();
    const readerBefore = readerCpu();
    const timings = {};
    t0 = performance.now();
    await client.query('BEGIN');
    let t = performance.now();
    const batchId = randomUUID();
    // The service's chain (head and link on the posting's connection) and its second connection.
    const posted = await writePosting({ tx: db, txClient: client, reader }, new ChainService(undefined), {
      distributionId: ids.distributionId,
      entityId: ids.entityId,
      title: '县级光伏扶贫电站 2025 年收益分配（基准测试）',
      poolFen: POOL_FEN,
      accountParts: retained,
      batchId,
      actor: 'bench',
      at: new Date(),
    });
    timings.write = performance.now() - t;
    t = performance.now();
    await client.query('COMMIT');
    timings.commit = performance.now() - t;
    figures.posting_ms = Math.round(performance.now() - t0);
    figures.posting_writes_ms = Math.round(timings.write);
    figures.posting_commit_ms = Math.round(timings.commit);
    const cpuAfter = backendCpu();
    if (cpuBefore !== undefined && cpuAfter !== undefined)
      figures.posting_backend_cpu_ms = cpuAfter - cpuBefore;
    const readerAfter = readerCpu();
    if (readerBefore !== undefined && readerAfter !== undefined)
      figures.posting_reader_cpu_ms = readerAfter - readerBefore;
    figures.posted_payouts = posted.payouts;
    figures.chain_seq = posted.chainSeq;
    figures.posting_measured = 1;

    const [ledger] = await db.query('SELECT coalesce(sum(amount_fen), 0)::text AS total FROM ledger_entry');
    figures.ledger_balances = ledger.total === '0' ? 1 : 0;
    // The payouts in the database add up to what the engine gave the households, to the fen.
    const [paid] = await db.query('SELECT coalesce(sum(amount_fen), 0)::text AS total FROM payout');
    figures.payouts_sum_equals_households_total = paid.total === String(householdsFen) ? 1 : 0;
    const [flows] = await db.query(
      `SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::text AS total FROM fund_flow_all
       WHERE source_id = $1 AND to_type = 'household'`,
      [ids.distributionId],
    );
    figures.fund_flows_reach_every_household =
      flows.n === figures.paid_households && flows.total === String(householdsFen) ? 1 : 0;
    // The chain as the verify endpoint re-reads it: the batch's hash made while posting holds.
    t0 = performance.now();
    const verified = await new ChainService({
      transaction: (level, work) => inTransaction(client, level, work),
    }).verify();
    figures.chain_verify_ms = Math.round(performance.now() - t0);
    figures.chain_intact = verified.intact ? 1 : 0;

    // What the public pages ask of such a distribution over HTTP: its trace lists the largest
    // households and counts the rest; a page of households, near the start and deep in the list.
    const get = async (url) => {
      const started = performance.now();
      const res = await fetch(url);
      const text = await res.text();
      if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 200)}`);
      return {
        ms: Math.round(performance.now() - started),
        bytes: Buffer.byteLength(text),
        body: JSON.parse(text),
      };
    };
    figures.public_sources_list_ms = (await get(`${stack.urls.dividends}/public/funds/sources`)).ms;
    const trace = await get(`${stack.urls.dividends}/public/funds/sources/${ids.distributionId}/flows`);
    figures.public_trace_ms = trace.ms;
    figures.public_trace_bytes = trace.bytes;
    const [group] = trace.body.householdGroups;
    figures.public_trace_counts_every_household =
      group?.households === figures.paid_households && group.amountFen === String(householdsFen) ? 1 : 0;
    const householdsPage = (page) =>
      get(
        `${stack.urls.dividends}/public/funds/flows/${group.parentId}/households?page=${page}&pageSize=200`,
      );
    figures.public_households_page_1_ms = (await householdsPage(1)).ms;
    figures.public_households_page_10000_ms = (await householdsPage(10_000)).ms;
  } finally {
    await client.end();
    await reader.end();
  }
  figures.total_ms = figures.engine_ms + figures.posting_ms;
  figures.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  return figures;
}
/** DataSource.transaction for ChainService.verify on a plain pg client. */
async function inTransaction(client, level, work) {
  await client.query(`BEGIN ISOLATION LEVEL ${level}`);
  try {
    const result = await work({ query: async (sql, params) => (await client.query(sql, params)).rows });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
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

/** COPY text format for one value: NULL as \N, backslash, tab and line ends escaped. */
const copyText = (v) =>
  v === null || v === undefined
    ? '\\N'
    : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);

/** `COPY table (columns) FROM STDIN` of one row per index, in chunks of 5000 rows. */
async function copyIn(client, table, columns, count, row) {
  function* chunks() {
    let chunk = '';
    for (let i = 0; i < count; i++) {
      chunk += `${row(i).map(copyText).join('\t')}\n`;
      if (i % 5000 === 4999) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(
    Readable.from(chunks()),
    client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
  );
}

/**
 * What exists when a distribution is approved: the station, its plan, the households' read
 * models (with bank accounts), the distribution's lines from the dry run, and the distribution.
 */
async function setUp(client, households, result, retained, explainHousehold) {
  const entityId = randomUUID();
  const planId = randomUUID();
  const distributionId = randomUUID();
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
  const village = (i) =>
    `411322${String(100 + (i % 20)).padStart(3, '0')}${String(200 + (i % 300)).padStart(3, '0')}`;
  const number = (i) => `${village(i)}${String(i).padStart(7, '0')}`;
  await copyIn(
    client,
    'household_rm',
    [
      'id',
      'household_number',
      'county_code',
      'town_code',
      'village_code',
      'head_name',
      'member_count',
      'labour_class',
      'poverty_status',
      'bank_name',
      'bank_account_masked',
      'version',
    ],
    households.length,
    (i) => {
      const h = households[i];
      const v = village(i);
      return [
        h.householdId,
        number(i),
        '411322',
        v.slice(0, 9),
        v,
        `户主${i}`,
        h.memberCount,
        h.labourClass,
        h.povertyStatus,
        '农村信用社',
        `6217****${String(i % 10000).padStart(4, '0')}`,
        1,
      ];
    },
  );
  await client.query(
    `INSERT INTO distribution (id, entity_id, title, plan_id, plan_version, period_start, period_end, pool_fen, status, account_parts, created_by)
     VALUES ($1, $2, '县级光伏扶贫电站 2025 年收益分配（基准测试）', $3, 1, '2025-01-01', '2025-12-31', $4, 'approved', $5, 'bench')`,
    [
      distributionId,
      entityId,
      planId,
      String(POOL_FEN),
      JSON.stringify(retained.map((a) => ({ account: a.account, amountFen: String(a.amountFen) }))),
    ],
  );
  await copyIn(
    client,
    'distribution_line',
    [
      'distribution_id',
      'household_id',
      'household_number',
      'village_code',
      'head_name',
      'amount_fen',
      'explanation',
    ],
    households.length,
    (i) => [
      distributionId,
      households[i].householdId,
      number(i),
      village(i),
      `户主${i}`,
      result.householdTotals[i],
      JSON.stringify(explainHousehold(result, i)),
    ],
  );
  // The notice runs at least 10 days between the dry run and the posting; autovacuum has long
  // visited both tables by then (statistics, visibility, hint bits), as it has here.
  await client.query('VACUUM (ANALYZE) household_rm, distribution_line');
  return { entityId, distributionId };
}
