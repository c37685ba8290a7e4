import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { LedgerException } from '../common/ledger.exception';
import type { RequestContext } from '@fupin/service-kit';
import { num, violates } from '../common/sql';

/** One side of a posting: positive adds to the account's balance, negative takes from it. */
export interface Leg {
  accountId: string;
  amount: number;
}

export type EntryKind = 'award' | 'redemption' | 'void' | 'reversal' | 'expiry';

export interface EntryInput {
  kind: EntryKind;
  reason: string;
  reference?: { type: string; id: string };
  reversesEntryId?: string;
  legs: Leg[];
}

/**
 * Appends one balanced journal entry and moves the balances of its accounts, in the caller's
 * transaction. Account rows are locked in id order so concurrent postings never deadlock on them.
 * A household balance that would fall below zero is refused by the database and reported as 409.
 */
export async function postEntry(
  manager: EntityManager,
  ctx: RequestContext,
  input: EntryInput,
): Promise<{ entryId: string }> {
  const { entryId, legs } = await appendEntry(manager, ctx, input);
  await manager.query(`SELECT 1 FROM account WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [
    [...new Set(legs.map((l) => l.accountId))],
  ]);
  await applyBalances(manager, legs);
  return { entryId };
}

/**
 * Writes the entry and its legs only. The caller must then {@link applyBalances} in the same
 * transaction (a hot account, like a store's, is best touched last, just before commit).
 */
export async function appendEntry(
  manager: EntityManager,
  ctx: RequestContext,
  input: EntryInput,
): Promise<{ entryId: string; legs: Leg[] }> {
  const legs = input.legs.filter((l) => l.amount !== 0);
  const sum = legs.reduce((s, l) => s + l.amount, 0);
  if (legs.length < 2 || sum !== 0 || !legs.every((l) => Number.isSafeInteger(l.amount))) {
    throw new Error(`unbalanced entry: ${legs.length} legs, sum ${sum}`);
  }
  const entryId = randomUUID();
  await manager.query(
    `INSERT INTO journal_entry (id, kind, reason, operator_id, operator_role, reference_type, reference_id, reverses_entry_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entryId,
      input.kind,
      input.reason,
      ctx.actorId,
      ctx.role,
      input.reference?.type ?? null,
      input.reference?.id ?? null,
      input.reversesEntryId ?? null,
    ],
  );
  await manager.query(
    `INSERT INTO journal_leg (entry_id, account_id, amount)
     SELECT $1, a, m FROM unnest($2::uuid[], $3::bigint[]) AS x(a, m)`,
    [entryId, legs.map((l) => l.accountId), legs.map((l) => String(l.amount))],
  );
  return { entryId, legs };
}

/** Moves the balances by the legs of an appended entry; a household going below zero is a 409. */
export async function applyBalances(manager: EntityManager, legs: Leg[]): Promise<void> {
  try {
    await manager.query(
      `UPDATE account a SET balance = a.balance + d.delta
       FROM (SELECT x.a AS id, sum(x.m) AS delta FROM unnest($1::uuid[], $2::bigint[]) AS x(a, m) GROUP BY x.a) d
       WHERE a.id = d.id`,
      [legs.map((l) => l.accountId), legs.map((l) => String(l.amount))],
    );
  } catch (error) {
    if (violates(error, 'household_balance_never_negative')) {
      throw LedgerException.insufficientPoints(0, 0);
    }
    throw error;
  }
}

/** The points account of a household (created with the household's read model). */
export async function householdAccount(
  manager: EntityManager,
  householdId: string,
  lock = false,
): Promise<{ id: string; balance: number } | undefined> {
  const [row] = await manager.query(
    `SELECT id, balance FROM account WHERE household_id = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
    [householdId],
  );
  return row ? { id: row.id, balance: num(row.balance) } : undefined;
}

/** The issuance account of a village: where its awarded points come from (goes negative). */
export async function villageIssuanceAccount(manager: EntityManager, villageCode: string): Promise<string> {
  await manager.query(
    `INSERT INTO account (kind, region_code) VALUES ('village_issuance', $1)
     ON CONFLICT (region_code) WHERE kind = 'village_issuance' DO NOTHING`,
    [villageCode],
  );
  const [row] = await manager.query(
    `SELECT id FROM account WHERE kind = 'village_issuance' AND region_code = $1`,
    [villageCode],
  );
  return row.id;
}

/** The redemption account of a love supermarket: where redeemed points go. */
export async function storeAccount(manager: EntityManager, storeId: string): Promise<string> {
  const [row] = await manager.query(`SELECT id FROM account WHERE store_id = $1`, [storeId]);
  if (!row) throw LedgerException.storeNotFound(storeId);
  return row.id;
}
