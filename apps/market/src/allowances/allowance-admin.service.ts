import { HttpStatus, Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  pageOffset,
  type AllowanceExpiryResult,
  type AllowancePolicyBody,
  type WorkUnitAllowancesQuery,
  type WorkUnitAllowancesView,
} from '@fupin/contracts';
import { audit, DomainException, type RequestContext } from '@fupin/service-kit';
import { DataSource, EntityManager } from 'typeorm';
import { int, iso, updateReturning } from '../common/params';
import { MARKET_CONFIG, type MarketConfig } from '../market-config';
import { chinaYear } from '../orders/allowance.service';

export const AllowanceErrorCode = {
  WorkUnitNotFound: 'ALLOWANCE_WORK_UNIT_NOT_FOUND',
  PastYear: 'ALLOWANCE_YEAR_PAST',
  BelowGranted: 'ALLOWANCE_POLICY_BELOW_GRANTED',
} as const;

/**
 * What a work unit gives its employees each year, the wallets it has, and year-end expiry. Raising
 * a year's amount tops up the wallets already opened (a `grant` entry each); lowering it below
 * what was already granted is refused, since an allowance once given is not taken back.
 */
@Injectable()
export class AllowanceAdminService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AllowanceAdminService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CONFIG) private readonly config: MarketConfig,
  ) {}

  onModuleInit(): void {
    const every = this.config.MARKET_ALLOWANCE_EXPIRY_INTERVAL_MS;
    if (every > 0) {
      this.timer = setInterval(() => {
        this.expire(null).catch((error: unknown) =>
          this.logger.warn(`allowance expiry failed: ${(error as Error).message}`),
        );
      }, every);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async view(workUnitId: string, query: WorkUnitAllowancesQuery): Promise<WorkUnitAllowancesView> {
    const unit = await this.workUnit(this.dataSource.manager, workUnitId);
    const year = query.year ?? chinaYear();
    const [policy] = await this.dataSource.query(
      'SELECT amount_fen FROM allowance_policy WHERE work_unit_id = $1 AND year = $2',
      [workUnitId, year],
    );
    const walletSql = `
      SELECT w.buyer_id, w.granted_fen, w.balance_fen, w.expires_at,
             COALESCE(SUM(e.amount_fen) FILTER (WHERE e.kind = 'spend'), 0)
               - COALESCE(SUM(e.amount_fen) FILTER (WHERE e.kind = 'return'), 0) AS spent,
             COALESCE(SUM(e.amount_fen) FILTER (WHERE e.kind = 'expire'), 0) AS expired
      FROM allowance_wallet w LEFT JOIN allowance_entry e ON e.wallet_id = w.id
      WHERE w.work_unit_id = $1 AND w.year = $2
      GROUP BY w.id`;
    const [totals] = await this.dataSource.query(
      `SELECT count(*)::int AS wallets, COALESCE(SUM(granted_fen), 0) AS granted, COALESCE(SUM(spent), 0) AS spent,
              COALESCE(SUM(balance_fen), 0) AS balance, COALESCE(SUM(expired), 0) AS expired
       FROM (${walletSql}) x`,
      [workUnitId, year],
    );
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `${walletSql} ORDER BY w.buyer_id LIMIT $3 OFFSET $4`,
      [workUnitId, year, query.pageSize, pageOffset(query)],
    );
    return {
      workUnitId,
      workUnitName: unit.name,
      year,
      amountFen: policy ? int(policy.amount_fen) : this.config.MARKET_ALLOWANCE_FEN,
      policySet: Boolean(policy),
      totals: {
        wallets: int(totals.wallets),
        grantedFen: int(totals.granted),
        spentFen: int(totals.spent),
        balanceFen: int(totals.balance),
        expiredFen: int(totals.expired),
      },
      wallets: {
        items: rows.map((r) => ({
          buyerId: r.buyer_id as string,
          grantedFen: int(r.granted_fen),
          spentFen: int(r.spent),
          balanceFen: int(r.balance_fen),
          expiredFen: int(r.expired),
          expiresAt: iso(r.expires_at) as string,
        })),
        total: int(totals.wallets),
        page: query.page,
        pageSize: query.pageSize,
      },
    };
  }

  async setPolicy(ctx: RequestContext, workUnitId: string, body: AllowancePolicyBody): Promise<void> {
    if (body.year < chinaYear()) {
      throw new DomainException(
        AllowanceErrorCode.PastYear,
        `${body.year} 年已过，补贴不能再改 / ${body.year} is over; its allowance can no longer change`,
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      await this.workUnit(manager, workUnitId);
      // One change per work unit and year at a time, so top-ups are computed once.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `allowance:${workUnitId}:${body.year}`,
      ]);
      const [{ most }] = await manager.query(
        'SELECT COALESCE(MAX(granted_fen), 0) AS most FROM allowance_wallet WHERE work_unit_id = $1 AND year = $2',
        [workUnitId, body.year],
      );
      if (body.amountFen < int(most)) {
        throw new DomainException(
          AllowanceErrorCode.BelowGranted,
          `已有职工领取 ${int(most)} 分，不能调低到 ${body.amountFen} 分 / Employees already hold ${int(most)} fen; the allowance cannot drop to ${body.amountFen}`,
          HttpStatus.CONFLICT,
        );
      }
      await manager.query(
        `INSERT INTO allowance_policy (work_unit_id, year, amount_fen, set_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (work_unit_id, year) DO UPDATE SET amount_fen = EXCLUDED.amount_fen, set_by = EXCLUDED.set_by, set_at = now()`,
        [workUnitId, body.year, body.amountFen, ctx.actorId],
      );
      // Top up every open wallet of that year to the new amount, each with its own grant entry.
      const rows = await updateReturning<{ id: string; delta: string }>(
        manager,
        `WITH up AS (
           SELECT id, $3::bigint - granted_fen AS delta FROM allowance_wallet
           WHERE work_unit_id = $1 AND year = $2 AND granted_fen < $3 AND expired_at IS NULL AND expires_at > now()
           FOR UPDATE)
         UPDATE allowance_wallet w SET granted_fen = w.granted_fen + up.delta, balance_fen = w.balance_fen + up.delta
         FROM up WHERE w.id = up.id RETURNING w.id, up.delta`,
        [workUnitId, body.year, body.amountFen],
      );
      for (const r of rows) {
        await manager.query(
          `INSERT INTO allowance_entry (wallet_id, kind, amount_fen, created_by) VALUES ($1, 'grant', $2, $3)`,
          [r.id, int(r.delta), ctx.actorId],
        );
      }
      await audit(
        manager,
        ctx,
        'market.allowance.policy',
        { type: 'work_unit', id: workUnitId },
        { ...body, toppedUpWallets: rows.length },
      );
    });
  }

  /**
   * Writes off what is left of every wallet past its year: one `expire` entry each, balance to 0.
   * Safe to run any number of times (an expired wallet is skipped); `ctx` null for the timer.
   */
  async expire(ctx: RequestContext | null): Promise<AllowanceExpiryResult> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('market.allowance.expiry')) AS locked`,
      );
      if (!locked) return { expiredWallets: 0, expiredFen: 0 };
      const rows = await updateReturning<{ expired: string }>(
        manager,
        `WITH due AS (
           SELECT id, balance_fen FROM allowance_wallet
           WHERE expires_at <= now() AND expired_at IS NULL FOR UPDATE SKIP LOCKED),
         entries AS (
           INSERT INTO allowance_entry (wallet_id, kind, amount_fen, created_by)
           SELECT id, 'expire', balance_fen, $1 FROM due WHERE balance_fen > 0 RETURNING amount_fen)
         UPDATE allowance_wallet w SET balance_fen = 0, expired_at = now()
         FROM due WHERE w.id = due.id
         RETURNING (SELECT COALESCE(SUM(amount_fen), 0) FROM entries) AS expired`,
        [ctx?.actorId ?? 'system:allowance-expiry'],
      );
      const outcome = { expiredWallets: rows.length, expiredFen: rows.length ? int(rows[0].expired) : 0 };
      if (ctx && rows.length > 0) {
        await audit(manager, ctx, 'market.allowance.expire', { type: 'allowance', id: 'year-end' }, outcome);
      }
      if (rows.length > 0)
        this.logger.log(`expired ${outcome.expiredWallets} wallets, ${outcome.expiredFen} fen`);
      return outcome;
    });
  }

  private async workUnit(manager: EntityManager, id: string): Promise<{ name: string }> {
    const [unit] = await manager.query(
      `SELECT name FROM network_organisation WHERE id = $1 AND type = 'work_unit'`,
      [id],
    );
    if (!unit) {
      throw new DomainException(
        AllowanceErrorCode.WorkUnitNotFound,
        `预算单位不存在 / No work unit ${id}`,
        HttpStatus.NOT_FOUND,
      );
    }
    return unit;
  }
}
