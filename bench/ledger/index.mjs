// The points ledger under load, on a fresh platform with the demo county (one village's 50
// households, its love supermarket and kiosk):
//  - transfers: kiosk redemptions of 1 point (household → store, Idempotency-Key, no-overdraft
//    CHECK) from 16 concurrent clients through the gateway: per second, p50, p99;
//  - the same transaction as raw SQL with pgbench (-n, 16 clients), or with the pg client when no
//    pgbench binary is found (the embedded PostgreSQL package ships none);
//  - kiosk redemption latency at 50 concurrent kiosks (target p99 < 50 ms): kiosks paced as villagers
//    use them (one redemption a second each) and, separately, with no pause at all (saturation);
//  - approving (posting) one month's award sheet for 100,000 households (target < 10 s).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { closedLoop, percentile, round1 } from '../lib.mjs';

const VILLAGE = '411322104201';
const TRANSFERS = 4_000;
const KIOSK_REQUESTS = 3_000;
const SHEET_HOUSEHOLDS = 100_000;
const KIOSK_THINK_MS = 1_000;
const KIOSK_SECONDS = 20;

/** 50 kiosks, each redeeming, then pausing (a villager at the screen), for a fixed time. */
async function pacedKiosks(tokens, redeem) {
  const latencies = [];
  let failures = 0;
  const end = performance.now() + KIOSK_SECONDS * 1000;
  await Promise.all(
    tokens.map(async (token, i) => {
      await new Promise((r) => setTimeout(r, (i * KIOSK_THINK_MS) / tokens.length));
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await redeem(token);
        } catch {
          failures++;
        }
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, KIOSK_THINK_MS));
      }
    }),
  );
  return { latencies, failures };
}

export async function run({ startStack, log }) {
  const stack = await startStack({
    seedDemo: true,
    env: { ...process.env, LOG_LEVEL: 'warn', LEDGER_NOTICE_WINDOW_SECONDS: '1' },
  });
  const registryDb = new pg.Pool({ connectionString: stack.databaseUrlsWithPasswords.registry, max: 2 });
  const ledgerDb = new pg.Pool({ connectionString: stack.databaseUrlsWithPasswords.ledger, max: 4 });
  const api = (service) => `${stack.urls.admin}/api/${service}`;
  const figures = {};
  try {
    const call = async (method, url, { token, body, key, headers = {} } = {}) => {
      const res = await fetch(url, {
        method,
        headers: {
          ...headers,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(key ? { 'idempotency-key': key } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
      return text ? JSON.parse(text) : undefined;
    };
    const login = async (username) =>
      (
        await call('POST', `${api('registry')}/auth/login`, {
          body: { username, password: stack.demo.logins.find((l) => l.username === username).password },
        })
      ).accessToken;

    const households = (
      await registryDb.query(
        `SELECT id, points_card_number FROM households WHERE village_code = $1 ORDER BY id`,
        [VILLAGE],
      )
    ).rows;
    const [kioskRow] = (
      await registryDb.query(
        `SELECT k.id, k.store_id FROM kiosks k JOIN organisations o ON o.id = k.store_id WHERE o.region_code = $1`,
        [VILLAGE],
      )
    ).rows;
    const credential = stack.demo.kiosks.find((k) => k.kioskId === kioskRow.id).credential;
    const storeId = kioskRow.store_id;
    log(`waiting for the ledger to learn ${households.length} households of ${VILLAGE} from Kafka`);
    await waitFor(async () => {
      const { rows } = await ledgerDb.query(
        `SELECT count(*)::int AS n, (SELECT count(*)::int FROM store_view WHERE id = $2) AS s FROM household_view WHERE village_code = $1`,
        [VILLAGE, storeId],
      );
      return rows[0].n === households.length && rows[0].s === 1;
    });

    const keeper = await login('yanshanpu-store');
    const villageAdmin = await login('yanshanpu-admin');
    const townAdmin = await login('dushu-admin');
    const goods = await call('POST', `${api('ledger')}/stores/${storeId}/goods`, {
      token: keeper,
      body: { name: `压测商品-${randomUUID().slice(0, 8)}`, unit: '件', pricePoints: 1 },
    });
    await call('POST', `${api('ledger')}/stores/${storeId}/purchases`, {
      token: keeper,
      key: `bench-${randomUUID()}`,
      body: {
        supplier: '压测',
        lines: [{ goodsId: goods.id, quantity: 100_000 }].map((l) => ({ ...l, costFen: 0 })),
      },
    });
    // Points for the 50 households: a large grant in one balanced entry (the award path is measured below).
    await grant(
      ledgerDb,
      households.map((h) => h.id),
      1_000_000,
    );

    log('signing in 50 households at the village kiosk (PINs set by the store keeper)');
    const sessions = async () => {
      const tokens = [];
      for (const h of households) {
        await call('PUT', `${api('registry')}/households/${h.id}/pin`, {
          token: keeper,
          body: { pin: '246810' },
        });
        const s = await call('POST', `${api('registry')}/auth/kiosk/sign-in`, {
          headers: { 'x-kiosk-credential': credential },
          body: { cardNumber: h.points_card_number, pin: '246810' },
        });
        tokens.push(s.accessToken);
      }
      return tokens;
    };
    const redeem = (token) =>
      call('POST', `${api('ledger')}/redemptions`, {
        token,
        key: `bench-${randomUUID()}`,
        body: { lines: [{ goodsId: goods.id, quantity: 1 }] },
      });

    let tokens = await sessions();
    log(`transfers: ${TRANSFERS} redemptions of 1 point from 16 clients`);
    const t = await closedLoop({
      concurrency: 16,
      total: TRANSFERS,
      maxMs: 90_000,
      task: (i) => redeem(tokens[i % 16]),
    });
    figures.transfers_per_s = Math.round((t.latencies.length / t.wallMs) * 1000);
    figures.transfers_p50_ms = round1(percentile(t.latencies, 50));
    figures.transfers_p99_ms = round1(percentile(t.latencies, 99));
    figures.transfers_failures = t.failures;

    tokens = await sessions();
    log('one kiosk alone: 200 redemptions back to back (the uncontended cost of one)');
    const one = await closedLoop({ concurrency: 1, total: 200, task: () => redeem(tokens[0]) });
    figures.single_kiosk_redeem_p50_ms = round1(percentile(one.latencies, 50));
    figures.single_kiosk_redeem_p99_ms = round1(percentile(one.latencies, 99));

    log(
      `kiosks: 50 kiosks (one household each), each redeeming every ${KIOSK_THINK_MS} ms for ${KIOSK_SECONDS} s`,
    );
    const paced = await pacedKiosks(tokens, redeem);
    figures.kiosk50_paced_redemptions = paced.latencies.length;
    figures.kiosk50_paced_p50_ms = round1(percentile(paced.latencies, 50));
    figures.kiosk50_paced_p99_ms = round1(percentile(paced.latencies, 99));
    figures.kiosk50_paced_failures = paced.failures;

    tokens = await sessions();
    log(`kiosks: ${KIOSK_REQUESTS} redemptions from 50 kiosks with no pause (saturation)`);
    const k = await closedLoop({
      concurrency: 50,
      total: KIOSK_REQUESTS,
      maxMs: 90_000,
      task: (i) => redeem(tokens[i % 50]),
    });
    figures.kiosk50_saturated_per_s = Math.round((k.latencies.length / k.wallMs) * 1000);
    figures.kiosk50_saturated_p50_ms = round1(percentile(k.latencies, 50));
    figures.kiosk50_saturated_p99_ms = round1(percentile(k.latencies, 99));
    figures.kiosk50_saturated_failures = k.failures;

    Object.assign(
      figures,
      await sqlTransfers(ledgerDb, stack.databaseUrlsWithPasswords.ledger, households, storeId, log),
    );
    Object.assign(figures, await postSheet(ledgerDb, call, api('ledger'), { villageAdmin, townAdmin }, log));

    const { rows } = await ledgerDb.query(
      `SELECT coalesce(sum(balance), 0)::bigint AS s, count(*) FILTER (WHERE kind = 'household' AND balance < 0)::int AS neg FROM account`,
    );
    figures.sum_of_balances_points = Number(rows[0].s);
    figures.negative_household_balances = rows[0].neg;
  } finally {
    await registryDb.end();
    await ledgerDb.end();
  }
  return figures;
}

async function waitFor(check, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out waiting for the ledger read model');
}

/** One balanced entry crediting each household from the village's issuance account. */
async function grant(db, householdIds, points) {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO account (kind, region_code) VALUES ('village_issuance', $1) ON CONFLICT (region_code) WHERE kind = 'village_issuance' DO NOTHING`,
      [VILLAGE],
    );
    const entry = randomUUID();
    await client.query(
      `INSERT INTO journal_entry (id, kind, reason, operator_id, operator_role) VALUES ($1, 'award', 'bench grant', 'bench', 'system')`,
      [entry],
    );
    await client.query(
      `INSERT INTO journal_leg (entry_id, account_id, amount)
       SELECT $1::uuid, id, $3::bigint FROM account WHERE household_id = ANY($2::uuid[])
       UNION ALL SELECT $1::uuid, id, -$3::bigint * cardinality($2::uuid[]) FROM account WHERE kind = 'village_issuance' AND region_code = $4`,
      [entry, householdIds, points, VILLAGE],
    );
    await client.query(
      `UPDATE account a SET balance = a.balance + l.amount FROM journal_leg l WHERE l.entry_id = $1 AND l.account_id = a.id`,
      [entry],
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** The SQL of one transfer: idempotency key, household row locked, balanced entry, both balances. */
const TRANSFER_SQL = `
\\set n random(1, 50)
BEGIN;
INSERT INTO idempotency_key (caller, key, operation, request_hash, response_status, response_body)
  VALUES ('pgbench', 'pgb-' || gen_random_uuid(), 'transfer', 'h', 200, '{}');
SELECT a.balance FROM account a JOIN bench_account b ON b.account_id = a.id WHERE b.n = :n FOR UPDATE OF a;
WITH e AS (INSERT INTO journal_entry (id, kind, reason, operator_id, operator_role)
           VALUES (gen_random_uuid(), 'redemption', 'pgbench', 'pgbench', 'bench') RETURNING id)
INSERT INTO journal_leg (entry_id, account_id, amount)
  SELECT e.id, b.account_id, CASE WHEN b.n = 0 THEN 1 ELSE -1 END FROM e, bench_account b WHERE b.n IN (0, :n);
UPDATE account a SET balance = a.balance + CASE WHEN b.n = 0 THEN 1 ELSE -1 END
  FROM bench_account b WHERE b.account_id = a.id AND b.n IN (:n, 0);
COMMIT;
`;

function findPgbench() {
  const candidates = [];
  try {
    candidates.push(execFileSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).trim());
  } catch {
    // not on PATH
  }
  for (const dir of fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql') : []) {
    candidates.push(`/usr/lib/postgresql/${dir}/bin/pgbench`);
  }
  return candidates.find((c) => c && fs.existsSync(c));
}

async function sqlTransfers(db, url, households, storeId, log) {
  await db.query(`CREATE TABLE IF NOT EXISTS bench_account (n int PRIMARY KEY, account_id uuid NOT NULL)`);
  await db.query(
    `INSERT INTO bench_account SELECT 0, id FROM account WHERE store_id = $1 ON CONFLICT DO NOTHING`,
    [storeId],
  );
  await db.query(
    `INSERT INTO bench_account SELECT row_number() OVER (ORDER BY a.id), a.id FROM account a
     WHERE a.household_id = ANY($1::uuid[]) ON CONFLICT DO NOTHING`,
    [households.map((h) => h.id)],
  );
  const pgbench = findPgbench();
  const figures = {};
  if (pgbench) {
    log(`raw SQL transfers with ${pgbench} -n, 16 clients, 10 s`);
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-')), 'transfer.sql');
    fs.writeFileSync(script, TRANSFER_SQL);
    const out = spawnSync(pgbench, ['-n', '-r', '-c', '16', '-j', '4', '-T', '10', '-f', script, url], {
      encoding: 'utf8',
    });
    const tps = /tps = ([\d.]+)/.exec(out.stdout);
    const lat = /latency average = ([\d.]+) ms/.exec(out.stdout);
    if (!tps) throw new Error(`pgbench failed: ${out.stderr || out.stdout}`);
    figures.pgbench_transfers_per_s = Math.round(Number(tps[1]));
    figures.pgbench_latency_avg_ms = round1(Number(lat?.[1] ?? NaN));
    figures.pgbench_failed = Number(/number of failed transactions: (\d+)/.exec(out.stdout)?.[1] ?? 0);
  } else {
    log('no pgbench binary found (the embedded PostgreSQL package ships none): raw SQL with the pg client');
  }
  // The same transaction from the pg client, for p50/p99 (pgbench -r gives averages only).
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  try {
    const statements = TRANSFER_SQL.split(';')
      .map((s) => s.replace(/\\set.*\n/, '').trim())
      .filter((s) => s && s !== 'BEGIN' && s !== 'COMMIT');
    const r = await closedLoop({
      concurrency: 16,
      total: 10_000,
      maxMs: 30_000,
      task: async () => {
        const n = 1 + Math.floor(Math.random() * 50);
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          for (const s of statements) await c.query(s.replace(/:n/g, String(n)));
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        } finally {
          c.release();
        }
      },
    });
    figures.sql_transfers_per_s = Math.round((r.latencies.length / r.wallMs) * 1000);
    figures.sql_transfers_p50_ms = round1(percentile(r.latencies, 50));
    figures.sql_transfers_p99_ms = round1(percentile(r.latencies, 99));
    figures.sql_transfers_failures = r.failures;
  } finally {
    await pool.end();
  }
  return figures;
}

async function postSheet(db, call, ledger, { villageAdmin, townAdmin }, log) {
  log(`award sheet: ${SHEET_HOUSEHOLDS} households (read model rows inserted directly), lines by SQL`);
  const tag = randomUUID().slice(0, 8);
  await db.query(
    `INSERT INTO household_view (id, household_number, county_code, town_code, village_code, head_name, poverty_status, version)
     SELECT gen_random_uuid(), 'B' || $2 || '-' || g, '411322', '411322104', $1, '压测户' || g, 'lifted', 1
     FROM generate_series(1, $3) g`,
    [VILLAGE, tag, SHEET_HOUSEHOLDS],
  );
  await db.query(
    `INSERT INTO account (kind, household_id, region_code)
     SELECT 'household', id, village_code FROM household_view WHERE household_number LIKE 'B' || $1 || '-%'`,
    [tag],
  );
  const period = '2026-06';
  await call('POST', `${ledger}/rule-sets`, {
    token: villageAdmin,
    body: {
      villageCode: VILLAGE,
      effectiveFrom: '2026-06-01',
      monthlyBase: 2,
      items: [
        { code: 'hygiene', name: '环境卫生', points: 10 },
        { code: 'labour', name: '公益劳动', points: 5, maxPerMonth: 4 },
      ],
    },
  });
  const sheet = await call('POST', `${ledger}/award-sheets`, {
    token: villageAdmin,
    body: { villageCode: VILLAGE, period },
  });
  await db.query(
    `INSERT INTO award_line (id, sheet_id, household_id, item_id, count, points)
     SELECT gen_random_uuid(), $1, h.id, i.id, 1, i.points FROM household_view h
     JOIN rule_item i ON i.rule_set_id = $3 AND i.code = 'hygiene'
     WHERE h.household_number LIKE 'B' || $2 || '-%'`,
    [sheet.id, tag, sheet.ruleSetId],
  );
  await call('POST', `${ledger}/award-sheets/${sheet.id}/submit`, { token: villageAdmin, body: {} });
  await new Promise((r) => setTimeout(r, 1_200));
  const t0 = performance.now();
  const approved = await call('POST', `${ledger}/award-sheets/${sheet.id}/approve`, {
    token: townAdmin,
    key: `bench-${randomUUID()}`,
  });
  const ms = performance.now() - t0;
  return {
    sheet_households: approved.householdCount,
    sheet_points: approved.totalPoints,
    sheet_approve_and_post_ms: Math.round(ms),
  };
}
