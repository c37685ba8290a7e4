import { Injectable } from '@nestjs/common';
import { distributionApprovedV1, type ApproveDistributionBody } from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { runIdempotent } from '@fupin/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ChainService } from '../chain/chain.service';
import { Clock } from '../common/clock';
import { chinaDate } from '../common/masking';
import { audit, type RequestContext } from '@fupin/service-kit';
import { loadDistribution, type DistributionView } from './distribution-view';
import { DistributionErrorCode, DistributionException } from './distributions.exception';
import { DistributionsService } from './distributions.service';
import { withPostingConnections, writePosting } from './posting-writes';

/** Approval after the notice (四议两公开), its revocation, and the all-or-nothing posting. */
@Injectable()
export class ApprovalAndPostingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly distributions: DistributionsService,
    private readonly chain: ChainService,
    private readonly clock: Clock,
  ) {}

  async approve(
    ctx: RequestContext,
    id: string,
    body: ApproveDistributionBody,
    key: string,
  ): Promise<DistributionView> {
    const result = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { caller: ctx.actorId, key, operation: `POST /distributions/${id}/approval`, body },
        async () => ({
          status: 200,
          body: await this.approveNow(manager, ctx, id, body),
        }),
      ),
    );
    return result.body;
  }

  private async approveNow(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    body: ApproveDistributionBody,
  ): Promise<DistributionView> {
    const view = await this.distributions.inScope(ctx.principal, id, manager, true);
    if (view.status !== 'noticed') throw DistributionException.wrongStatus(view.status, 'noticed');
    const now = this.clock.now();
    if (now < new Date(view.notice!.endsAt))
      throw new DistributionException(
        DistributionErrorCode.NoticePeriodRunning,
        `公示期至 ${view.notice!.endsAt} 结束，之后方可审批 / The notice runs until ${view.notice!.endsAt}`,
        { endsAt: view.notice!.endsAt },
      );
    const open = view.objections.filter((o) => !o.resolvedAt);
    if (open.length)
      throw new DistributionException(
        DistributionErrorCode.ObjectionsOpen,
        `尚有 ${open.length} 条异议未处理 / ${open.length} objection(s) still open`,
        { objectionIds: open.map((o) => o.id) },
      );
    // The meeting is dated as the village dates it: China's calendar day, not UTC's.
    if (body.meetingDate < chinaDate(view.notice!.publishedAt) || body.meetingDate > chinaDate(now))
      throw new DistributionException(
        DistributionErrorCode.MeetingBeforeNotice,
        '村民会议日期须在公示发布之后、今天之前 / The meeting date must lie between the notice and today',
      );
    const approvalId = randomUUID();
    await manager.query(
      `INSERT INTO approval (id, distribution_id, meeting_date, attendees_count, minutes_reference, approved_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [approvalId, id, body.meetingDate, body.attendeesCount, body.minutesReference, ctx.actorId],
    );
    await manager.query(`UPDATE distribution SET status = 'approved' WHERE id = $1`, [id]);
    await publish(manager, distributionApprovedV1, {
      aggregateId: id,
      payload: {
        distributionId: id,
        entityId: view.entityId,
        title: view.title,
        periodStart: view.periodStart,
        periodEnd: view.periodEnd,
        planId: view.planId,
        planVersion: view.planVersion,
        poolFen: view.poolFen,
        householdCount: view.householdCount,
        meetingDate: body.meetingDate,
      },
    });
    await audit(manager, ctx, 'distribution.approved', { type: 'distribution', id }, { approvalId, ...body });
    return loadDistribution(manager, id);
  }

  /** Withdraws the approval before posting; the distribution goes back to its notice. */
  async revoke(ctx: RequestContext, id: string, reason: string): Promise<DistributionView> {
    return this.dataSource.transaction(async (manager) => {
      const view = await this.distributions.inScope(ctx.principal, id, manager, true);
      if (view.status !== 'approved') throw DistributionException.wrongStatus(view.status, 'approved');
      await manager.query(
        `UPDATE approval SET revoked_at = now(), revoked_by = $2, revoke_reason = $3 WHERE distribution_id = $1 AND revoked_at IS NULL`,
        [id, ctx.actorId, reason],
      );
      await manager.query(`UPDATE distribution SET status = 'noticed' WHERE id = $1`, [id]);
      await audit(
        manager,
        ctx,
        'distribution.approval_revoked',
        { type: 'distribution', id },
        {
          approvalId: view.approval?.id,
          reason,
        },
      );
      return loadDistribution(manager, id);
    });
  }

  async post(
    ctx: RequestContext,
    id: string,
    key: string,
  ): Promise<{ distribution: DistributionView; batchId: string }> {
    const result = await this.dataSource.transaction((manager) =>
      runIdempotent(
        manager,
        { caller: ctx.actorId, key, operation: `POST /distributions/${id}/posting`, body: {} },
        async () => ({
          status: 200,
          body: await this.postNow(manager, ctx, id),
        }),
      ),
    );
    return result.body;
  }

  /**
   * One database transaction: the payouts and their first batch, the ledger (pool → households
   * payable and retained accounts), the status (which enters the fund ledger) and the chain link.
   * Any failure leaves nothing.
   */
  private async postNow(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
  ): Promise<{ distribution: DistributionView; batchId: string }> {
    const view = await this.distributions.inScope(ctx.principal, id, manager, true);
    if (view.status !== 'approved') throw DistributionException.wrongStatus(view.status, 'approved');
    const batchId = randomUUID();
    const { payouts, totalFen, chainSeq } = await withPostingConnections(this.dataSource, manager, (db) =>
      writePosting(db, this.chain, {
        distributionId: id,
        entityId: view.entityId,
        title: view.title,
        poolFen: BigInt(view.poolFen),
        accountParts: view.accountParts.map((a) => ({ account: a.account, amountFen: BigInt(a.amountFen) })),
        batchId,
        actor: ctx.actorId,
        at: this.clock.now(),
      }),
    );
    await audit(
      manager,
      ctx,
      'distribution.posted',
      { type: 'distribution', id },
      {
        batchId,
        payouts,
        totalFen: String(totalFen),
        chainSeq,
      },
    );
    return { distribution: await loadDistribution(manager, id), batchId };
  }
}
