import { randomUUID } from 'node:crypto';

/** One side of a double entry: debit positive, credit negative, in fen. */
export interface LedgerLine {
  account: string;
  householdId?: string | null;
  amountFen: bigint;
}

/** Account names of an entity's books. */
export const accounts = {
  bank: (entityId: string) => `entity:${entityId}:bank`,
  income: (entityId: string) => `entity:${entityId}:distributable_income`,
  householdsPayable: (entityId: string) => `entity:${entityId}:households_payable`,
  retained: (entityId: string, name: string) => `entity:${entityId}:retained:${name}`,
};

const CHUNK = 5000;

/**
 * Where a write runs: a TypeORM EntityManager inside its transaction, or (bench/dividends) a plain
 * pg client wrapped to answer rows. Either way, one connection in one open transaction.
 */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
}

/**
 * Writes one balanced ledger transaction in the caller's database transaction. The balance is
 * checked by the database at commit (a deferred trigger), so an unbalanced posting cannot commit.
 */
export async function postLedgerTransaction(
  manager: Sql,
  tx: { kind: string; entityId: string; distributionId?: string; payoutId?: string; description: string },
  lines: readonly LedgerLine[],
): Promise<string> {
  const id = randomUUID();
  await manager.query(
    `INSERT INTO ledger_transaction (id, kind, entity_id, distribution_id, payout_id, description) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, tx.kind, tx.entityId, tx.distributionId ?? null, tx.payoutId ?? null, tx.description],
  );
  const nonZero = lines.filter((l) => l.amountFen !== 0n);
  for (let start = 0; start < nonZero.length; start += CHUNK) {
    const chunk = nonZero.slice(start, start + CHUNK);
    await manager.query(
      `INSERT INTO ledger_entry (transaction_id, account, household_id, amount_fen)
       SELECT $1, a, h, f FROM unnest($2::text[], $3::uuid[], $4::bigint[]) AS x(a, h, f)`,
      [
        id,
        chunk.map((l) => l.account),
        chunk.map((l) => l.householdId ?? null),
        chunk.map((l) => String(l.amountFen)),
      ],
    );
  }
  return id;
}
