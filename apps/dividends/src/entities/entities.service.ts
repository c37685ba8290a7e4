import { Injectable } from '@nestjs/common';
import { scopeRegionCode, forbidden, type Principal } from '@fupin/auth';
import {
  pageOffset,
  type AddMemberBody,
  type AddShareholdingBody,
  type AttendanceList,
  type AttendanceQuery,
  type RecordAttendanceBody,
} from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit, type RequestContext } from '@fupin/service-kit';
import { DISTRIBUTING_TYPES, ReadModelsService, type EntityView } from '../read-models/read-models.service';
import { EntityErrorCode, EntityException } from './entities.exception';

/** Distributing entities (from the registry's organisations), their members, shares and attendance. */
@Injectable()
export class EntitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModels: ReadModelsService,
  ) {}

  async list(principal: Principal): Promise<EntityView[]> {
    if (principal.scope.kind === 'organisation')
      return [await this.readModels.entityInScope(principal, principal.scope.id)];
    const root = scopeRegionCode(principal);
    if (!root) throw forbidden();
    const rows = (await this.dataSource.query(
      `SELECT id FROM organisation_rm WHERE type = ANY($1) AND region_code LIKE $2 ORDER BY region_code, name`,
      [DISTRIBUTING_TYPES, `${root}%`],
    )) as Array<{ id: string }>;
    return Promise.all(rows.map((r) => this.readModels.entity(r.id)));
  }

  async members(principal: Principal, entityId: string): Promise<unknown[]> {
    await this.readModels.entityInScope(principal, entityId);
    const rows = (await this.dataSource.query(
      `SELECT m.household_id, h.household_number, h.head_name, h.village_code, h.labour_class, h.poverty_status,
              m.joined_on::text AS joined_on,
              coalesce(json_agg(json_build_object('id', s.id, 'kind', s.kind, 'shares', s.shares::text,
                'validFrom', s.valid_from::text, 'validTo', s.valid_to::text) ORDER BY s.valid_from)
                FILTER (WHERE s.id IS NOT NULL), '[]') AS shareholdings
       FROM entity_member m JOIN household_rm h ON h.id = m.household_id
       LEFT JOIN shareholding s ON s.entity_id = m.entity_id AND s.household_id = m.household_id
       WHERE m.entity_id = $1 GROUP BY m.household_id, h.id, m.joined_on ORDER BY h.household_number`,
      [entityId],
    )) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      householdId: r.household_id,
      householdNumber: r.household_number,
      headName: r.head_name,
      villageCode: r.village_code,
      labourClass: r.labour_class,
      povertyStatus: r.poverty_status,
      joinedOn: r.joined_on,
      shareholdings: r.shareholdings,
    }));
  }

  private async activeEntity(
    ctx: RequestContext,
    entityId: string,
    manager: EntityManager,
  ): Promise<EntityView> {
    const entity = await this.readModels.entityInScope(ctx.principal, entityId, manager);
    if (!entity.active)
      throw new EntityException(
        EntityErrorCode.Inactive,
        `${entity.name} 已停用 / ${entity.name} is inactive`,
      );
    return entity;
  }

  async addMember(
    ctx: RequestContext,
    entityId: string,
    body: AddMemberBody,
  ): Promise<{ entityId: string; householdId: string; joinedOn: string }> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.activeEntity(ctx, entityId, manager);
      const household = await this.readModels.household(body.householdId, manager);
      if (household.county_code !== entity.countyCode)
        throw new EntityException(
          EntityErrorCode.HouseholdOutsideCounty,
          '农户不在本县 / The household is registered in another county',
        );
      const inserted = (await manager.query(
        `INSERT INTO entity_member (entity_id, household_id, joined_on) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [entityId, body.householdId, body.joinedOn],
      )) as unknown[];
      if (inserted.length === 0)
        throw new EntityException(EntityErrorCode.AlreadyMember, '该户已是成员 / Already a member');
      await audit(manager, ctx, 'entity.member.added', { type: 'entity', id: entityId }, { ...body });
      return { entityId, householdId: body.householdId, joinedOn: body.joinedOn };
    });
  }

  private async assertMember(manager: EntityManager, entityId: string, householdId: string): Promise<void> {
    const [row] = (await manager.query(
      'SELECT 1 FROM entity_member WHERE entity_id = $1 AND household_id = $2',
      [entityId, householdId],
    )) as unknown[];
    if (!row)
      throw new EntityException(
        EntityErrorCode.NotMember,
        `农户 ${householdId} 不是本主体成员 / Household ${householdId} is not a member`,
      );
  }

  async addShareholding(
    ctx: RequestContext,
    entityId: string,
    body: AddShareholdingBody,
  ): Promise<Record<string, unknown>> {
    return this.dataSource.transaction(async (manager) => {
      await this.activeEntity(ctx, entityId, manager);
      await this.assertMember(manager, entityId, body.householdId);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO shareholding (id, entity_id, household_id, kind, shares, valid_from, valid_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, entityId, body.householdId, body.kind, body.shares, body.validFrom, body.validTo ?? null],
      );
      await audit(
        manager,
        ctx,
        'entity.shareholding.added',
        { type: 'shareholding', id },
        { entityId, ...body },
      );
      return { id, entityId, ...body, shares: String(body.shares), validTo: body.validTo ?? null };
    });
  }

  /**
   * The attendance recorded in periods lying within the query's period (as a distribution counts
   * them), one row per household and period, ordered by household number.
   */
  async attendance(principal: Principal, entityId: string, query: AttendanceQuery): Promise<AttendanceList> {
    await this.readModels.entityInScope(principal, entityId);
    const where = `a.entity_id = $1 AND a.period_start >= $2::date AND a.period_end <= $3::date`;
    const params = [entityId, query.periodStart, query.periodEnd];
    // Counted apart from the page, so a page past the end still reports how many there are.
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM attendance a WHERE ${where}`,
      params,
    )) as Array<{ total: number }>;
    const rows = (await this.dataSource.query(
      `SELECT a.household_id, h.household_number, h.head_name, a.period_start::text AS period_start,
              a.period_end::text AS period_end, a.days_worked
       FROM attendance a JOIN household_rm h ON h.id = a.household_id
       WHERE ${where} ORDER BY h.household_number, a.period_start, a.period_end LIMIT $4 OFFSET $5`,
      [...params, query.pageSize, pageOffset(query)],
    )) as Array<Record<string, unknown>>;
    return {
      items: rows.map((r) => ({
        householdId: r.household_id as string,
        householdNumber: r.household_number as string,
        headName: r.head_name as string,
        periodStart: r.period_start as string,
        periodEnd: r.period_end as string,
        daysWorked: r.days_worked as number,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async recordAttendance(
    ctx: RequestContext,
    entityId: string,
    body: RecordAttendanceBody,
  ): Promise<{ recorded: number }> {
    return this.dataSource.transaction(async (manager) => {
      await this.activeEntity(ctx, entityId, manager);
      for (const r of body.records) await this.assertMember(manager, entityId, r.householdId);
      await manager.query(
        `INSERT INTO attendance (entity_id, household_id, period_start, period_end, days_worked)
         SELECT $1, h, $2, $3, d FROM unnest($4::uuid[], $5::int[]) AS x(h, d)
         ON CONFLICT (entity_id, household_id, period_start, period_end) DO UPDATE SET days_worked = EXCLUDED.days_worked`,
        [
          entityId,
          body.periodStart,
          body.periodEnd,
          body.records.map((r) => r.householdId),
          body.records.map((r) => r.daysWorked),
        ],
      );
      await audit(
        manager,
        ctx,
        'entity.attendance.recorded',
        { type: 'entity', id: entityId },
        {
          periodStart: body.periodStart,
          periodEnd: body.periodEnd,
          records: body.records.length,
        },
      );
      return { recorded: body.records.length };
    });
  }
}
