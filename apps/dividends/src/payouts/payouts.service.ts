import { Injectable } from '@nestjs/common';
import type { Principal } from '@fupin/auth';
import { payoutFailedV1, payoutMadeV1, type BankConfirmationsBody } from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { runIdempotent } from '@fupin/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ChainService } from '../chain/chain.service';
import { Clock } from '../common/clock';
import { accounts, postLedgerTransaction } from '../common/ledger';
import { audit, type RequestContext } from '@fupin/service-kit';
import { DistributionsService } from '../distributions/distributions.service';
import { DistributionException } from '../distributions/distributions.exception';
import type { BankFileLine } from './bank-file';
import { PayoutErrorCode, PayoutException } from './payouts.exception';

interface PayoutRow {
  id: string;
  batch_id: string | null;
  distribution_id: string;
  household_id: string;
  household_number: string;
  head_name: string;
  bank_name: string | null;
  bank_account_masked: string | null;
  amount_fen: string;
  attempt: number;
  retry_of: string | null;
  retry_reason: string | null;
  status: string;
  bank_reference: string | null;
  failure_reason: string | null;
}

const SELECT = `SELECT id, batch_id, distribution_id, household_id, household_number, head_name, bank_name, bank_account_masked,
  amount_fen::text AS amount_fen, attempt, retry_of, retry_reason, status, bank_reference, failure_reason FROM payout`;

function toView(p: PayoutRow) {
  return {
    id: p.id,
    batchId: p.batch_id,
    distributionId: p.distribution_id,
    householdId: p.household_id,
    householdNumber: p.household_number,
    bankName: p.bank_name,
    bankAccountMasked: p.bank_account_masked,
    amountFen: p.amount_fen,
    attempt: p.attempt,
    retryOf: p.retry_of,
    retryReason: p.retry_reason,
    status: p.status,
    bankReference: p.bank_reference,
    failureReason: p.failure_reason,
  };
}

/** Payout batches, bank files, bank confirmations (paid / failed), retries. */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly distributions: DistributionsService,
    private readonly chain: ChainService,
    private readonly clock: Clock,
  ) {}

  private async batchInScope(
    principal: Principal | undefined,
    batchId: string,
    manager: EntityManager = this.dataSource.manager,
  ) {
    const [batch] = (await manager.query(
      `SELECT id, distribution_id, line_count, total_fen::text AS total_fen, created_by, created_at FROM payout_batch WHERE id = $1`,
      [batchId],
    )) as Array<Record<string, unknown>>;
    if (!batch)
      throw new PayoutException(
        PayoutErrorCode.BatchNotFound,
        `付款批次 ${batchId} 不存在 / No payout batch ${batchId}`,
      );
    const distribution = await this.distributions.inScope(
      principal,
      batch.distribution_id as string,
      manager,
    );
    return { batch, distribution };
  }

  async listForDistribution(principal: Principal, distributionId: string) {
    await this.distributions.inScope(principal, distributionId);
    const batches = (await this.dataSource.query(
      `SELECT id, line_count, total_fen::text AS total_fen, created_at FROM payout_batch WHERE distribution_id = $1 ORDER BY created_at`,
      [distributionId],
    )) as Array<Record<string, unknown>>;
    // A distribution's payouts are those in its batches and those of it not yet in a batch (its
    // batches hold only its payouts, migration 1763900005100): both are read through an index.
    const payouts = (await this.dataSource.query(
      `${SELECT} WHERE batch_id = ANY (ARRAY(SELECT id FROM payout_batch WHERE distribution_id = $1))
         OR (batch_id IS NULL AND distribution_id = $1)
       ORDER BY household_number, attempt`,
      [distributionId],
    )) as PayoutRow[];
    return {
      batches: batches.map((b) => ({
        id: b.id,
        lineCount: b.line_count,
        totalFen: b.total_fen,
        createdAt: new Date(b.created_at as string).toISOString(),
      })),
      payouts: payouts.map(toView),
    };
  }

  async bankFileLines(
    principal: Principal,
    batchId: string,
  ): Promise<{ title: string; lines: BankFileLine[] }> {
    const { distribution } = await this.batchInScope(principal, batchId);
    const rows = (await this.dataSource.query(`${SELECT} WHERE batch_id = $1 ORDER BY household_number`, [
      batchId,
    ])) as PayoutRow[];
    return {
      title: `${distribution.title} 代发批次 ${batchId}`,
      lines: rows.map((p) => ({
        payoutId: p.id,
        householdNumber: p.household_number,
        headName: p.head_name,
        bankName: p.bank_name,
        bankAccountMasked: p.bank_account_masked,
        amountFen: p.amount_fen,
      })),
    };
  }

  /** The bank's answer per line. All or nothing; a line already confirmed the same way is left as it is. */
  async confirm(ctx: RequestContext, batchId: string, body: BankConfirmationsBody, key: string) {
    const result = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { caller: ctx.actorId, key, operation: `POST /payout-batches/${batchId}/confirmations`, body },
        async () => ({
          status: 200,
          body: await this.confirmNow(manager, ctx, batchId, body),
        }),
      ),
    );
    return result.body;
  }

  private async confirmNow(
    manager: EntityManager,
    ctx: RequestContext,
    batchId: string,
    body: BankConfirmationsBody,
  ) {
    const { distribution } = await this.batchInScope(ctx.principal, batchId, manager);
    const ids = body.lines.map((l) => l.payoutId);
    const rows = (await manager.query(`${SELECT} WHERE id = ANY($1::uuid[]) FOR UPDATE`, [
      ids,
    ])) as PayoutRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const notInBatch = ids.filter((id) => byId.get(id)?.batch_id !== batchId);
    if (notInBatch.length)
      throw new PayoutException(
        PayoutErrorCode.NotInBatch,
        '部分付款不在此批次 / Some payouts are not in this batch',
        { notInBatch },
      );
    const conflicts: string[] = [];
    const todo: typeof body.lines = [];
    let unchanged = 0;
    for (const line of body.lines) {
      const p = byId.get(line.payoutId)!;
      if (p.status === 'pending') todo.push(line);
      else if (
        p.status === line.status &&
        (line.status === 'failed' || p.bank_reference === line.bankReference)
      )
        unchanged++;
      else conflicts.push(line.payoutId);
    }
    if (conflicts.length)
      throw new PayoutException(
        PayoutErrorCode.AlreadyConfirmed,
        '部分付款已有不同的银行回执，未做任何更改 / Some payouts were already confirmed differently; nothing was changed',
        { conflicts },
      );
    for (const line of todo) {
      const p = byId.get(line.payoutId)!;
      const fields = {
        payoutId: p.id,
        distributionId: p.distribution_id,
        entityId: distribution.entityId,
        householdId: p.household_id,
        householdNumber: p.household_number,
        amountFen: p.amount_fen,
        attempt: p.attempt,
      };
      if (line.status === 'paid') {
        await manager.query(
          `UPDATE payout SET status = 'paid', bank_reference = $2, confirmed_at = now() WHERE id = $1`,
          [p.id, line.bankReference],
        );
        const amount = BigInt(p.amount_fen);
        await postLedgerTransaction(
          manager,
          {
            kind: 'payout.paid',
            entityId: distribution.entityId,
            distributionId: p.distribution_id,
            payoutId: p.id,
            description: `代发到账 ${p.household_number}`,
          },
          [
            {
              account: accounts.householdsPayable(distribution.entityId),
              householdId: p.household_id,
              amountFen: amount,
            },
            { account: accounts.bank(distribution.entityId), amountFen: -amount },
          ],
        );
        await publish(manager, payoutMadeV1, {
          aggregateId: p.id,
          payload: { ...fields, bankReference: line.bankReference },
        });
      } else {
        await manager.query(
          `UPDATE payout SET status = 'failed', failure_reason = $2, confirmed_at = now() WHERE id = $1`,
          [p.id, line.reason],
        );
        await publish(manager, payoutFailedV1, {
          aggregateId: p.id,
          payload: { ...fields, reason: line.reason },
        });
      }
    }
    await audit(
      manager,
      ctx,
      'payout.confirmations_imported',
      { type: 'payout_batch', id: batchId },
      {
        applied: todo.length,
        unchanged,
        paid: todo.filter((l) => l.status === 'paid').length,
        failed: todo.filter((l) => l.status === 'failed').length,
      },
    );
    return { batchId, applied: todo.length, unchanged };
  }

  /**
   * Queues a failed payout again with a reason: a new payout line (attempt + 1) with the bank
   * account the registry read model holds now, so a corrected account is used (reissue).
   */
  async retry(ctx: RequestContext, payoutId: string, reason: string) {
    return this.dataSource.transaction(async (manager) => {
      const [p] = (await manager.query(`${SELECT} WHERE id = $1 FOR UPDATE`, [payoutId])) as PayoutRow[];
      if (!p)
        throw new PayoutException(
          PayoutErrorCode.NotFound,
          `付款 ${payoutId} 不存在 / No payout ${payoutId}`,
        );
      await this.distributions.inScope(ctx.principal, p.distribution_id, manager);
      if (p.status !== 'failed')
        throw new PayoutException(
          PayoutErrorCode.NotFailed,
          '只有失败的付款可以重发 / Only a failed payout can be retried',
        );
      const id = randomUUID();
      await manager.query(`UPDATE payout SET status = 'retried' WHERE id = $1`, [payoutId]);
      await manager.query(
        `INSERT INTO payout (id, distribution_id, household_id, household_number, head_name, bank_name, bank_account_masked,
           amount_fen, attempt, retry_of, retry_reason, status, village_code)
         SELECT $1, p.distribution_id, p.household_id, p.household_number, h.head_name, h.bank_name, h.bank_account_masked,
           p.amount_fen, p.attempt + 1, p.id, $3, 'pending', p.village_code
         FROM payout p JOIN household_rm h ON h.id = p.household_id WHERE p.id = $2`,
        [id, payoutId, reason],
      );
      await audit(
        manager,
        ctx,
        'payout.retried',
        { type: 'payout', id: payoutId },
        { newPayoutId: id, reason },
      );
      const [row] = (await manager.query(`${SELECT} WHERE id = $1`, [id])) as PayoutRow[];
      return toView(row);
    });
  }

  /** Gathers the pending payouts not yet in a batch (retries) into a new batch, linked into the chain. */
  async newBatch(ctx: RequestContext, distributionId: string) {
    return this.dataSource.transaction(async (manager) => {
      const distribution = await this.distributions.inScope(ctx.principal, distributionId, manager, true);
      if (distribution.status !== 'posted')
        throw DistributionException.wrongStatus(distribution.status, 'posted');
      const batchId = randomUUID();
      const [totals] = (await manager.query(
        `SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::text AS total FROM payout
         WHERE distribution_id = $1 AND batch_id IS NULL AND status = 'pending'`,
        [distributionId],
      )) as Array<{ n: number; total: string }>;
      if (totals.n === 0)
        throw new PayoutException(
          PayoutErrorCode.NothingToBatch,
          '没有待发的付款 / No payouts waiting for a batch',
        );
      await manager.query(
        `INSERT INTO payout_batch (id, distribution_id, line_count, total_fen, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [batchId, distributionId, totals.n, totals.total, ctx.actorId, this.clock.now()],
      );
      await manager.query(
        `UPDATE payout SET batch_id = $1 WHERE distribution_id = $2 AND batch_id IS NULL AND status = 'pending'`,
        [batchId, distributionId],
      );
      const link = await this.chain.append(manager, 'payout_batch', batchId);
      await audit(
        manager,
        ctx,
        'payout.batch_created',
        { type: 'payout_batch', id: batchId },
        {
          distributionId,
          payouts: totals.n,
          chainSeq: link.seq,
        },
      );
      return { id: batchId, distributionId, lineCount: totals.n, totalFen: totals.total };
    });
  }
}
