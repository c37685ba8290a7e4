/**
 * The posting writes its payouts in one statement, with time-ordered ids in household order, and
 * the references of payouts and ledger entries are checked once per statement (migration
 * 1763900004900). What a foreign key guaranteed still holds, including for retries.
 */
import { dateAfter, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun, meeting, noticeAndWait } from '../testing/scenarios';

describe('a posting written in bulk', () => {
  let world: DividendsWorld;
  let id: string;

  beforeAll(async () => {
    world = await startDividendsWorld();
    id = await coopDryRun(world);
    await noticeAndWait(world, id);
    const approved = await world.call('POST', `/distributions/${id}/approval`, {
      who: 'county',
      key: 'approve-bulk',
      body: meeting(dateAfter(10)),
    });
    expect(approved.status).toBe(200);
    const posted = await world.call('POST', `/distributions/${id}/posting`, {
      who: 'accountantA',
      key: 'post-bulk',
    });
    expect(posted.status).toBe(200);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('gives every payout a time-ordered id, in household order, that adds up to the batch', async () => {
    const payouts = (await world.dataSource.query(
      `SELECT p.id, p.household_id, p.amount_fen::text AS amount_fen, b.total_fen::text AS batch_total
       FROM payout p JOIN payout_batch b ON b.id = p.batch_id WHERE p.distribution_id = $1 ORDER BY p.id`,
      [id],
    )) as Array<{ id: string; household_id: string; amount_fen: string; batch_total: string }>;
    expect(payouts).toHaveLength(3);
    for (const p of payouts)
      expect(p.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const households = payouts.map((p) => p.household_id);
    expect(households).toEqual([...households].sort());
    const total = payouts.reduce((s, p) => s + BigInt(p.amount_fen), 0n);
    expect(String(total)).toBe(payouts[0].batch_total);
  });

  it('refuses a retry of a payout that does not exist, and keeps a payout a retry refers to', async () => {
    const [first] = (await world.dataSource.query(
      'SELECT id, batch_id, household_id FROM payout WHERE distribution_id = $1 ORDER BY id LIMIT 1',
      [id],
    )) as Array<{ id: string; batch_id: string; household_id: string }>;
    const insertRetryOf = (retryOf: string) =>
      world.dataSource.query(
        `INSERT INTO payout (distribution_id, batch_id, household_id, household_number, head_name, amount_fen, attempt, retry_of, retry_reason, status)
         VALUES ($1, $2, $3, 'n', 'h', 1, 2, $4, 'test', 'pending') RETURNING id`,
        [id, first.batch_id, first.household_id, retryOf],
      );
    await expect(insertRetryOf('00000000-0000-4000-8000-0000000000ff')).rejects.toThrow(
      /retries payout .* which does not exist/,
    );
    const [retry] = (await insertRetryOf(first.id)) as Array<{ id: string }>;
    expect(retry.id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(world.dataSource.query('DELETE FROM payout WHERE id = $1', [first.id])).rejects.toThrow(
      /still referenced/,
    );
    await expect(
      world.dataSource.query(`UPDATE payout SET id = '00000000-0000-4000-8000-0000000000fe' WHERE id = $1`, [
        first.id,
      ]),
    ).rejects.toThrow(/still referenced/);
    expect(await world.count('payout', 'id = $1', [first.id])).toBe(1);
  });

  it('keeps the entry count and sum of each ledger transaction, which cannot be set by hand', async () => {
    const [posted] = (await world.dataSource.query(
      `SELECT t.id, t.entry_count::int AS entry_count, t.balance_fen::text AS balance_fen,
              (SELECT count(*)::int FROM ledger_entry e WHERE e.transaction_id = t.id) AS entries
       FROM ledger_transaction t WHERE t.distribution_id = $1`,
      [id],
    )) as Array<{ id: string; entry_count: number; balance_fen: string; entries: number }>;
    expect(posted.entry_count).toBe(posted.entries);
    expect(posted.entry_count).toBeGreaterThan(2);
    expect(posted.balance_fen).toBe('0');
    await expect(
      world.dataSource.query('UPDATE ledger_transaction SET balance_fen = 0, entry_count = 2 WHERE id = $1', [
        posted.id,
      ]),
    ).rejects.toThrow(/follow its entries/);
    await expect(
      world.dataSource.query(
        `INSERT INTO ledger_transaction (id, kind, entity_id, description, entry_count, balance_fen)
         VALUES ('00000000-0000-4000-8000-0000000000aa', 'test', $1, 'preset totals', 2, 0)`,
        [posted.id],
      ),
    ).rejects.toThrow(/follow its entries/);
    // An unbalanced transaction still cannot commit, whatever statements wrote its entries.
    await expect(
      world.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO ledger_transaction (id, kind, entity_id, description) VALUES ('00000000-0000-4000-8000-0000000000ab', 'test', $1, 'two statements')`,
          [posted.id],
        );
        await manager.query(
          `INSERT INTO ledger_entry (transaction_id, account, amount_fen) VALUES ('00000000-0000-4000-8000-0000000000ab', 'a', 100)`,
        );
        await manager.query(
          `INSERT INTO ledger_entry (transaction_id, account, amount_fen) VALUES ('00000000-0000-4000-8000-0000000000ab', 'b', -99), ('00000000-0000-4000-8000-0000000000ab', 'c', -2)`,
        );
      }),
    ).rejects.toThrow(/does not balance \(-1 over 3 entries\)/);
    await expect(
      world.dataSource.query('DELETE FROM ledger_transaction WHERE id = $1', [posted.id]),
    ).rejects.toThrow(/still referenced from ledger_entry/);
  });

  it("keeps a payout in a batch of its own distribution, and finds a distribution's payouts through its batches", async () => {
    const [first] = (await world.dataSource.query(
      'SELECT id, batch_id, household_id FROM payout WHERE distribution_id = $1 ORDER BY id LIMIT 1',
      [id],
    )) as Array<{ id: string; batch_id: string; household_id: string }>;
    const other = await coopDryRun(world);
    await expect(
      world.dataSource.query(
        `INSERT INTO payout (distribution_id, batch_id, household_id, household_number, head_name, amount_fen, status)
         VALUES ($1, $2, $3, 'n', 'h', 1, 'pending')`,
        [other, first.batch_id, first.household_id],
      ),
    ).rejects.toThrow(/cannot be in payout batch/);
    await expect(
      world.dataSource.query('UPDATE payout SET distribution_id = $1 WHERE id = $2', [other, first.id]),
    ).rejects.toThrow(/cannot be in payout batch/);
    await expect(
      world.dataSource.query('UPDATE payout_batch SET distribution_id = $1 WHERE id = $2', [
        other,
        first.batch_id,
      ]),
    ).rejects.toThrow(/cannot move/);
    // A distribution whose payouts are all in batches still cannot be deleted.
    await expect(world.dataSource.query('DELETE FROM distribution WHERE id = $1', [id])).rejects.toThrow(
      /still referenced from payout/,
    );
    const listed = await world.call('GET', `/distributions/${id}/payouts`, { who: 'accountantA' });
    expect(listed.status).toBe(200);
    expect((listed.body as { payouts: unknown[] }).payouts).toHaveLength(
      await world.count('payout', 'distribution_id = $1', [id]),
    );
  });
});
