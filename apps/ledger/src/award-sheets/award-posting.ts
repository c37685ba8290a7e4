import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { villageIssuanceAccount } from '../accounts/journal';
import type { RequestContext } from '@fupin/service-kit';
import { num } from '../common/sql';

/** Per household, the net of its lines plus the monthly base, joined to its account. */
const NETS = `
  SELECT a.id AS account_id, a.household_id, a.balance, l.net + $2::bigint AS net
  FROM account a
  JOIN (SELECT household_id, sum(points) AS net FROM award_line WHERE sheet_id = $1 GROUP BY household_id) l
    ON l.household_id = a.household_id`;

/**
 * Posts an approved sheet as one journal entry, set-based inside PostgreSQL so that a village of
 * 100,000 households costs a handful of statements and no round trip of its rows: one leg per
 * household (its net; a deduction limited to what it holds, never below zero), one issuance leg
 * for the total, and every balance moved by one UPDATE. Households with a deduction are locked
 * (in id order) before their balance is read; for the others the leg does not depend on it.
 */
export async function postSheet(
  m: EntityManager,
  ctx: RequestContext,
  sheet: { id: string; villageCode: string; period: string },
  monthlyBase: number,
): Promise<{ entryId: string | null; awards: Array<{ householdId: string; points: number }> }> {
  await m.query(
    `SELECT a.id FROM account a WHERE a.id IN (SELECT n.account_id FROM (${NETS}) n WHERE n.net < 0)
     ORDER BY a.id FOR NO KEY UPDATE`,
    [sheet.id, monthlyBase],
  );
  const [{ any }] = await m.query(
    `SELECT EXISTS (SELECT 1 FROM (${NETS}) n WHERE greatest(n.net, -n.balance) <> 0) AS any`,
    [sheet.id, monthlyBase],
  );
  if (!any) return { entryId: null, awards: [] };
  const entryId = randomUUID();
  await m.query(
    `INSERT INTO journal_entry (id, kind, reason, operator_id, operator_role, reference_type, reference_id)
     VALUES ($1, 'award', $2, $3, $4, 'awardSheet', $5)`,
    [entryId, `${sheet.period} 积分评定 / award sheet ${sheet.period}`, ctx.actorId, ctx.role, sheet.id],
  );
  await m.query(
    `INSERT INTO journal_leg (entry_id, account_id, amount)
     SELECT $3::uuid, n.account_id, greatest(n.net, -n.balance) FROM (${NETS}) n
     WHERE greatest(n.net, -n.balance) <> 0`,
    [sheet.id, monthlyBase, entryId],
  );
  const issuance = await villageIssuanceAccount(m, sheet.villageCode);
  await m.query(
    `INSERT INTO journal_leg (entry_id, account_id, amount)
     SELECT $1::uuid, $2::uuid, -sum(amount) FROM journal_leg WHERE entry_id = $1 HAVING sum(amount) <> 0`,
    [entryId, issuance],
  );
  await m.query(
    `UPDATE account a SET balance = a.balance + l.amount FROM journal_leg l WHERE l.entry_id = $1 AND l.account_id = a.id`,
    [entryId],
  );
  const rows: Array<{ household_id: string; amount: string }> = await m.query(
    `SELECT a.household_id, l.amount FROM journal_leg l JOIN account a ON a.id = l.account_id
     WHERE l.entry_id = $1 AND a.kind = 'household' ORDER BY a.household_id`,
    [entryId],
  );
  return { entryId, awards: rows.map((r) => ({ householdId: r.household_id, points: num(r.amount) })) };
}
