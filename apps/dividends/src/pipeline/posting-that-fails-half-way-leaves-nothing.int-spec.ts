/**
 * Posting writes the ledger, the payouts, the batch, its chain link, the status and the audit row in
 * one transaction. A failure after part of that was written (here: the payout insert for one
 * household, after the ledger entries) must leave none of it, and the posting can then be retried.
 */
import { dateAfter, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun, meeting, noticeAndWait } from '../testing/scenarios';

describe('a posting that fails half-way', () => {
  let world: DividendsWorld;
  let id: string;

  beforeAll(async () => {
    world = await startDividendsWorld();
    id = await coopDryRun(world);
    await noticeAndWait(world, id);
    const approved = await world.call('POST', `/distributions/${id}/approval`, {
      who: 'county',
      key: 'approve-half-way',
      body: meeting(dateAfter(10)),
    });
    expect(approved.status).toBe(200);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('leaves nothing posted, and succeeds when retried after the fault is gone', async () => {
    const snapshot = async () => ({
      ledger: await world.count('ledger_transaction', 'distribution_id = $1', [id]),
      entries: await world.count('ledger_entry'),
      payouts: await world.count('payout'),
      batches: await world.count('payout_batch'),
      chain: await world.count('chain_record'),
      posted: await world.count('distribution', `id = $1 AND status = 'posted'`, [id]),
      audit: await world.count('audit_log', `action = 'distribution.posted'`),
    });
    const before = await snapshot();
    // A fault in the middle: the ledger entries are written by then, the payout of a2 is refused.
    await world.dataSource.query(`
      CREATE FUNCTION fail_one_payout() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.household_id = '${world.households.a2}' THEN RAISE EXCEPTION 'disk full (simulated)'; END IF;
        RETURN NEW;
      END $$`);
    await world.dataSource.query(
      'CREATE TRIGGER fail_one_payout BEFORE INSERT ON payout FOR EACH ROW EXECUTE FUNCTION fail_one_payout()',
    );
    const failed = await world.call('POST', `/distributions/${id}/posting`, {
      who: 'accountantA',
      key: 'post-half-way-1',
    });
    expect(failed.status).toBe(500);
    expect(await snapshot()).toEqual(before);
    expect(before).toMatchObject({ ledger: 0, payouts: 0, posted: 0 });

    await world.dataSource.query('DROP TRIGGER fail_one_payout ON payout');
    const retried = await world.call('POST', `/distributions/${id}/posting`, {
      who: 'accountantA',
      key: 'post-half-way-1',
    });
    expect(retried.status).toBe(200);
    expect(await snapshot()).toMatchObject({ ledger: 1, payouts: 3, batches: 1, posted: 1, audit: 1 });
  });

  it('cannot commit a ledger transaction that does not balance', async () => {
    await expect(
      world.dataSource.transaction(async (m) => {
        await m.query(
          `INSERT INTO ledger_transaction (id, kind, entity_id, description) VALUES ('00000000-0000-4000-8000-000000000001', 'test', $1, 'unbalanced')`,
          [world.orgs.coopA],
        );
        await m.query(
          `INSERT INTO ledger_entry (transaction_id, account, amount_fen) VALUES ('00000000-0000-4000-8000-000000000001', 'a', 100), ('00000000-0000-4000-8000-000000000001', 'b', -99)`,
        );
      }),
    ).rejects.toThrow(/does not balance/);
  });

  it('still refuses payouts and ledger entries without their parents, and parents still referenced', async () => {
    const missing = '00000000-0000-4000-8000-0000000000ff';
    await expect(
      world.dataSource.query(
        `INSERT INTO payout (distribution_id, household_id, household_number, head_name, amount_fen, status)
         VALUES ($1, $1, 'n', 'h', 1, 'pending')`,
        [missing],
      ),
    ).rejects.toThrow(/distribution .* does not exist/);
    await expect(
      world.dataSource.query(
        `INSERT INTO ledger_entry (transaction_id, account, amount_fen) VALUES ($1, 'a', 1)`,
        [missing],
      ),
    ).rejects.toThrow(/ledger transaction .* does not exist/);
    await expect(world.dataSource.query('DELETE FROM distribution WHERE id = $1', [id])).rejects.toThrow(
      /still referenced/,
    );
    await expect(world.dataSource.query('DELETE FROM payout_batch')).rejects.toThrow(/still referenced/);
    await expect(world.dataSource.query('DELETE FROM ledger_transaction')).rejects.toThrow(
      /still referenced/,
    );
  });
});
