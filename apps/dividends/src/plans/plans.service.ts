import { Injectable } from '@nestjs/common';
import type { Principal } from '@fupin/auth';
import { planDocumentSchema, type PlanDocument, type SavePlanBody } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit, type RequestContext } from '@fupin/service-kit';
import { ReadModelsService } from '../read-models/read-models.service';
import { PlanErrorCode, PlanException } from './plans.exception';

export interface PlanView {
  id: string;
  entityId: string;
  name: string;
  currentVersion: number;
  versions: Array<{ version: number; document: PlanDocument; createdBy: string; createdAt: string }>;
}

/** Versioned distribution plans: saving a plan adds a version; a distribution keeps the version it used. */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModels: ReadModelsService,
  ) {}

  private async view(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlanView> {
    const [plan] = (await manager.query(
      'SELECT id, entity_id, name, current_version FROM plan WHERE id = $1',
      [id],
    )) as Array<{ id: string; entity_id: string; name: string; current_version: number }>;
    if (!plan)
      throw new PlanException(PlanErrorCode.NotFound, `分配方案 ${id} 不存在 / Plan ${id} does not exist`);
    const versions = (await manager.query(
      'SELECT version, document, created_by, created_at FROM plan_version WHERE plan_id = $1 ORDER BY version',
      [id],
    )) as Array<{ version: number; document: PlanDocument; created_by: string; created_at: Date }>;
    return {
      id: plan.id,
      entityId: plan.entity_id,
      name: plan.name,
      currentVersion: plan.current_version,
      versions: versions.map((v) => ({
        version: v.version,
        document: v.document,
        createdBy: v.created_by,
        createdAt: new Date(v.created_at).toISOString(),
      })),
    };
  }

  async get(principal: Principal, id: string): Promise<PlanView> {
    const plan = await this.view(id);
    await this.readModels.entityInScope(principal, plan.entityId);
    return plan;
  }

  async list(principal: Principal, entityId: string): Promise<PlanView[]> {
    await this.readModels.entityInScope(principal, entityId);
    const rows = (await this.dataSource.query(
      'SELECT id FROM plan WHERE entity_id = $1 ORDER BY created_at',
      [entityId],
    )) as Array<{ id: string }>;
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  /** The document of one version, for a distribution's dry run. */
  async document(
    manager: EntityManager,
    planId: string,
    version: number | undefined,
  ): Promise<{ entityId: string; version: number; document: PlanDocument }> {
    const [row] = (await manager.query(
      `SELECT p.entity_id, v.version, v.document FROM plan p JOIN plan_version v ON v.plan_id = p.id
       WHERE p.id = $1 AND v.version = coalesce($2, p.current_version)`,
      [planId, version ?? null],
    )) as Array<{ entity_id: string; version: number; document: unknown }>;
    if (!row)
      throw new PlanException(
        PlanErrorCode.VersionNotFound,
        `分配方案 ${planId} 没有版本 ${version ?? '(当前)'} / Plan ${planId} has no such version`,
      );
    return {
      entityId: row.entity_id,
      version: row.version,
      document: planDocumentSchema.parse(row.document),
    };
  }

  async create(ctx: RequestContext, entityId: string, body: SavePlanBody): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      await this.readModels.entityInScope(ctx.principal, entityId, manager);
      const id = randomUUID();
      await manager.query('INSERT INTO plan (id, entity_id, name, current_version) VALUES ($1, $2, $3, 1)', [
        id,
        entityId,
        body.name,
      ]);
      await manager.query(
        'INSERT INTO plan_version (plan_id, version, document, created_by) VALUES ($1, 1, $2, $3)',
        [id, JSON.stringify(body.document), ctx.actorId],
      );
      await audit(
        manager,
        ctx,
        'plan.created',
        { type: 'plan', id },
        { entityId, name: body.name, version: 1 },
      );
      return this.view(id, manager);
    });
  }

  async saveVersion(ctx: RequestContext, id: string, body: SavePlanBody): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      const [plan] = (await manager.query(
        'SELECT entity_id, current_version FROM plan WHERE id = $1 FOR UPDATE',
        [id],
      )) as Array<{ entity_id: string; current_version: number }>;
      if (!plan)
        throw new PlanException(PlanErrorCode.NotFound, `分配方案 ${id} 不存在 / Plan ${id} does not exist`);
      await this.readModels.entityInScope(ctx.principal, plan.entity_id, manager);
      const version = plan.current_version + 1;
      await manager.query(
        'INSERT INTO plan_version (plan_id, version, document, created_by) VALUES ($1, $2, $3, $4)',
        [id, version, JSON.stringify(body.document), ctx.actorId],
      );
      await manager.query('UPDATE plan SET current_version = $2, name = $3 WHERE id = $1', [
        id,
        version,
        body.name,
      ]);
      await audit(manager, ctx, 'plan.versioned', { type: 'plan', id }, { version, name: body.name });
      return this.view(id, manager);
    });
  }
}
