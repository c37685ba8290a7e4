/**
 * A posting credits "households payable" once, with the total; the payouts are that account's
 * sub-ledger (migration 1763900005200). The database, not only the service, keeps the two equal:
 * a batch must hold exactly the payouts it states, and a posting's payable credit must equal its
 * payouts, or the transaction cannot commit and leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { dateAfter, startDividendsWorld, type DividendsWorld } from '../testing/dividends-world';
import { coopDryRun, meeting, noticeAndWait } from '../testing/scenarios';
import { accounts, postLedgerTransaction } from '../common/ledger';
import { ChainService } from '../chain/chain.service';
import { withPostingConnections, writePosting } from './posting-writes';

describe('the households payable credit and the payouts', () => {
  let world: DividendsWorld;
  let id: string;
  let entityId: string;

  const written = async () => ({
    payouts: await world.count('payout', 'distribution_id = $1', [id]),
    batches: await world.count('payout_batch', 'distribution_id = $1', [id]),
    ledger: await world.count('ledger_transaction', 'distribution_id = $1', [id]),
    status: (
      (await world.dataSource.query('SELECT status FROM distribution WHERE id = $1', [id])) as Array<{
        status: string;
      }>
    )[0].status,
  });

  /** The service's posting writes, then `tamper`, in one transaction that must fail to commit. */
  const postAndTamper = (tamper: (manager: EntityManager, batchId: string) => Promise<unknown>) =>
    world.dataSource.transaction(async (manager) => {
      const [d] = (await manager.query(
        'SELECT title, pool_fen::text AS pool, account_parts FROM distribution WHERE id = $1',
        [id],
      )) as Array<{
        title: string;
        pool: string;
        account_parts: Array<{ account: string; amountFen: string }>;
      }>;
      const batchId = randomUUID();
      await withPostingConnections(world.dataSource, manager, (db) =>
        writePosting(db, new ChainService(world.dataSource), {
          distributionId: id,
          entityId,
          title: d.title,
          poolFen: BigInt(d.pool),
          accountParts: d.account_parts.map((a) => ({ account: a.account, amountFen: BigInt(a.amountFen) })),
          batchId,
          actor: 'test',
          at: new Date(),
        }),
      );
      await tamper(manager, batchId);
    });

  beforeAll(async () => {
    world = await startDividendsWorld();
    entityId = world.orgs.coopA;
    id = await coopDryRun(world);
    await noticeAndWait(world, id);
    const approved = await world.call('POST', `/distributions/${id}/approval`, {
      who: 'county',
      key: 'approve-control',
      body: meeting(dateAfter(10)),
    });
    expect(approved.status).toBe(200);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('refuses a batch that states another total than its payouts hold', async () => {
    await expect(
      postAndTamper((manager, batchId) =>
        manager.query('UPDATE payout_batch SET total_fen = total_fen + 1 WHERE id = $1', [batchId]),
      ),
    ).rejects.toThrow(/payout batch .* states .* but holds/);
    expect(await written()).toEqual({ payouts: 0, batches: 0, ledger: 0, status: 'approved' });
  });

  it('refuses a posting whose payable credit differs from its payouts, even when the ledger balances', async () => {
    await expect(
      postAndTamper((manager) =>
        // A balanced move of 1 fen from the households to a retained account: the ledger still
        // balances, but households payable no longer equals what the payouts pay.
        postLedgerTransaction(
          manager,
          { kind: 'distribution.posted', entityId, distributionId: id, description: 'tamper' },
          [
            { account: accounts.householdsPayable(entityId), amountFen: 1n },
            { account: accounts.retained(entityId, 'running_costs'), amountFen: -1n },
          ],
        ),
      ),
    ).rejects.toThrow(/credits .* to households payable/);
    expect(await written()).toEqual({ payouts: 0, batches: 0, ledger: 0, status: 'approved' });
  });

  it('posts through the service with the payable credit equal to the payouts and to the batch', async () => {
    const posted = await world.call('POST', `/distributions/${id}/posting`, {
      who: 'accountantA',
      key: 'post-control',
    });
    expect(posted.status).toBe(200);
    const [row] = (await world.dataSource.query(
      `SELECT (SELECT -sum(e.amount_fen) FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
               WHERE t.distribution_id = $1 AND e.account = $2)::text AS payable,
              (SELECT sum(amount_fen) FROM payout WHERE distribution_id = $1)::text AS payouts,
              (SELECT total_fen FROM payout_batch WHERE distribution_id = $1)::text AS batch,
              (SELECT count(*) FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
               WHERE t.distribution_id = $1 AND e.account = $2)::int AS payable_entries`,
      [id, accounts.householdsPayable(entityId)],
    )) as Array<{ payable: string; payouts: string; batch: string; payable_entries: number }>;
    expect(row).toEqual({ payable: row.payouts, payouts: row.batch, batch: '679012', payable_entries: 1 });
    expect((await written()).status).toBe('posted');
  });
});
