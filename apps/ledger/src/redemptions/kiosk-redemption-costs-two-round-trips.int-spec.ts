/**
 * The kiosk path is the hottest in the service: a redemption costs two round trips to PostgreSQL
 * (one read, one call of `ledger_redeem` that checks and debits atomically), holds no lock across
 * a round trip, and still leaves its journal entry, stock movement, audit row, outbox event and
 * idempotency answer. Every statement the service's pool sends while one redemption runs is
 * counted here (the outbox relay's own polling is set apart).
 */
import pg from 'pg';
import { CODES, newKey, startLedgerWorld, type LedgerWorld } from '../testing/ledger-world';
import { grantPoints } from '../testing/grant-points';

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

function textOf(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'text' in arg) return String((arg as { text: unknown }).text);
  return '';
}

/** Statements of the relay and consumers, which run on their own whatever the requests do. */
const BACKGROUND = /published_at|LISTEN|UNLISTEN|FROM inbox|dead_letter|pg_try_advisory|outbox_relay/i;

describe('kiosk redemption round trips', () => {
  let w: LedgerWorld;
  let store: string;
  let goods: string;
  const seen: string[] = [];
  let recording = false;
  const original = pg.Client.prototype.query as unknown as QueryFn;

  beforeAll(async () => {
    w = await startLedgerWorld();
    store = await w.store(CODES.villageA1, '东村爱心超市');
    const keeper = await w.token('store_keeper', {
      kind: 'organisation',
      id: store,
      orgType: 'love_supermarket',
      regionCode: CODES.villageA1,
    });
    goods = (
      await w.call<{ id: string }>('POST', `/stores/${store}/goods`, {
        token: keeper,
        body: { name: '洗衣粉', unit: '袋', pricePoints: 3, lowStockThreshold: 1 },
      })
    ).body.id;
    await w.call('POST', `/stores/${store}/purchases`, {
      token: keeper,
      key: newKey(),
      body: { supplier: '供销社', lines: [{ goodsId: goods, quantity: 10, costFen: 500 }] },
    });
    (pg.Client.prototype as unknown as { query: QueryFn }).query = function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      if (recording) seen.push(textOf(args[0]));
      return original.apply(this, args);
    };
  });
  afterAll(async () => {
    (pg.Client.prototype as unknown as { query: QueryFn }).query = original;
    await w?.stop();
  });

  it('redeems in two round trips and still writes the entry, stock, audit, event and key', async () => {
    const h = await w.household(CODES.villageA1);
    await grantPoints(w.dataSource, h, CODES.villageA1, 20);
    const kiosk = await w.kiosk(h, CODES.villageA1, store);
    const key = newKey();
    const body = { lines: [{ goodsId: goods, quantity: 2 }] };
    seen.length = 0;
    recording = true;
    const answer = await w.call<{ id: string; balanceAfter: number }>('POST', '/redemptions', {
      token: kiosk,
      key,
      body,
    });
    recording = false;
    const statements = seen.filter((s) => !BACKGROUND.test(s));
    process.stdout.write(
      `round trips for one kiosk redemption: ${statements.length}\n${statements
        .map((s) => `  ${s.replace(/\s+/g, ' ').slice(0, 110)}`)
        .join('\n')}\n`,
    );
    expect(answer.status).toBe(201);
    expect(answer.body.balanceAfter).toBe(14);
    expect(statements).toHaveLength(2);

    const [row] = await w.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM journal_entry WHERE reference_id = $1 AND kind = 'redemption') AS entries,
         (SELECT count(*)::int FROM stock_movement WHERE redemption_id = $1) AS movements,
         (SELECT count(*)::int FROM audit_log WHERE target_id = $1::text AND action = 'redemption.completed') AS audits,
         (SELECT count(*)::int FROM outbox WHERE event_type = 'ledger.points.redeemed'
            AND envelope->'payload'->>'receiptId' = $1::text) AS events,
         (SELECT response_status FROM idempotency_key WHERE key = $2) AS status`,
      [answer.body.id, key],
    );
    expect(row).toEqual({ entries: 1, movements: 1, audits: 1, events: 1, status: 200 });

    seen.length = 0;
    recording = true;
    const replay = await w.call('POST', '/redemptions', { token: kiosk, key, body });
    recording = false;
    expect(replay.body).toEqual(answer.body);
    expect(seen.filter((s) => !BACKGROUND.test(s))).toHaveLength(1);
  });
});
