import { Injectable } from '@nestjs/common';
import type { Principal } from '@fupin/auth';
import type {
  LedgerTrialBalance,
  Paginated,
  PointsAccountView,
  StatementLine,
  StoreBalanceReport,
  VillageMonthlyReport,
} from '@fupin/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { assertCanSeeStore, findHouseholdInScope, findStore } from '../common/lookups';
import { iso, num } from '../common/sql';

/** Reads of the points ledger: balances, statements, the trial balance and the reports. */
@Injectable()
export class AccountsService {
  constructor(private readonly dataSource: DataSource) {}

  async account(principal: Principal, householdId: string): Promise<PointsAccountView> {
    const m = this.dataSource.manager;
    const h = await findHouseholdInScope(m, principal, householdId);
    const [row] = await m.query(
      `SELECT a.balance,
         (SELECT coalesce(sum(x.points), 0) FROM (
            SELECT sum(l.points) + rs.monthly_base AS points
            FROM award_line l JOIN award_sheet s ON s.id = l.sheet_id JOIN rule_set rs ON rs.id = s.rule_set_id
            WHERE l.household_id = $1 AND s.status = 'notice' GROUP BY s.id, rs.monthly_base) x) AS pending,
         EXISTS (SELECT 1 FROM blacklist_entry b WHERE b.household_id = $1 AND b.status = 'active'
           AND current_date BETWEEN b.starts_on AND b.ends_on) AS blacklisted
       FROM account a WHERE a.household_id = $1`,
      [householdId],
    );
    return {
      householdId,
      householdNumber: h.householdNumber,
      headName: h.headName,
      villageCode: h.villageCode,
      balance: num(row?.balance ?? 0),
      pending: num(row?.pending ?? 0),
      blacklisted: row?.blacklisted ?? false,
    };
  }

  async statement(
    principal: Principal,
    householdId: string,
    page: number,
    pageSize: number,
  ): Promise<Paginated<StatementLine>> {
    const m = this.dataSource.manager;
    await findHouseholdInScope(m, principal, householdId);
    const [count] = await m.query(
      `SELECT count(*)::int AS n FROM journal_leg l JOIN account a ON a.id = l.account_id WHERE a.household_id = $1`,
      [householdId],
    );
    const rows = await m.query(
      `SELECT e.id, e.entry_number, e.kind, l.amount, e.reason, e.operator_id, e.operator_role, e.occurred_at
       FROM journal_leg l JOIN account a ON a.id = l.account_id JOIN journal_entry e ON e.id = l.entry_id
       WHERE a.household_id = $1 ORDER BY e.entry_number DESC LIMIT $2 OFFSET $3`,
      [householdId, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r: Record<string, string>) => ({
        entryId: r.id,
        entryNumber: num(r.entry_number),
        kind: r.kind as StatementLine['kind'],
        amount: num(r.amount),
        reason: r.reason,
        operatorId: r.operator_id,
        operatorRole: r.operator_role,
        occurredAt: iso(r.occurred_at)!,
      })),
      total: count.n,
      page,
      pageSize,
    };
  }

  /** Every account's balance against the sum of its legs; all balances together sum to zero. */
  async trialBalance(manager: EntityManager = this.dataSource.manager): Promise<LedgerTrialBalance> {
    const [row] = await manager.query(`
      SELECT count(*)::int AS accounts, coalesce(sum(a.balance), 0) AS balances, coalesce(sum(l.total), 0) AS legs,
        count(*) FILTER (WHERE a.balance <> coalesce(l.total, 0))::int AS mismatched
      FROM account a LEFT JOIN (SELECT account_id, sum(amount) AS total FROM journal_leg GROUP BY account_id) l
        ON l.account_id = a.id`);
    return {
      accounts: row.accounts,
      sumOfBalances: num(row.balances),
      sumOfLegs: num(row.legs),
      mismatchedAccounts: row.mismatched,
    };
  }

  async villageReport(villageCode: string, period: string): Promise<VillageMonthlyReport> {
    const [year, month] = period.split('-').map(Number);
    const from = new Date(Date.UTC(year, month - 1, 1) - 8 * 3600_000);
    const to = new Date(Date.UTC(year, month, 1) - 8 * 3600_000);
    const rows = await this.dataSource.query(
      `SELECT h.id, h.household_number, h.head_name, a.balance,
         coalesce(sum(l.amount) FILTER (WHERE e.kind = 'award'), 0) AS awarded,
         coalesce(-sum(l.amount) FILTER (WHERE e.kind = 'redemption'), 0) AS redeemed,
         coalesce(sum(l.amount) FILTER (WHERE e.kind = 'void'), 0) AS voided
       FROM household_view h JOIN account a ON a.household_id = h.id
       LEFT JOIN journal_leg l ON l.account_id = a.id
       LEFT JOIN journal_entry e ON e.id = l.entry_id AND e.occurred_at >= $2 AND e.occurred_at < $3
       WHERE h.village_code = $1
       GROUP BY h.id, h.household_number, h.head_name, a.balance ORDER BY h.household_number`,
      [villageCode, from, to],
    );
    const households = rows.map((r: Record<string, string>) => ({
      householdId: r.id,
      householdNumber: r.household_number,
      headName: r.head_name,
      awarded: num(r.awarded),
      redeemed: num(r.redeemed) - num(r.voided),
      balance: num(r.balance),
    }));
    return {
      villageCode,
      period,
      awarded: households.reduce((s: number, h: { awarded: number }) => s + h.awarded, 0),
      redeemed: rows.reduce((s: number, r: Record<string, string>) => s + num(r.redeemed), 0),
      voided: rows.reduce((s: number, r: Record<string, string>) => s + num(r.voided), 0),
      households,
    };
  }

  async storeBalance(principal: Principal, storeId: string): Promise<StoreBalanceReport> {
    const store = await findStore(this.dataSource.manager, storeId);
    assertCanSeeStore(principal, store);
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT coalesce(sum(a.balance), 0) FROM account a JOIN household_view h ON h.id = a.household_id
           WHERE h.village_code = $2) AS outstanding,
         (SELECT coalesce(sum(g.quantity::bigint * g.price_points), 0) FROM goods g WHERE g.store_id = $1) AS stock,
         (SELECT balance FROM account WHERE store_id = $1) AS redeemed`,
      [storeId, store.villageCode],
    );
    return {
      storeId,
      villageCode: store.villageCode,
      pointsOutstanding: num(row.outstanding),
      stockPoints: num(row.stock),
      pointsRedeemed: num(row.redeemed ?? 0),
    };
  }
}
