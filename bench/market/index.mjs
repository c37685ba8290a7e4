// The market under a rush and a browse: checkout attempts paced at 500/s on one hot product
// with 100 boxes (allowance first, the rest by card through dev-stripe), then the catalogue
// browsed with 5,000 products. Figures: oversold (must be 0), checkout latency, browse latency.
//
// Buyers are the demo county's two buyers and 48 more created in their work units (logged in
// through the registry); stock and the
// 5,000 products are written straight into the market's tables, as the messaging bench does.
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import { closedLoop, percentile, round1 } from '../lib.mjs';

const require = createRequire(import.meta.url);
const { startDevStripe } = require('../../tools/dev-stripe');

const RATE_PER_S = Number(process.env.MARKET_BENCH_RATE ?? 500);
const SECONDS = 4;
const BOXES = 100;
const PRODUCTS = 5_000;
const BROWSE_REQUESTS = 2_000;
const WEBHOOK_SECRET = 'whsec_bench_market';
const EXTRA_BUYERS = 48;

export async function run({ startStack, log }) {
  const stripe = await startDevStripe({ port: 0, webhookSecret: WEBHOOK_SECRET });
  try {
    log('starting a fresh platform with the demo county and dev-stripe');
    const stack = await startStack({
      seedDemo: true,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        STRIPE_API_BASE: stripe.url,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      },
    });
    stripe.setWebhookUrl(`${stack.urls.market}/payments/stripe/webhook`);
    const db = new pg.Pool({ connectionString: stack.databaseUrlsWithPasswords.market, max: 4 });
    try {
      const tokens = await buyerTokens(stack);
      const productId = await hotProduct(db);
      log(`rush: ${RATE_PER_S} checkout attempts/s for ${SECONDS} s on one product with ${BOXES} boxes`);
      const rush = await paced(stack.urls.market, tokens, productId);
      const [{ sold }] = (
        await db.query(
          `SELECT COALESCE(SUM(ol.quantity), 0)::int AS sold FROM order_line ol JOIN market_order o ON o.id = ol.order_id
           WHERE ol.product_id = $1 AND o.status NOT IN ('payment_failed', 'cancelled')`,
          [productId],
        )
      ).rows;
      const [{ negative }] = (
        await db.query('SELECT count(*)::int AS negative FROM stock WHERE quantity < 0')
      ).rows;
      log(`browse: ${PRODUCTS} products, ${BROWSE_REQUESTS} requests from 16 clients`);
      await manyProducts(db);
      const browse = await browsing(stack.urls.market, tokens[0]);
      return {
        checkout_attempts: rush.attempts,
        checkout_achieved_per_s: round1(rush.achievedPerS),
        checkout_created: rush.statuses[201] ?? 0,
        checkout_sold_out_409: rush.statuses[409] ?? 0,
        checkout_5xx: Object.entries(rush.statuses)
          .filter(([status]) => Number(status) >= 500)
          .reduce((sum, [, n]) => sum + n, 0),
        checkout_other_status: rush.other,
        boxes_sold: sold,
        oversold: Math.max(0, sold - BOXES) + negative,
        checkout_p50_ms: round1(percentile(rush.latencies, 50)),
        checkout_p99_ms: round1(percentile(rush.latencies, 99)),
        checkout_success_p99_ms: round1(percentile(rush.successLatencies, 99)),
        browse_requests: browse.latencies.length,
        browse_failures: browse.failures,
        browse_p50_ms: round1(percentile(browse.latencies, 50)),
        browse_p99_ms: round1(percentile(browse.latencies, 99)),
      };
    } finally {
      await db.end();
    }
  } finally {
    await stripe.stop();
  }
}

/**
 * Logs in the demo county's buyers, then has the county admin create more buyers in their work
 * units (a rush is many people, each with their own allowance wallet), and logs those in too.
 */
async function buyerTokens(stack) {
  const login = async (username, password) => {
    const res = await fetch(`${stack.urls.registry}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return (await res.json()).accessToken;
  };
  const demo = stack.demo.logins;
  const admin = demo.find((l) => l.role === 'county_admin');
  const adminToken = await login(admin.username, admin.password);
  const tokens = [];
  for (const buyer of demo.filter((l) => l.role === 'buyer'))
    tokens.push(await login(buyer.username, buyer.password));
  if (tokens.length === 0) throw new Error('the demo county has no buyers');
  const workUnits = tokens.map(
    (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString()).scope.id,
  );
  const password = 'Rush2026-market-bench';
  for (let i = 0; i < EXTRA_BUYERS; i++) {
    const username = `bench-buyer-${i}`;
    const res = await fetch(`${stack.urls.registry}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        username,
        displayName: `采购人 ${i}`,
        password,
        role: 'buyer',
        scope: { kind: 'organisation', id: workUnits[i % workUnits.length] },
      }),
    });
    if (!res.ok) throw new Error(`create ${username}: ${res.status} ${await res.text()}`);
    tokens.push(await login(username, password));
  }
  return tokens;
}

/** One product with 100 boxes over three lots, each from a household, as procurement would leave it. */
async function hotProduct(db) {
  const productId = randomUUID();
  const household = randomUUID();
  await db.query(
    `INSERT INTO network_household (id, household_number, head_name, village_code, version) VALUES ($1, 'BENCH-1', '王建国', '411322100201', 1)`,
    [household],
  );
  await db.query(
    `INSERT INTO product (id, sku, name, spec, package_description, retail_price_fen, category, origin_village_code, available)
     VALUES ($1, 'BENCH-HOT', '高山小米', '2.5kg', '礼盒', 12800, '杂粮', '411322100201', $2)`,
    [productId, BOXES],
  );
  for (const boxes of [40, 35, 25]) {
    const lot = randomUUID();
    await db.query(
      `INSERT INTO lot (id, trace_code, produce, grade, weight_grams, status) VALUES ($1, $2, '小米', 'first', 100000, 'stocked')`,
      [lot, `BENCH${lot.slice(0, 8)}`],
    );
    await db.query(
      `INSERT INTO lot_household (lot_id, household_id, weight_grams, paid_fen_per_kg) VALUES ($1, $2, 100000, 640)`,
      [lot, household],
    );
    await db.query(
      `INSERT INTO stock (id, product_id, lot_id, quantity, packed_quantity) VALUES ($1, $2, $3, $4, $4)`,
      [randomUUID(), productId, lot, boxes],
    );
  }
  return productId;
}

/** Open loop: attempts are launched on a fixed schedule whatever the answers' latency. */
async function paced(marketUrl, tokens, productId) {
  const total = RATE_PER_S * SECONDS;
  const latencies = [];
  const successLatencies = [];
  const statuses = {};
  let other = 0;
  const started = performance.now();
  const attempts = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE_PER_S;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    attempts.push(
      (async () => {
        const t0 = performance.now();
        try {
          const status = await post(`${marketUrl}/checkout`, {
            authorization: `Bearer ${tokens[i % tokens.length]}`,
            'idempotency-key': `bench-${randomUUID()}`,
          }, { items: [{ productId, quantity: 1 }], paymentMethod: 'pm_card_visa' });
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === 201) successLatencies.push(performance.now() - t0);
          if (status !== 201 && status !== 409) other++;
        } catch {
          other++;
        }
        latencies.push(performance.now() - t0);
      })(),
    );
  }
  await Promise.all(attempts);
  agent.destroy();
  const wallS = (performance.now() - started) / 1000;
  return { attempts: total, achievedPerS: total / wallS, latencies, successLatencies, statuses, other };
}

// The load is sent with node:http over a pool of kept-alive connections, as a gateway in front of
// the service would: fetch (undici) costs this 2-core machine about 1 ms of CPU per request, which
// the server under test would otherwise lose to the load generator.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url, headers, body) {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function manyProducts(db) {
  const categories = ['杂粮', '果蔬', '禽蛋', '干货', '茶叶', '菌菇', '肉类', '粮油'];
  for (let start = 0; start < PRODUCTS; start += 1000) {
    const n = Math.min(1000, PRODUCTS - start);
    const ids = Array.from({ length: n }, () => randomUUID());
    await db.query(
      `INSERT INTO product (id, sku, name, spec, package_description, retail_price_fen, category, origin_village_code, available)
       SELECT id, 'B-' || i, '扶贫产品 ' || i, '500g', '袋装', 1000 + i, c, '411322100201', 10
       FROM unnest($1::uuid[], $2::int[], $3::text[]) AS x(id, i, c)`,
      [ids, ids.map((_, k) => start + k), ids.map((_, k) => categories[(start + k) % categories.length])],
    );
  }
  await db.query('ANALYZE product');
}

function browsing(marketUrl, token) {
  const queries = [
    (i) => `page=${(i % 250) + 1}&pageSize=20`,
    (i) => `category=${encodeURIComponent(['杂粮', '果蔬', '禽蛋', '茶叶'][i % 4])}&page=${(i % 50) + 1}`,
    (i) => `q=${encodeURIComponent(`产品 ${i % 500}`)}`,
  ];
  return closedLoop({
    concurrency: 16,
    total: BROWSE_REQUESTS,
    task: async (i) => {
      const res = await fetch(`${marketUrl}/products?${queries[i % queries.length](i)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(String(res.status));
      await res.arrayBuffer();
    },
  });
}
