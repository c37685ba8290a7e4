import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@fupin/auth';
import type { AllowanceView } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { int, iso } from '../common/params';
import { MARKET_CONFIG, type MarketConfig } from '../market-config';
import { OrderErrorCode, OrderException } from './orders.exception';

/** The calendar year in China now (allowances run from 1 January to 31 December, Beijing time). */
export function chinaYear(at: Date = new Date()): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** The buyer's work unit, from a `buyer` token scoped to a work unit. */
export function buyerWorkUnit(principal: Principal): string {
  if (principal.scope.kind !== 'organisation' || principal.scope.orgType !== 'work_unit') {
    throw new OrderException(
      OrderErrorCode.NotABuyer,
      '采购人须属于预算单位 / A buyer belongs to a work unit',
    );
  }
  return principal.scope.id;
}

/**
 * The yearly welfare allowance (seed county: 700 yuan a person a year), earmarked for produce and
 * expiring at year end. Granted on first use each year; every grant, spend and return is an entry,
 * and the balance can never go below zero (CHECK in the table).
 */
@Injectable()
export class AllowanceService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CONFIG) private readonly config: MarketConfig,
  ) {}

  /** This year's wallet of the buyer, granted on first use; locked for the transaction. */
  async lockWallet(
    manager: EntityManager,
    principal: Principal,
  ): Promise<{ id: string; balanceFen: number }> {
    const workUnitId = buyerWorkUnit(principal);
    const year = chinaYear();
    const id = randomUUID();
    // The work unit's allowance for the year when it set one, else the county default.
    const created: Array<{ id: string; granted_fen: string }> = await manager.query(
      `INSERT INTO allowance_wallet (id, buyer_id, work_unit_id, year, granted_fen, balance_fen, expires_at)
       SELECT $1, $2, $3, $4, amount, amount, make_timestamptz($4 + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
       FROM (SELECT COALESCE((SELECT amount_fen FROM allowance_policy WHERE work_unit_id = $3 AND year = $4), $5) AS amount) a
       ON CONFLICT (buyer_id, year) DO NOTHING RETURNING id, granted_fen`,
      [id, principal.id, workUnitId, year, this.config.MARKET_ALLOWANCE_FEN],
    );
    if (created.length > 0 && int(created[0].granted_fen) > 0) {
      await manager.query(
        `INSERT INTO allowance_entry (wallet_id, kind, amount_fen) VALUES ($1, 'grant', $2)`,
        [id, int(created[0].granted_fen)],
      );
    }
    const [wallet] = await manager.query(
      `SELECT id, CASE WHEN expires_at > now() THEN balance_fen ELSE 0 END AS balance
       FROM allowance_wallet WHERE buyer_id = $1 AND year = $2 FOR UPDATE`,
      [principal.id, year],
    );
    return { id: wallet.id, balanceFen: int(wallet.balance) };
  }

  async spend(manager: EntityManager, walletId: string, amountFen: number, orderId: string): Promise<void> {
    if (amountFen <= 0) return;
    await manager.query('UPDATE allowance_wallet SET balance_fen = balance_fen - $2 WHERE id = $1', [
      walletId,
      amountFen,
    ]);
    await manager.query(
      `INSERT INTO allowance_entry (wallet_id, kind, amount_fen, order_id) VALUES ($1, 'spend', $2, $3)`,
      [walletId, amountFen, orderId],
    );
  }

  /** Gives back what an order took from the allowance (cancel, failed card, refund). */
  async returnToWallet(manager: EntityManager, orderId: string, amountFen: number): Promise<void> {
    if (amountFen <= 0) return;
    const [spend] = await manager.query(
      `SELECT wallet_id FROM allowance_entry WHERE order_id = $1 AND kind = 'spend' LIMIT 1`,
      [orderId],
    );
    if (!spend) return;
    await manager.query('UPDATE allowance_wallet SET balance_fen = balance_fen + $2 WHERE id = $1', [
      spend.wallet_id,
      amountFen,
    ]);
    await manager.query(
      `INSERT INTO allowance_entry (wallet_id, kind, amount_fen, order_id) VALUES ($1, 'return', $2, $3)`,
      [spend.wallet_id, amountFen, orderId],
    );
  }

  async view(principal: Principal): Promise<AllowanceView> {
    return this.dataSource.transaction(async (manager) => {
      const wallet = await this.lockWallet(manager, principal);
      const [row] = await manager.query('SELECT * FROM allowance_wallet WHERE id = $1', [wallet.id]);
      const entries = await manager.query(
        'SELECT kind, amount_fen, order_id, created_at FROM allowance_entry WHERE wallet_id = $1 ORDER BY id',
        [wallet.id],
      );
      return {
        buyerId: row.buyer_id,
        workUnitId: row.work_unit_id,
        year: row.year,
        grantedFen: int(row.granted_fen),
        balanceFen: wallet.balanceFen,
        expiresAt: iso(row.expires_at) as string,
        entries: entries.map((e: Record<string, unknown>) => ({
          kind: e.kind as AllowanceView['entries'][number]['kind'],
          amountFen: int(e.amount_fen),
          orderId: (e.order_id as string | null) ?? null,
          at: iso(e.created_at) as string,
        })),
      };
    });
  }
}
