import type { ClientBase, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { recordHash, type ChainService } from '../chain/chain.service';
import { accounts, postLedgerTransaction, type Sql } from '../common/ledger';
import { withPooledClient } from '../common/pooled-client';
import { copyPayouts } from './payout-copy';

export interface PostingInput {
  distributionId: string;
  entityId: string;
  title: string;
  poolFen: bigint;
  accountParts: ReadonlyArray<{ account: string; amountFen: bigint }>;
  batchId: string;
  actor: string;
  at: Date;
}

/** The connections a posting uses. */
export interface PostingConnections {
  /** The posting's open database transaction. */
  tx: Sql;
  /** The same connection as `tx`, for the COPY of the payouts into it. */
  txClient: ClientBase;
  /** Another connection, outside the transaction, that reads the lines while the payouts are written. */
  reader: ClientBase;
}

/**
 * The connections for a posting in `manager`'s open transaction: its own pg client and a second
 * one from the pool (`withPooledClient`), given back when `run` is done.
 */
export async function withPostingConnections<T>(
  dataSource: DataSource,
  manager: EntityManager,
  run: (db: PostingConnections) => Promise<T>,
): Promise<T> {
  if (!manager.queryRunner?.isTransactionActive)
    throw new Error('a posting runs inside a database transaction');
  // TypeORM 1.1's PostgresQueryRunner.connect() returns the pg client it holds for the transaction.
  const txClient = (await manager.queryRunner.connect()) as PoolClient;
  return withPooledClient(dataSource, (reader) => run({ tx: manager, txClient, reader }));
}

/** Where the posting's batch joins the hash chain (ChainService). */
export type ChainLinks = Pick<ChainService, 'head' | 'link'>;

/**
 * What a posting writes, all inside the caller's open database transaction:
 *
 * 1. The first payout batch, stating how many payouts it holds and their sum (counted from the
 *    lines first), then one payout per paid household: the distribution's lines, read in
 *    household order on a second connection, with the bank account the registry read model holds
 *    now and time-ordered ids made here, COPYed in binary into the transaction as they are read
 *    (`copyPayouts`). The household and batch indexes fill at their ends.
 * 2. The batch's link in the hash chain, hashed from the payouts as they pass (the chain's lock is
 *    taken first and held to commit), so millions of payouts are not read back to be hashed.
 * 3. One ledger transaction: the pool debited to distributable income, credited to "households
 *    payable" as one total (a control account whose sub-ledger is these payouts) and to each
 *    retained part.
 * 4. The status: posted, which enters the fund ledger (trigger, migration 1763900004500).
 *
 * The database checks at commit that the batch holds what it states, that the payable credit
 * equals the payouts and that the ledger transaction balances (migrations 1763900005000, 5200).
 * The service (ApprovalAndPostingService) and bench/dividends both post through this function.
 */
export async function writePosting(
  db: PostingConnections,
  chain: ChainLinks,
  input: PostingInput,
): Promise<{ payouts: number; totalFen: bigint; transactionId: string; chainSeq: number }> {
  const { distributionId: id, entityId } = input;
  const [paid] = await db.tx.query(
    `SELECT count(*)::int AS payouts, coalesce(sum(amount_fen), 0)::text AS total
     FROM distribution_line WHERE distribution_id = $1 AND amount_fen > 0`,
    [id],
  );
  const payouts = paid.payouts as number;
  const totalFen = BigInt(paid.total as string);
  const head = await chain.head(db.tx);
  await db.tx.query(
    `INSERT INTO payout_batch (id, distribution_id, line_count, total_fen, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [input.batchId, id, payouts, String(totalFen), input.actor, input.at],
  );
  const hash = recordHash(
    'payout_batch',
    {
      id: input.batchId,
      distribution_id: id,
      line_count: payouts,
      total_fen: String(totalFen),
      created_at: input.at,
    },
    head.prevHash,
  );
  const copied = await copyPayouts(
    db.reader,
    db.txClient,
    { distributionId: id, batchId: input.batchId, at: input.at },
    (json) => hash.json(json),
  );
  if (copied.count !== payouts || copied.totalFen !== totalFen)
    throw new Error(
      `posting ${id}: ${payouts} paid lines of ${totalFen} fen were counted, but ${copied.count} of ${copied.totalFen} fen were copied`,
    );
  await chain.link(db.tx, head, 'payout_batch', input.batchId, hash.digest());

  const transactionId = await postLedgerTransaction(
    db.tx,
    { kind: 'distribution.posted', entityId, distributionId: id, description: `分红入账 ${input.title}` },
    [
      { account: accounts.income(entityId), amountFen: input.poolFen },
      { account: accounts.householdsPayable(entityId), amountFen: -totalFen },
      ...input.accountParts.map((a) => ({
        account: accounts.retained(entityId, a.account),
        amountFen: -a.amountFen,
      })),
    ],
  );
  await db.tx.query(`UPDATE distribution SET status = 'posted', posted_at = $2 WHERE id = $1`, [
    id,
    input.at,
  ]);
  return { payouts, totalFen, transactionId, chainSeq: head.seq };
}
