import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { householdAccount, storeAccount, villageIssuanceAccount } from '../accounts/journal';

/**
 * Test set-up for anything that depends on when points moved (expiry): balanced entries written
 * with an `occurred_at` in the past, balances moved in the same transaction, as the posting code
 * would have done on that day.
 */
export async function postBackdated(
  ds: DataSource,
  input: {
    kind: 'award' | 'redemption';
    occurredAt: string;
    legs: Array<{ accountId: string; amount: number }>;
  },
): Promise<string> {
  const id = randomUUID();
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO journal_entry (id, kind, reason, operator_id, operator_role, occurred_at)
       VALUES ($1, $2, 'test (backdated)', 'test', 'system', $3)`,
      [id, input.kind, input.occurredAt],
    );
    await m.query(
      `INSERT INTO journal_leg (entry_id, account_id, amount)
       SELECT $1, a, x FROM unnest($2::uuid[], $3::bigint[]) AS t(a, x)`,
      [id, input.legs.map((l) => l.accountId), input.legs.map((l) => String(l.amount))],
    );
    await m.query(
      `UPDATE account a SET balance = a.balance + t.x FROM unnest($1::uuid[], $2::bigint[]) AS t(id, x) WHERE a.id = t.id`,
      [input.legs.map((l) => l.accountId), input.legs.map((l) => String(l.amount))],
    );
  });
  return id;
}

/** An award (or, negative, a deduction) to a household on a past day, from its village's issuance. */
export async function awardOn(
  ds: DataSource,
  householdId: string,
  villageCode: string,
  points: number,
  occurredAt: string,
): Promise<void> {
  const account = (await householdAccount(ds.manager, householdId))!;
  const issuance = await villageIssuanceAccount(ds.manager, villageCode);
  await postBackdated(ds, {
    kind: 'award',
    occurredAt,
    legs: [
      { accountId: account.id, amount: points },
      { accountId: issuance, amount: -points },
    ],
  });
}

/** A redemption of `points` on a past day, into the store's account (the receipt itself is not needed). */
export async function redeemOn(
  ds: DataSource,
  householdId: string,
  storeId: string,
  points: number,
  occurredAt: string,
): Promise<void> {
  const account = (await householdAccount(ds.manager, householdId))!;
  await postBackdated(ds, {
    kind: 'redemption',
    occurredAt,
    legs: [
      { accountId: account.id, amount: -points },
      { accountId: await storeAccount(ds.manager, storeId), amount: points },
    ],
  });
}
