import { Injectable } from '@nestjs/common';
import {
  assertOrganisationInScope,
  assertRegionInScope,
  canAccessRegion,
  forbidden,
  scopeRegionCode,
  type Principal,
} from '@fupin/auth';
import {
  ORGANISATION_REGION_LEVELS,
  ORGANISATION_TYPE_LABELS,
  organisationCreatedV1,
  organisationUpdatedV1,
  pageOffset,
  regionLevelOf,
  type CreateOrganisationBody,
  type OrganisationListQuery,
  type OrganisationView,
  type Paginated,
  type UpdateOrganisationBody,
} from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { audit, type RequestContext } from '@fupin/service-kit';
import { likeEscape, WhereBuilder } from '../common/sql';
import {
  ORGANISATION_SELECT,
  toOrganisationSnapshot,
  toOrganisationView,
  type OrganisationRow,
} from './organisation-row';
import { OrganisationErrorCode, OrganisationException } from './organisations.exception';

/** Work units, cooperatives, love supermarkets, collection points… each in a region. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganisationView | undefined> {
    const [row] = (await manager.query(`${ORGANISATION_SELECT} WHERE o.id = $1`, [id])) as OrganisationRow[];
    return row ? toOrganisationView(row) : undefined;
  }

  async get(id: string, manager?: EntityManager): Promise<OrganisationView> {
    const organisation = await this.find(id, manager);
    if (!organisation) throw OrganisationException.notFound(id);
    return organisation;
  }

  /** Readable by anyone whose region subtree holds it. */
  async getVisible(principal: Principal, id: string): Promise<OrganisationView> {
    const organisation = await this.get(id);
    if (!canAccessRegion(principal, organisation.regionCode))
      throw forbidden('超出您的管辖范围 / Outside your region');
    return organisation;
  }

  async list(principal: Principal, query: OrganisationListQuery): Promise<Paginated<OrganisationView>> {
    const root = scopeRegionCode(principal);
    if (!root) throw forbidden();
    if (query.regionCode) assertRegionInScope(principal, query.regionCode);
    const where = new WhereBuilder();
    where.add('o.region_code LIKE ?', `${query.regionCode ?? root}%`);
    if (query.type) where.add('o.type = ?', query.type);
    if (query.active !== undefined) where.add('o.active = ?', query.active);
    if (query.q) where.add(`o.name LIKE ? ESCAPE '\\'`, `%${likeEscape(query.q)}%`);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*) AS total FROM organisations o ${where.toSql()}`,
      [...where.params],
    )) as Array<{ total: string }>;
    const rows = (await this.dataSource.query(
      `${ORGANISATION_SELECT} ${where.toSql()} ORDER BY o.region_code, o.type, o.name
       LIMIT ${where.param(query.pageSize)} OFFSET ${where.param(pageOffset(query))}`,
      where.params,
    )) as OrganisationRow[];
    return {
      items: rows.map(toOrganisationView),
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async create(ctx: RequestContext, body: CreateOrganisationBody): Promise<OrganisationView> {
    if (ctx.principal) assertRegionInScope(ctx.principal, body.regionCode);
    const level = regionLevelOf(body.regionCode)!;
    if (!ORGANISATION_REGION_LEVELS[body.type].includes(level)) {
      const label = ORGANISATION_TYPE_LABELS[body.type];
      throw new OrganisationException(
        OrganisationErrorCode.WrongRegionLevel,
        `${label['zh-CN']}不能设在这一级区划 / A ${label.en} cannot sit at the ${level} level`,
        { allowedLevels: ORGANISATION_REGION_LEVELS[body.type] },
      );
    }
    const id = randomUUID();
    return this.dataSource
      .transaction(async (manager) => {
        const [region] = (await manager.query('SELECT 1 FROM regions WHERE code = $1', [
          body.regionCode,
        ])) as unknown[];
        if (!region) {
          throw new OrganisationException(
            OrganisationErrorCode.RegionNotFound,
            `区划 ${body.regionCode} 不存在 / Region ${body.regionCode} does not exist`,
          );
        }
        await manager.query(
          `INSERT INTO organisations (id, type, name, region_code, contact_name, contact_phone) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, body.type, body.name, body.regionCode, body.contactName ?? null, body.contactPhone ?? null],
        );
        const view = await this.get(id, manager);
        await publish(manager, organisationCreatedV1, {
          aggregateId: id,
          payload: toOrganisationSnapshot(view),
        });
        await audit(
          manager,
          ctx,
          'organisation.created',
          { type: 'organisation', id },
          { type: body.type, name: body.name, regionCode: body.regionCode },
        );
        return view;
      })
      .catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
          throw new OrganisationException(
            OrganisationErrorCode.AlreadyExists,
            '该区划已有同类或同名机构（每村一个爱心超市，每县一个扶贫超市）/ This region already has such an organisation (one love supermarket per village, one county supermarket per county)',
          );
        }
        throw error;
      });
  }

  async update(ctx: RequestContext, id: string, body: UpdateOrganisationBody): Promise<OrganisationView> {
    return this.dataSource.transaction(async (manager) => {
      const [locked] = (await manager.query('SELECT id FROM organisations WHERE id = $1 FOR UPDATE', [
        id,
      ])) as unknown[];
      if (!locked) throw OrganisationException.notFound(id);
      const before = await this.get(id, manager);
      if (ctx.principal) assertOrganisationInScope(ctx.principal, before);
      const next = {
        name: body.name ?? before.name,
        contactName: body.contactName === undefined ? before.contactName : body.contactName,
        contactPhone: body.contactPhone === undefined ? before.contactPhone : body.contactPhone,
        active: body.active ?? before.active,
      };
      const changedFields = (['name', 'contactName', 'contactPhone', 'active'] as const).filter(
        (f) => next[f] !== before[f],
      );
      if (changedFields.length === 0) return before;
      await manager.query(
        `UPDATE organisations SET name = $2, contact_name = $3, contact_phone = $4, active = $5, updated_at = now() WHERE id = $1`,
        [id, next.name, next.contactName, next.contactPhone, next.active],
      );
      const view = await this.get(id, manager);
      await publish(manager, organisationUpdatedV1, {
        aggregateId: id,
        payload: { ...toOrganisationSnapshot(view), changedFields },
      });
      const changes = Object.fromEntries(changedFields.map((f) => [f, { from: before[f], to: next[f] }]));
      await audit(manager, ctx, 'organisation.updated', { type: 'organisation', id }, { changes });
      return view;
    });
  }
}
