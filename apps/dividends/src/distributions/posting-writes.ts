import { accounts, postLedgerTransaction, type Sql } from '../common/ledger';

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

/**
 * What a posting writes, all inside the caller's open database transaction, all in the database:
 * the household lines never travel to the service and back.
 *
 * 1. The first payout batch, then one payout per paid household, copied from the distribution's
 *    lines with the bank account the registry read model holds now, in household order (so the
 *    household index fills at its end) with time-ordered ids made as the rows are written.
 * 2. One ledger transaction: the pool debited to distributable income, credited to "households
 *    payable" as one total (a control account whose sub-ledger is these payouts) and to each
 *    retained part.
 * 3. The status: posted, which enters the fund ledger (trigger, migration 1763900004500).
 *
 * The database checks at commit that the batch holds what it states, that the payable credit
 * equals the payouts and that the ledger transaction balances (migrations 1763900005000, 5200).
 * The service (ApprovalAndPostingService) and bench/dividends both post through this function.
 */
export async function writePosting(
  db: Sql,
  input: PostingInput,
): Promise<{ payouts: number; totalFen: bigint; transactionId: string }> {
  const { distributionId: id, entityId } = input;
  await db.query(
    `INSERT INTO payout_batch (id, distribution_id, line_count, total_fen, created_by, created_at) VALUES ($1, $2, 0, 0, $3, $4)`,
    [input.batchId, id, input.actor, input.at],
  );
  const [written] = await db.query(
    `WITH written AS (
       INSERT INTO payout (id, batch_id, distribution_id, household_id, household_number, head_name,
                           bank_name, bank_account_masked, amount_fen, status)
       SELECT uuidv7(), $2, $1, l.household_id, l.household_number, l.head_name,
              l.bank_name, l.bank_account_masked, l.amount_fen, 'pending'
       FROM (SELECT l.household_id, l.household_number, l.head_name, h.bank_name, h.bank_account_masked, l.amount_fen
             FROM distribution_line l JOIN household_rm h ON h.id = l.household_id
             WHERE l.distribution_id = $1 AND l.amount_fen > 0
             ORDER BY l.household_id) l
       RETURNING amount_fen)
     SELECT count(*)::int AS payouts, coalesce(sum(amount_fen), 0)::text AS total FROM written`,
    [id, input.batchId],
  );
  const payouts = written.payouts as number;
  const totalFen = BigInt(written.total as string);
  await db.query(`UPDATE payout_batch SET line_count = $2, total_fen = $3 WHERE id = $1`, [
    input.batchId,
    payouts,
    String(totalFen),
  ]);

  const transactionId = await postLedgerTransaction(
    db,
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
  await db.query(`UPDATE distribution SET status = 'posted', posted_at = $2 WHERE id = $1`, [id, input.at]);
  return { payouts, totalFen, transactionId };
}
