import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@fupin/auth';
import type {
  CreateDistributionBody,
  PaginationQuery,
  PublishDistributionNoticeBody,
} from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ChainService } from '../chain/chain.service';
import { Clock } from '../common/clock';
import { DIVIDENDS_SETTINGS, type DividendsSettings } from '../common/dividends-config.module';
import { audit, type RequestContext } from '@fupin/service-kit';
import { accountTotals, EngineError, explainHousehold, runPlan } from '../engine/plan-engine';
import { PlansService } from '../plans/plans.service';
import { ReadModelsService } from '../read-models/read-models.service';
import { loadDistribution, type DistributionView } from './distribution-view';
import { DistributionErrorCode, DistributionException } from './distributions.exception';
import { loadMemberFacts } from './member-facts';

const LINE_CHUNK = 5000;

/** Dry runs, their lines and explanations, public notices and objections. */
@Injectable()
export class DistributionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModels: ReadModelsService,
    private readonly plans: PlansService,
    private readonly chain: ChainService,
    private readonly clock: Clock,
    @Inject(DIVIDENDS_SETTINGS) private readonly settings: DividendsSettings,
  ) {}

  /** The distribution after the scope check on its entity (403 before anything is read or changed). */
  async inScope(
    principal: Principal | undefined,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<DistributionView> {
    const view = await loadDistribution(manager, id, lock);
    await this.readModels.entityInScope(principal, view.entityId, manager);
    return view;
  }

  async list(principal: Principal, entityId: string): Promise<DistributionView[]> {
    await this.readModels.entityInScope(principal, entityId);
    const rows = (await this.dataSource.query(
      'SELECT id FROM distribution WHERE entity_id = $1 ORDER BY created_at',
      [entityId],
    )) as Array<{ id: string }>;
    return Promise.all(rows.map((r) => loadDistribution(this.dataSource.manager, r.id)));
  }

  async lines(principal: Principal, id: string, query: PaginationQuery) {
    await this.inScope(principal, id);
    const rows = (await this.dataSource.query(
      `SELECT household_id, household_number, head_name, village_code, amount_fen::text AS amount_fen, explanation,
              count(*) OVER ()::int AS total
       FROM distribution_line WHERE distribution_id = $1 ORDER BY household_number LIMIT $2 OFFSET $3`,
      [id, query.pageSize, (query.page - 1) * query.pageSize],
    )) as Array<Record<string, unknown>>;
    return {
      items: rows.map((r) => ({
        householdId: r.household_id,
        householdNumber: r.household_number,
        headName: r.head_name,
        villageCode: r.village_code,
        amountFen: r.amount_fen,
        explanation: r.explanation,
      })),
      total: rows.length ? (rows[0].total as number) : 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Runs the plan over the members and the declared income; nothing is paid, everything is explained. */
  async dryRun(
    ctx: RequestContext,
    entityId: string,
    body: CreateDistributionBody,
  ): Promise<DistributionView> {
    return this.dataSource.transaction(async (manager) => {
      await this.readModels.entityInScope(ctx.principal, entityId, manager);
      const plan = await this.plans.document(manager, body.planId, body.planVersion);
      if (plan.entityId !== entityId)
        throw new DistributionException(
          DistributionErrorCode.PlanOfAnotherEntity,
          '该方案属于另一分红主体 / The plan belongs to another entity',
        );
      const declarations = (await manager.query(
        `SELECT id, amount_fen::text AS amount_fen FROM income_declaration
         WHERE id = ANY($1::uuid[]) AND entity_id = $2 AND distribution_id IS NULL FOR UPDATE`,
        [body.incomeDeclarationIds, entityId],
      )) as Array<{ id: string; amount_fen: string }>;
      const ids = new Set(body.incomeDeclarationIds);
      if (declarations.length !== ids.size)
        throw new DistributionException(
          DistributionErrorCode.IncomeUnavailable,
          '收益申报不存在、属于其他主体或已被分配 / An income declaration is missing, of another entity, or already distributed',
          { missing: [...ids].filter((i) => !declarations.some((d) => d.id === i)) },
        );
      const pool = declarations.reduce((sum, d) => sum + BigInt(d.amount_fen), 0n);
      const members = await loadMemberFacts(manager, entityId, body.periodStart, body.periodEnd);
      let result;
      try {
        result = runPlan(plan.document, { poolFen: pool, households: members });
      } catch (error) {
        if (error instanceof EngineError)
          throw new DistributionException(DistributionErrorCode.PlanCannotPlace, error.message, {
            engineCode: error.code,
            step: error.path,
          });
        throw error;
      }
      const id = randomUUID();
      const accountParts = accountTotals(result).map((a) => ({
        account: a.account,
        amountFen: String(a.amountFen),
      }));
      await manager.query(
        `INSERT INTO distribution (id, entity_id, title, plan_id, plan_version, period_start, period_end, pool_fen, status,
           account_parts, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'dry_run', $9, $10)`,
        [
          id,
          entityId,
          body.title,
          body.planId,
          plan.version,
          body.periodStart,
          body.periodEnd,
          String(pool),
          JSON.stringify(accountParts),
          ctx.actorId,
        ],
      );
      for (let start = 0; start < members.length; start += LINE_CHUNK) {
        const chunk = members.slice(start, start + LINE_CHUNK);
        await manager.query(
          `INSERT INTO distribution_line (distribution_id, household_id, household_number, village_code, head_name, amount_fen, explanation)
           SELECT $1, h, n, v, name, f, e FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::jsonb[])
             AS x(h, n, v, name, f, e)`,
          [
            id,
            chunk.map((m) => m.householdId),
            chunk.map((m) => m.householdNumber),
            chunk.map((m) => m.villageCode),
            chunk.map((m) => m.headName),
            chunk.map((_, k) => String(result.householdTotals[start + k])),
            chunk.map((_, k) => JSON.stringify(explainHousehold(result, start + k))),
          ],
        );
      }
      await manager.query('UPDATE income_declaration SET distribution_id = $1 WHERE id = ANY($2::uuid[])', [
        id,
        body.incomeDeclarationIds,
      ]);
      await audit(
        manager,
        ctx,
        'distribution.dry_run',
        { type: 'distribution', id },
        {
          entityId,
          planId: body.planId,
          planVersion: plan.version,
          poolFen: String(pool),
          households: members.length,
        },
      );
      return loadDistribution(manager, id);
    });
  }

  /** Throws a dry run away and frees its income declarations (only before the notice). */
  async discard(ctx: RequestContext, id: string): Promise<{ id: string; discarded: true }> {
    return this.dataSource.transaction(async (manager) => {
      const view = await this.inScope(ctx.principal, id, manager, true);
      if (view.status !== 'dry_run') throw DistributionException.wrongStatus(view.status, 'dry_run');
      await manager.query('UPDATE income_declaration SET distribution_id = NULL WHERE distribution_id = $1', [
        id,
      ]);
      await manager.query('DELETE FROM distribution_line WHERE distribution_id = $1', [id]);
      await manager.query('DELETE FROM distribution WHERE id = $1', [id]);
      await audit(
        manager,
        ctx,
        'distribution.discarded',
        { type: 'distribution', id },
        { entityId: view.entityId },
      );
      return { id, discarded: true };
    });
  }

  /** Posts the public notice (公示) for at least 10 days and links it into the hash chain. */
  async publishNotice(
    ctx: RequestContext,
    id: string,
    body: PublishDistributionNoticeBody,
  ): Promise<DistributionView> {
    return this.dataSource.transaction(async (manager) => {
      const view = await this.inScope(ctx.principal, id, manager, true);
      if (view.status !== 'dry_run') throw DistributionException.wrongStatus(view.status, 'dry_run');
      const publishedAt = this.clock.now();
      const daySeconds = this.settings.noticeDaySeconds;
      const endsAt = new Date(publishedAt.getTime() + body.days * daySeconds * 1000);
      const noticeId = randomUUID();
      await manager.query(
        `INSERT INTO notice (id, distribution_id, entity_id, title, published_at, ends_at, days, day_seconds)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [noticeId, id, view.entityId, view.title, publishedAt, endsAt, body.days, daySeconds],
      );
      await manager.query(`UPDATE distribution SET status = 'noticed' WHERE id = $1`, [id]);
      const link = await this.chain.append(manager, 'notice', noticeId);
      await audit(
        manager,
        ctx,
        'distribution.notice_published',
        { type: 'distribution', id },
        {
          noticeId,
          days: body.days,
          chainSeq: link.seq,
          hash: link.hash,
        },
      );
      return loadDistribution(manager, id);
    });
  }

  async recordObjection(
    ctx: RequestContext,
    id: string,
    body: { raisedBy: string; text: string },
  ): Promise<DistributionView> {
    return this.dataSource.transaction(async (manager) => {
      const view = await this.inScope(ctx.principal, id, manager, true);
      if (view.status !== 'noticed') throw DistributionException.wrongStatus(view.status, 'noticed');
      const objectionId = randomUUID();
      await manager.query(
        'INSERT INTO objection (id, distribution_id, raised_by, text, recorded_by) VALUES ($1, $2, $3, $4, $5)',
        [objectionId, id, body.raisedBy, body.text, ctx.actorId],
      );
      await audit(
        manager,
        ctx,
        'distribution.objection_recorded',
        { type: 'distribution', id },
        { objectionId, ...body },
      );
      return loadDistribution(manager, id);
    });
  }

  async resolveObjection(
    ctx: RequestContext,
    id: string,
    objectionId: string,
    resolution: string,
  ): Promise<DistributionView> {
    return this.dataSource.transaction(async (manager) => {
      await this.inScope(ctx.principal, id, manager, true);
      const [row] = (await manager.query(
        `UPDATE objection SET resolution = $3, resolved_by = $4, resolved_at = now()
         WHERE id = $1 AND distribution_id = $2 AND resolved_at IS NULL RETURNING id`,
        [objectionId, id, resolution, ctx.actorId],
      )) as [Array<{ id: string }>, number];
      if (!row?.length)
        throw new DistributionException(
          DistributionErrorCode.ObjectionNotFound,
          '异议不存在或已处理 / No such open objection',
        );
      await audit(
        manager,
        ctx,
        'distribution.objection_resolved',
        { type: 'distribution', id },
        { objectionId, resolution },
      );
      return loadDistribution(manager, id);
    });
  }
}
