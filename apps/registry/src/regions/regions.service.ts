import { Injectable } from '@nestjs/common';
import { assertRegionInScope } from '@fupin/auth';
import {
  pageOffset,
  regionLevelOf,
  type CreateRegionBody,
  type Paginated,
  type RegionLevel,
  type RegionListQuery,
  type RegionView,
} from '@fupin/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { audit, type RequestContext } from '@fupin/service-kit';
import { likeEscape, WhereBuilder } from '../common/sql';
import { RegionErrorCode, RegionException } from './regions.exception';

interface RegionRow {
  code: string;
  level: RegionLevel;
  name: string;
  parent_code: string | null;
  path: string[];
  child_count: string;
}

const SELECT = `
  SELECT r.code, r.level, r.name, r.parent_code,
    (SELECT array_agg(a.name ORDER BY length(a.code)) FROM regions a
      WHERE a.code IN (left(r.code, 6), left(r.code, 9), left(r.code, 12), r.code)) AS path,
    (SELECT count(*) FROM regions c WHERE c.parent_code = r.code) AS child_count
  FROM regions r`;

function toView(row: RegionRow): RegionView {
  return {
    code: row.code,
    level: row.level,
    name: row.name,
    parentCode: row.parent_code,
    path: row.path,
    childCount: Number(row.child_count),
  };
}

/** County → town → village → group. Regions are created rarely and read everywhere. */
@Injectable()
export class RegionsService {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegionView | undefined> {
    const [row] = (await manager.query(`${SELECT} WHERE r.code = $1`, [code])) as RegionRow[];
    return row ? toView(row) : undefined;
  }

  async get(code: string, manager?: EntityManager): Promise<RegionView> {
    const region = await this.find(code, manager);
    if (!region) throw RegionException.notFound(code);
    return region;
  }

  async list(query: RegionListQuery): Promise<Paginated<RegionView>> {
    const where = new WhereBuilder();
    if (query.parentCode) where.add('r.parent_code = ?', query.parentCode);
    if (query.level) where.add('r.level = ?', query.level);
    if (query.q) where.add(`r.name LIKE ? ESCAPE '\\'`, `%${likeEscape(query.q)}%`);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*) AS total FROM regions r ${where.toSql()}`,
      [...where.params],
    )) as Array<{ total: string }>;
    const rows = (await this.dataSource.query(
      `${SELECT} ${where.toSql()} ORDER BY r.code LIMIT ${where.param(query.pageSize)} OFFSET ${where.param(pageOffset(query))}`,
      where.params,
    )) as RegionRow[];
    return { items: rows.map(toView), total: Number(total), page: query.page, pageSize: query.pageSize };
  }

  /**
   * Creates a town, village or group under its existing parent (the code's prefix). Counties are
   * created by the system only (seed, set-up), never over HTTP.
   */
  async create(ctx: RequestContext, body: CreateRegionBody): Promise<RegionView> {
    const level = regionLevelOf(body.code)!;
    if (ctx.principal) {
      if (level === 'county') {
        throw new RegionException(
          RegionErrorCode.LevelNotAllowed,
          '县级区划只能由系统初始化 / Counties are created at set-up only',
        );
      }
      assertRegionInScope(ctx.principal, body.code);
    }
    const parentCode = level === 'county' ? null : body.code.slice(0, body.code.length - 3);
    return this.dataSource.transaction(async (manager) => {
      if (parentCode && !(await this.find(parentCode, manager))) {
        throw new RegionException(
          RegionErrorCode.ParentMissing,
          `上级区划 ${parentCode} 不存在 / The parent region ${parentCode} does not exist`,
        );
      }
      const inserted = (await manager.query(
        `INSERT INTO regions (code, level, name, parent_code) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [body.code, level, body.name, parentCode],
      )) as unknown[];
      if (inserted.length === 0) {
        throw new RegionException(
          RegionErrorCode.AlreadyExists,
          `区划 ${body.code} 已存在 / Region ${body.code} already exists`,
        );
      }
      await audit(
        manager,
        ctx,
        'region.created',
        { type: 'region', id: body.code },
        { level, name: body.name },
      );
      return this.get(body.code, manager);
    });
  }

  async rename(ctx: RequestContext, code: string, name: string): Promise<RegionView> {
    if (ctx.principal) assertRegionInScope(ctx.principal, code);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(code, manager);
      await manager.query('UPDATE regions SET name = $2, updated_at = now() WHERE code = $1', [code, name]);
      await audit(
        manager,
        ctx,
        'region.renamed',
        { type: 'region', id: code },
        { from: before.name, to: name },
      );
      return this.get(code, manager);
    });
  }
}
