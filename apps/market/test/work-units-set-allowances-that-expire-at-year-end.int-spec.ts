/**
 * A work unit's yearly allowance per employee: set by the county, raised for wallets already open
 * (never lowered below what was given), and written off at year end with an entry the buyer sees.
 */
import { randomUUID } from 'node:crypto';
import { NET, scopes, startMarket, type MarketHarness } from './market-harness';

describe('work units set allowances that expire at year end', () => {
  let h: MarketHarness;
  let county: string;
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

  beforeAll(async () => {
    h = await startMarket();
    county = await h.token('county_admin', scopes.county);
  });
  afterAll(async () => {
    await h?.stop();
  });

  const buyer = () => h.token('buyer', scopes.buyer, randomUUID());
  const setPolicy = (amountFen: unknown, y: unknown = year, token = county, unit = NET.workUnit) =>
    h.call('PUT', `/work-units/${unit}/allowance-policy`, token, { year: y, amountFen });
  const wallet = async (token: string) => (await h.call('GET', '/allowance', token)).json();

  it('tops up wallets already open when the amount rises, and gives newcomers the new amount', async () => {
    const early = await buyer();
    expect((await wallet(early)).grantedFen).toBe(70_000); // the county default
    const res = await setPolicy(80_000);
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view).toMatchObject({ year, amountFen: 80_000, policySet: true, workUnitName: '县财政局' });
    const topped = await wallet(early);
    expect(topped).toMatchObject({ grantedFen: 80_000, balanceFen: 80_000 });
    expect(topped.entries.map((e: { kind: string; amountFen: number }) => [e.kind, e.amountFen])).toEqual([
      ['grant', 70_000],
      ['grant', 10_000],
    ]);
    expect((await wallet(await buyer())).grantedFen).toBe(80_000);
    // another work unit keeps the default
    expect((await wallet(await h.token('buyer', scopes.otherBuyer, randomUUID()))).grantedFen).toBe(70_000);
    const list = await (
      await h.call('GET', `/work-units/${NET.workUnit}/allowances?pageSize=1`, county)
    ).json();
    expect(list.totals).toMatchObject({ wallets: 2, grantedFen: 160_000, balanceFen: 160_000 });
    expect(list.wallets).toMatchObject({ total: 2, pageSize: 1 });
    expect(list.wallets.items).toHaveLength(1);
  });

  it('refuses to lower an amount already given, a past year, bad amounts, strangers and unknown units', async () => {
    const before = await h.ds.query('SELECT count(*)::int AS n FROM allowance_entry');
    const lower = await setPolicy(50_000);
    expect(lower.status).toBe(409);
    expect((await lower.json()).code).toBe('ALLOWANCE_POLICY_BELOW_GRANTED');
    expect((await setPolicy(80_000, year - 1)).status).toBe(422);
    expect((await setPolicy(-1)).status).toBe(400);
    expect((await setPolicy(12.5)).status).toBe(400);
    expect((await setPolicy('80000')).status).toBe(400);
    expect((await setPolicy(999_999_999)).status).toBe(400);
    expect((await setPolicy(90_000, year, county, randomUUID())).status).toBe(404);
    expect((await setPolicy(90_000, year, county, NET.point)).status).toBe(404);
    const staff = await h.token('supermarket_staff', scopes.staff);
    expect((await setPolicy(90_000, year, staff)).status).toBe(403);
    expect((await h.call('GET', `/work-units/${NET.workUnit}/allowances`, await buyer())).status).toBe(403);
    expect(await h.ds.query('SELECT count(*)::int AS n FROM allowance_entry')).toEqual(before);
    const [{ amount_fen }] = await h.ds.query(
      'SELECT amount_fen::int FROM allowance_policy WHERE year = $1',
      [year],
    );
    expect(amount_fen).toBe(80_000);
  });

  it('keeps every wallet equal to its grant entries when two raises race', async () => {
    const results = await Promise.all([setPolicy(90_000), setPolicy(100_000)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const rows = await h.ds.query(
      `SELECT w.granted_fen::int AS granted, SUM(e.amount_fen)::int AS grants FROM allowance_wallet w
       JOIN allowance_entry e ON e.wallet_id = w.id AND e.kind = 'grant' WHERE w.work_unit_id = $1 GROUP BY w.id`,
      [NET.workUnit],
    );
    for (const r of rows) expect(r.grants).toBe(r.granted);
    const [{ amount }] = await h.ds.query(
      'SELECT amount_fen::int AS amount FROM allowance_policy WHERE work_unit_id = $1 AND year = $2',
      [NET.workUnit, year],
    );
    for (const r of rows) expect(r.granted).toBe(amount);
  });

  it('writes off what is left of last year once, and the buyer sees it', async () => {
    const id = randomUUID();
    const token = await h.token('buyer', scopes.buyer, id);
    await wallet(token);
    // make it last year's wallet, with 300 fen spent
    await h.ds.query(
      `UPDATE allowance_wallet SET year = year - 1, expires_at = now() - interval '1 day', balance_fen = balance_fen - 300
       WHERE buyer_id = $1`,
      [id],
    );
    const [{ balance, wid }] = await h.ds.query(
      'SELECT balance_fen::int AS balance, id AS wid FROM allowance_wallet WHERE buyer_id = $1',
      [id],
    );
    const run = await h.call('POST', '/allowances/expire', county);
    expect(run.status).toBe(200);
    expect(await run.json()).toEqual({ expiredWallets: 1, expiredFen: balance });
    expect(await (await h.call('POST', '/allowances/expire', county)).json()).toEqual({
      expiredWallets: 0,
      expiredFen: 0,
    });
    const entries = await h.ds.query(
      `SELECT kind, amount_fen::int AS amount FROM allowance_entry WHERE wallet_id = $1 ORDER BY id`,
      [wid],
    );
    expect(entries.at(-1)).toEqual({ kind: 'expire', amount: balance });
    const [after] = await h.ds.query(
      'SELECT balance_fen::int AS balance, expired_at FROM allowance_wallet WHERE id = $1',
      [wid],
    );
    expect(after.balance).toBe(0);
    expect(after.expired_at).not.toBeNull();
    // this year the buyer starts afresh
    expect((await wallet(token)).year).toBe(year);
    expect((await h.call('POST', '/allowances/expire', await buyer())).status).toBe(403);
  });
});
