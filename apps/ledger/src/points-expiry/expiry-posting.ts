import type { RequestContext } from '@fupin/service-kit';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { num } from '../common/sql';

/**
 * Per household of the county holding points, how many of them have expired, first in first out.
 *
 * Every debit (a redemption, a deduction on an award sheet, an earlier expiry; a void gives back)
 * spends the oldest points the household holds at that moment. Points awarded before the cutoff
 * ("old") were all there before any debit after the cutoff, and a debit before the cutoff can only
 * spend points older than itself; as a balance never goes below zero, the debits have spent
 * min(old, debits) of the old points. What is left of the old points has expired:
 * max(0, old − debits), never more than the balance (which is awarded − debits ≥ that).
 *
 * $1 county code, $2 cutoff (timestamptz), $3 start of the policy (timestamptz): points awarded
 * before the policy count from its start. $4 (optional) restricts to the given accounts.
 */
const EXPIRED = `
  WITH held AS (
    SELECT a.id AS account_id, a.household_id, a.balance
    FROM account a JOIN household_view h ON h.id = a.household_id
    WHERE h.county_code = $1 AND a.kind = 'household' AND a.balance > 0
      AND ($4::uuid[] IS NULL OR a.id = ANY($4::uuid[]))
  ),
  flows AS (
    SELECT l.account_id,
      coalesce(sum(l.amount) FILTER (
        WHERE e.kind = 'award' AND l.amount > 0 AND greatest(e.occurred_at, $3::timestamptz) < $2::timestamptz), 0) AS old,
      coalesce(-sum(l.amount) FILTER (WHERE NOT (e.kind = 'award' AND l.amount > 0)), 0) AS spent
    FROM journal_leg l JOIN journal_entry e ON e.id = l.entry_id
    WHERE l.account_id IN (SELECT account_id FROM held)
    GROUP BY l.account_id
  )
  SELECT held.account_id, held.household_id, least(held.balance, flows.old - flows.spent) AS expired
  FROM held JOIN flows ON flows.account_id = held.account_id
  WHERE flows.old - flows.spent > 0`;

export interface ExpiryRunInput {
  runId: string;
  countyCode: string;
  runDate: string;
  months: number;
  cutoff: Date;
  policyStart: Date;
}

/** The county's expiry account (one per county code): where expired points go. */
export async function countyExpiryAccount(m: EntityManager, countyCode: string): Promise<string> {
  await m.query(
    `INSERT INTO account (kind, region_code) VALUES ('expiry', $1)
     ON CONFLICT (region_code) WHERE kind = 'expiry' DO NOTHING`,
    [countyCode],
  );
  const [row] = await m.query(`SELECT id FROM account WHERE kind = 'expiry' AND region_code = $1`, [
    countyCode,
  ]);
  return row.id;
}

/**
 * Posts one county's expiry as ONE balanced entry: a leg per household taking its expired points,
 * one leg crediting the county's expiry account. The households concerned are locked in id order
 * first (the order every posting uses), then their expired points are computed again from what
 * is committed by then, so a redemption racing the run is either counted before it or sees the
 * lower balance after it; the balance CHECK stands behind both.
 */
export async function postExpiry(
  m: EntityManager,
  ctx: RequestContext,
  run: ExpiryRunInput,
): Promise<{ entryId: string | null; householdCount: number; totalPoints: number }> {
  const params = [run.countyCode, run.cutoff, run.policyStart];
  // An award sheet's approval locks the accounts it credits in no particular order: wait for the
  // county's approvals under way (and hold new ones back) instead of risking a deadlock with them.
  await m.query(
    `SELECT pg_advisory_xact_lock(hashtext('award-approval:' || x.village_code))
     FROM (SELECT DISTINCT village_code FROM household_view WHERE county_code = $1 ORDER BY 1) x`,
    [run.countyCode],
  );
  const locked: Array<{ id: string }> = await m.query(
    `SELECT id FROM account WHERE id IN (SELECT account_id FROM (${EXPIRED}) x) ORDER BY id FOR NO KEY UPDATE`,
    [...params, null],
  );
  if (locked.length === 0) return { entryId: null, householdCount: 0, totalPoints: 0 };
  const ids = locked.map((r) => r.id);
  // Their committed legs cannot change until we commit: any other posting to them waits for
  // their locks. So this count and the legs inserted below agree.
  const [sum] = await m.query(
    `SELECT count(*)::int AS households, coalesce(sum(expired), 0) AS total FROM (${EXPIRED}) e`,
    [...params, ids],
  );
  const total = num(sum.total);
  if (total === 0) return { entryId: null, householdCount: 0, totalPoints: 0 };
  const entryId = randomUUID();
  await m.query(
    `INSERT INTO journal_entry (id, kind, reason, operator_id, operator_role, reference_type, reference_id)
     VALUES ($1, 'expiry', $2, $3, $4, 'expiryRun', $5)`,
    [
      entryId,
      `过期：获得超过 ${run.months} 个月未使用的积分（${run.runDate}）/ expired: points unused ${run.months} months after award (${run.runDate})`,
      ctx.actorId,
      ctx.role,
      run.runId,
    ],
  );
  await m.query(
    `INSERT INTO journal_leg (entry_id, account_id, amount)
     SELECT $5::uuid, account_id, -expired FROM (${EXPIRED}) e`,
    [...params, ids, entryId],
  );
  const expiryAccount = await countyExpiryAccount(m, run.countyCode);
  await m.query(`INSERT INTO journal_leg (entry_id, account_id, amount) VALUES ($1, $2, $3)`, [
    entryId,
    expiryAccount,
    String(total),
  ]);
  await m.query(
    `UPDATE account a SET balance = a.balance + l.amount FROM journal_leg l WHERE l.entry_id = $1 AND l.account_id = a.id`,
    [entryId],
  );
  return { entryId, householdCount: sum.households, totalPoints: total };
}
