/**
 * Points expiry (积分过期) on the double-entry books. A county sets "points lapse N months after
 * award"; a run takes, from each household, the awarded points older than the cutoff that later
 * redemptions, deductions and earlier expiries have not already spent (oldest points are spent
 * first), in ONE balanced entry into the county's expiry account. A day's run is made once; the
 * trial balance still sums to zero; a redemption racing the run never overdraws.
 *
 * Each scenario has a county of its own, so runs of one never touch another's households.
 */
import type {
  ExpiryPolicyAnswer,
  ExpiryPolicyView,
  ExpiryRunView,
  LedgerTrialBalance,
  Paginated,
} from '@fupin/contracts';
import { householdAccount } from '../accounts/journal';
import { awardOn, redeemOn } from '../testing/backdated-entries';
import { newKey, startLedgerWorld, type LedgerWorld } from '../testing/ledger-world';
import { ExpiryScheduler, SCHEDULER_ACTOR } from './expiry-scheduler';

interface Line {
  kind: string;
  amount: number;
  reason: string;
}

describe('points expiry', () => {
  let w: LedgerWorld;
  let auditor: string;

  const countyAdmin = (county: string) => w.token('county_admin', { kind: 'region', code: county });
  const setPolicy = async (county: string, body: unknown, token?: string) =>
    w.call<ExpiryPolicyView & { code?: string }>('PUT', `/counties/${county}/expiry-policy`, {
      token: token ?? (await countyAdmin(county)),
      body,
    });
  const run = async (county: string, runDate?: string, key = newKey()) =>
    w.call<ExpiryRunView & { code?: string }>('POST', `/counties/${county}/expiry-runs`, {
      token: await countyAdmin(county),
      key,
      body: runDate ? { runDate } : {},
    });
  const readPolicy = async (county: string, token: string) =>
    w.call<ExpiryPolicyAnswer & { code?: string }>('GET', `/counties/${county}/expiry-policy`, { token });
  const listRuns = async (county: string, token: string, query = '') =>
    w.call<Paginated<ExpiryRunView> & { code?: string }>('GET', `/counties/${county}/expiry-runs${query}`, {
      token,
    });
  const regionToken = (role: 'town_admin' | 'village_admin' | 'store_keeper', code: string) =>
    w.token(role, { kind: 'region', code });
  const balance = async (h: string) => (await householdAccount(w.dataSource.manager, h))!.balance;
  const trialBalance = async () =>
    (await w.call<LedgerTrialBalance>('GET', '/accounts/trial-balance', { token: auditor })).body;
  const expiryAccountBalance = async (county: string) => {
    const [row] = await w.dataSource.query(
      `SELECT balance FROM account WHERE kind = 'expiry' AND region_code = $1`,
      [county],
    );
    return row ? Number(row.balance) : 0;
  };

  beforeAll(async () => {
    w = await startLedgerWorld({ LEDGER_EXPIRY_CHECK_INTERVAL_MS: '0' });
    auditor = await w.token('auditor', { kind: 'region', code: '411322' });
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('expires, in August, the 70 points left of January’s 100 after March’s 30 (6 months, oldest first)', async () => {
    const county = '411301';
    const village = `${county}104201`;
    const store = await w.store(village);
    const worked = await w.household(village, '张秀英');
    await awardOn(w.dataSource, worked, village, 100, '2026-01-10T02:00:00Z');
    await redeemOn(w.dataSource, worked, store, 30, '2026-03-10T02:00:00Z');
    // Spent more than its old points: nothing of January is left, July's are young.
    const spender = await w.household(village, '李建国');
    await awardOn(w.dataSource, spender, village, 50, '2026-01-20T02:00:00Z');
    await awardOn(w.dataSource, spender, village, 40, '2026-07-01T02:00:00Z');
    await redeemOn(w.dataSource, spender, store, 60, '2026-07-25T02:00:00Z');
    // Nothing spent: January's 20 go, the 10 of 10 February (after the 1 February cutoff) stay.
    const saver = await w.household(village, '王桂兰');
    await awardOn(w.dataSource, saver, village, 20, '2026-01-05T02:00:00Z');
    await awardOn(w.dataSource, saver, village, 10, '2026-02-10T02:00:00Z');
    // A deduction on a sheet spends old points too.
    const deducted = await w.household(village, '赵小红');
    await awardOn(w.dataSource, deducted, village, 15, '2026-01-15T02:00:00Z');
    await awardOn(w.dataSource, deducted, village, -5, '2026-02-15T02:00:00Z');

    const policy = await setPolicy(county, { enabled: true, months: 6, effectiveFrom: '2026-01-01' });
    expect(policy.status).toBe(200);
    expect(policy.body).toMatchObject({ countyCode: county, enabled: true, months: 6, version: 1 });

    const answer = await run(county, '2026-08-01');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      countyCode: county,
      runDate: '2026-08-01',
      months: 6,
      cutoff: '2026-01-31T16:00:00.000Z',
      householdCount: 3,
      totalPoints: 70 + 20 + 10,
    });
    expect(await balance(worked)).toBe(0);
    expect(await balance(spender)).toBe(30);
    expect(await balance(saver)).toBe(10);
    expect(await balance(deducted)).toBe(0);
    expect(await expiryAccountBalance(county)).toBe(100);

    const legs = await w.dataSource.query(
      `SELECT count(*)::int AS n, sum(amount)::int AS total FROM journal_leg WHERE entry_id = $1`,
      [answer.body.entryId],
    );
    expect(legs).toEqual([{ n: 4, total: 0 }]);
    const statement = await w.call<{ items: Line[] }>('GET', `/accounts/households/${worked}/statement`, {
      token: await countyAdmin(county),
    });
    expect(statement.body.items[0]).toMatchObject({ kind: 'expiry', amount: -70 });
    expect(statement.body.items[0].reason).toContain('过期');
    expect(await trialBalance()).toMatchObject({ sumOfBalances: 0, sumOfLegs: 0, mismatchedAccounts: 0 });
    const audits = await w.dataSource.query(
      `SELECT action, details FROM audit_log WHERE action IN ('expiry.policy.set', 'points.expired')
         AND (target_id = $1 OR details->>'countyCode' = $1) ORDER BY id`,
      [county],
    );
    expect(audits.map((a: { action: string }) => a.action)).toEqual(['expiry.policy.set', 'points.expired']);
    expect(audits[1].details).toMatchObject({ totalPoints: 100, householdCount: 3 });
    const [event] = await w.dataSource.query(
      `SELECT envelope FROM outbox WHERE envelope->>'type' = 'ledger.points.expired' AND message_key = $1`,
      [answer.body.id],
    );
    expect(event.envelope.payload).toMatchObject({ countyCode: county, months: 6, part: 1, parts: 1 });
    const announced = event.envelope.payload.households as Array<{ householdId: string; points: number }>;
    expect(announced.reduce((sum, h) => sum + h.points, 0)).toBe(100);
    expect(announced.find((h) => h.householdId === worked)?.points).toBe(70);
  });

  it('changes nothing when the day is run again, and expires nothing twice the next day', async () => {
    const county = '411302';
    const village = `${county}104201`;
    const h = await w.household(village);
    await awardOn(w.dataSource, h, village, 40, '2026-01-10T02:00:00Z');
    await awardOn(w.dataSource, h, village, 25, '2026-05-10T02:00:00Z');
    await setPolicy(county, { enabled: true, months: 6, effectiveFrom: '2026-01-01' });
    const key = newKey();
    const first = await run(county, '2026-08-01', key);
    expect(first.body.totalPoints).toBe(40);
    const entries = await w.count('journal_entry');
    const audits = await w.count('audit_log');

    const replayed = await run(county, '2026-08-01', key);
    const again = await run(county, '2026-08-01');
    expect(replayed.body).toEqual(first.body);
    expect(again.body).toEqual(first.body);
    const nextDay = await run(county, '2026-08-02');
    expect(nextDay.body).toMatchObject({
      runDate: '2026-08-02',
      totalPoints: 0,
      householdCount: 0,
      entryId: null,
    });
    expect(await w.count('journal_entry')).toBe(entries);
    expect(await balance(h)).toBe(25);
    expect(await expiryAccountBalance(county)).toBe(40);
    // In November May's 25 are old too, and only they go.
    const november = await run(county, '2026-11-15');
    expect(november.body.totalPoints).toBe(25);
    expect(await balance(h)).toBe(0);
    expect(await w.count('audit_log')).toBeGreaterThan(audits);
    const listed = await w.call<Paginated<ExpiryRunView>>('GET', `/counties/${county}/expiry-runs`, {
      token: await w.token('auditor', { kind: 'region', code: county }),
    });
    expect(listed.body.items.map((r) => r.totalPoints)).toEqual([25, 0, 40]);
    expect(listed.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(await trialBalance()).toMatchObject({ sumOfBalances: 0, mismatchedAccounts: 0 });
  });

  it('counts points awarded before the policy from its effective date, and refuses what it must', async () => {
    const county = '411303';
    const village = `${county}104201`;
    const h = await w.household(village);
    await awardOn(w.dataSource, h, village, 12, '2025-05-10T02:00:00Z');
    expect((await run(county, '2026-07-01')).body.code).toBe('EXPIRY_POLICY_NOT_FOUND');
    await setPolicy(county, { enabled: false, months: 6, effectiveFrom: '2026-01-01' });
    expect((await run(county, '2026-07-01')).body.code).toBe('EXPIRY_POLICY_DISABLED');
    const on = await setPolicy(county, { enabled: true, months: 6, effectiveFrom: '2026-01-01' });
    expect(on.body.version).toBe(2);
    expect((await run(county, '2025-12-31')).body.code).toBe('EXPIRY_NOT_IN_FORCE');
    const future = await run(county, '2099-01-01');
    expect([future.status, future.body.code]).toEqual([422, 'EXPIRY_RUN_DATE_IN_FUTURE']);

    // Counted from 1 January 2026, May 2025's points are not yet 6 months old on 30 June…
    expect((await run(county, '2026-06-30')).body.totalPoints).toBe(0);
    expect(await balance(h)).toBe(12);
    // …and are on 2 July.
    expect((await run(county, '2026-07-02')).body.totalPoints).toBe(12);
    expect(await balance(h)).toBe(0);

    const town = await w.token('town_admin', { kind: 'region', code: `${county}104` });
    expect(
      (await setPolicy(county, { enabled: true, months: 3, effectiveFrom: '2026-01-01' }, town)).status,
    ).toBe(403);
    const other = await countyAdmin('411304');
    expect(
      (await setPolicy(county, { enabled: true, months: 3, effectiveFrom: '2026-01-01' }, other)).status,
    ).toBe(403);
    for (const bad of [
      { enabled: true, months: 0, effectiveFrom: '2026-01-01' },
      { enabled: true, months: 6, effectiveFrom: '2026-13-01' },
      { enabled: 'yes', months: 6, effectiveFrom: '2026-01-01' },
    ]) {
      expect((await setPolicy(county, bad)).status).toBe(400);
    }
    const read = await w.call<ExpiryPolicyView>('GET', `/counties/${county}/expiry-policy`, {
      token: await w.token('village_admin', { kind: 'region', code: village }),
    });
    expect(read.body).toMatchObject({ enabled: true, months: 6, effectiveFrom: '2026-01-01', version: 2 });
    expect(
      (await w.call('GET', `/counties/${county}/expiry-policy`, { token: await countyAdmin('411304') }))
        .status,
    ).toBe(403);
  });

  it('answers 200 with null, not 404, while a county has set no policy, and 400 to a code that is no county code', async () => {
    const county = '411308';
    const village = `${county}104201`;
    for (const token of [
      await countyAdmin(county),
      await regionToken('town_admin', `${county}104`),
      await regionToken('village_admin', village),
    ]) {
      const none = await readPolicy(county, token);
      // The body is the JSON `null`, not an empty answer a client could not parse.
      expect([none.status, none.body]).toEqual([200, null]);
    }
    expect((await readPolicy(county, await countyAdmin('411304'))).status).toBe(403);
    for (const bad of ['41130', '4113081', '41130x', '411308104']) {
      const answer = await readPolicy(bad, await countyAdmin(county));
      expect([bad, answer.status, answer.body.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
    const [{ n }] = await w.dataSource.query(
      `SELECT count(*)::int AS n FROM expiry_policy WHERE county_code = $1`,
      [county],
    );
    expect(n).toBe(0);

    await setPolicy(county, { enabled: true, months: 6, effectiveFrom: '2026-01-01' });
    const set = await readPolicy(county, await regionToken('village_admin', village));
    expect([set.status, set.body]).toEqual([200, expect.objectContaining({ countyCode: county, months: 6 })]);
  });

  it('lists a county’s runs a page at a time, latest day first, to its town and village admins too', async () => {
    const county = '411309';
    const village = `${county}104201`;
    const h = await w.household(village);
    await awardOn(w.dataSource, h, village, 50, '2026-01-10T02:00:00Z');
    await setPolicy(county, { enabled: true, months: 6, effectiveFrom: '2026-01-01' });
    const days = ['2026-08-01', '2026-08-02', '2026-08-03', '2026-08-04', '2026-08-05'];
    for (const day of days) expect((await run(county, day)).status).toBe(200);

    const town = await regionToken('town_admin', `${county}104`);
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => listRuns(county, town, `?page=${page}&pageSize=2`)),
    );
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(pages.map((p) => p.body.items.map((r) => r.runDate))).toEqual([
      ['2026-08-05', '2026-08-04'],
      ['2026-08-03', '2026-08-02'],
      ['2026-08-01'],
      [],
    ]);
    expect(pages.map((p) => [p.body.total, p.body.page, p.body.pageSize])).toEqual([
      [5, 1, 2],
      [5, 2, 2],
      [5, 3, 2],
      [5, 4, 2],
    ]);
    // The 50 points of January went on the first day; later days expired nothing.
    expect(pages[2]!.body.items[0]).toMatchObject({ totalPoints: 50, householdCount: 1 });

    const byVillage = await listRuns(county, await regionToken('village_admin', village));
    expect(byVillage.status).toBe(200);
    expect(byVillage.body).toMatchObject({ total: 5, page: 1, pageSize: 20 });
    expect(byVillage.body.items.map((r) => r.runDate)).toEqual([...days].reverse());

    for (const outsider of [
      await countyAdmin('411304'),
      await regionToken('town_admin', '411304104'),
      await regionToken('village_admin', '411304104201'),
    ]) {
      const refused = await listRuns(county, outsider);
      expect([refused.status, refused.body.items]).toEqual([403, undefined]);
    }
    // A store keeper may read the policy, not the runs.
    expect((await listRuns(county, await regionToken('store_keeper', village))).status).toBe(403);
    for (const query of ['?page=0', '?pageSize=0', '?pageSize=201', '?page=two', '?page=1.5']) {
      const bad = await listRuns(county, town, query);
      expect([query, bad.status, bad.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });

  it('never lets a redemption racing the run overdraw, and still spends the oldest points first', async () => {
    const county = '411305';
    const village = `${county}104201`;
    const store = await w.store(village);
    const keeper = await w.token('store_keeper', {
      kind: 'organisation',
      id: store,
      orgType: 'love_supermarket',
      regionCode: village,
    });
    const goods = (
      await w.call<{ id: string }>('POST', `/stores/${store}/goods`, {
        token: keeper,
        body: { name: '食用油', unit: '桶', pricePoints: 10, lowStockThreshold: 0 },
      })
    ).body.id;
    await w.call('POST', `/stores/${store}/purchases`, {
      token: keeper,
      key: newKey(),
      body: { supplier: '供销社', lines: [{ goodsId: goods, quantity: 100, costFen: 4000 }] },
    });
    const h = await w.household(village);
    await awardOn(w.dataSource, h, village, 100, '2026-01-10T02:00:00Z');
    await redeemOn(w.dataSource, h, store, 30, '2026-03-10T02:00:00Z');
    await awardOn(w.dataSource, h, village, 50, '2026-07-10T02:00:00Z');
    await setPolicy(county, { enabled: true, months: 6, effectiveFrom: '2026-01-01' });
    const kiosk = await w.kiosk(h, village, store);

    const [expiry, ...redemptions] = await Promise.all([
      run(county, '2026-08-01'),
      ...Array.from({ length: 12 }, () =>
        w.call<{ code?: string }>('POST', '/redemptions', {
          token: kiosk,
          key: newKey(),
          body: { lines: [{ goodsId: goods, quantity: 1 }] },
        }),
      ),
    ]);
    expect(expiry.status).toBe(200);
    const ok = redemptions.filter((r) => r.status === 201).length;
    expect(redemptions.filter((r) => r.status !== 201).map((r) => r.body.code)).toEqual(
      Array(12 - ok).fill('INSUFFICIENT_POINTS'),
    );
    const expired = expiry.body.totalPoints;
    const left = await balance(h);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left).toBe(120 - 10 * ok - expired);
    // Oldest first: the run took what was left of January after the redemptions booked before it.
    const account = (await householdAccount(w.dataSource.manager, h))!;
    const [{ before }] = await w.dataSource.query(
      `SELECT count(*)::int AS before FROM journal_leg l JOIN journal_entry e ON e.id = l.entry_id
       WHERE l.account_id = $1 AND e.kind = 'redemption' AND e.reason <> 'test (backdated)'
         AND ($2::uuid IS NULL OR e.entry_number < (SELECT entry_number FROM journal_entry WHERE id = $2))`,
      [account.id, expiry.body.entryId],
    );
    expect(expired).toBe(Math.max(0, 70 - 10 * before));
    expect(await trialBalance()).toMatchObject({ sumOfBalances: 0, sumOfLegs: 0, mismatchedAccounts: 0 });
    const [{ negative }] = await w.dataSource.query(
      `SELECT count(*)::int AS negative FROM account WHERE kind = 'household' AND balance < 0`,
    );
    expect(negative).toBe(0);
  });

  it('counts a redemption that commits while the run waits for the household’s lock', async () => {
    const county = '411307';
    const village = `${county}104201`;
    const store = await w.store(village);
    const h = await w.household(village);
    await awardOn(w.dataSource, h, village, 100, '2026-01-10T02:00:00Z');
    await redeemOn(w.dataSource, h, store, 30, '2026-03-10T02:00:00Z');
    await awardOn(w.dataSource, h, village, 50, '2026-07-10T02:00:00Z');
    await setPolicy(county, { enabled: true, months: 6, effectiveFrom: '2026-01-01' });
    const account = (await householdAccount(w.dataSource.manager, h))!;
    const storeAccount = (await w.dataSource.query(`SELECT id FROM account WHERE store_id = $1`, [store]))[0]
      .id;

    // A redemption of 40 in flight: it holds the household's account when the run starts.
    const kiosk = w.dataSource.createQueryRunner();
    await kiosk.connect();
    await kiosk.startTransaction();
    await kiosk.query(`SELECT 1 FROM account WHERE id = $1 FOR NO KEY UPDATE`, [account.id]);
    const entry = '00000000-0000-4000-8000-0000000000a7';
    await kiosk.query(
      `INSERT INTO journal_entry (id, kind, reason, operator_id, operator_role) VALUES ($1, 'redemption', 'in flight', 't', 'household')`,
      [entry],
    );
    await kiosk.query(
      `INSERT INTO journal_leg (entry_id, account_id, amount) VALUES ($1, $2, -40), ($1, $3, 40)`,
      [entry, account.id, storeAccount],
    );
    await kiosk.query(
      `UPDATE account SET balance = balance + CASE WHEN id = $1 THEN -40 ELSE 40 END WHERE id IN ($1, $2)`,
      [account.id, storeAccount],
    );
    const running = run(county, '2026-08-01');
    let waiting = false;
    for (let i = 0; i < 2_000 && !waiting; i++) {
      const [{ n }] = await w.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%'`,
      );
      waiting = n > 0;
      if (!waiting) await new Promise((r) => setImmediate(r));
    }
    expect(waiting).toBe(true);
    await kiosk.commitTransaction();
    await kiosk.release();

    const answer = await running;
    // Oldest first: January's 100 less March's 30 less the 40 just redeemed.
    expect(answer.body.totalPoints).toBe(30);
    expect(await balance(h)).toBe(150 - 30 - 40 - 30);
    expect(await trialBalance()).toMatchObject({ sumOfBalances: 0, mismatchedAccounts: 0 });
  });

  it('runs each due county once a day from the scheduler, however many instances tick at once', async () => {
    const county = '411306';
    const village = `${county}104201`;
    const h = await w.household(village);
    await awardOn(w.dataSource, h, village, 9, '2026-01-10T02:00:00Z');
    await setPolicy(county, { enabled: true, months: 6, effectiveFrom: '2026-01-01' });
    const scheduler = w.service.app.get(ExpiryScheduler);
    const ticks = await Promise.all([scheduler.tick('2026-08-03'), scheduler.tick('2026-08-03')]);
    expect(ticks.filter((t) => t?.includes(county))).toHaveLength(1);
    expect(await scheduler.tick('2026-08-03')).toEqual([]);
    const runs = await w.dataSource.query(
      `SELECT triggered_by, total_points FROM expiry_run WHERE county_code = $1`,
      [county],
    );
    expect(runs).toEqual([{ triggered_by: SCHEDULER_ACTOR, total_points: '9' }]);
    expect(await balance(h)).toBe(0);
  });
});
