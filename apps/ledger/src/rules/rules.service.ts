import { Injectable } from '@nestjs/common';
import { assertRegionInScope, type Principal } from '@fupin/auth';
import { createRuleSetBodySchema, type CreateRuleSetBody, type RuleSetView } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit, type RequestContext } from '@fupin/service-kit';
import { iso, isoDate, num } from '../common/sql';
import { RuleErrorCode, RuleException } from './rules.exception';

/**
 * Points standards (积分标准) per village. A standard is never edited: a change is a new version
 * with its own effective date, and each award sheet keeps the version it was drafted under.
 */
@Injectable()
export class RulesService {
  constructor(private readonly dataSource: DataSource) {}

  async create(ctx: RequestContext, input: CreateRuleSetBody): Promise<RuleSetView> {
    const body = createRuleSetBodySchema.parse(input);
    if (ctx.principal) assertRegionInScope(ctx.principal, body.villageCode);
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rule_set:${body.villageCode}`]);
      const [taken] = await m.query(
        `SELECT 1 FROM rule_set WHERE village_code = $1 AND effective_from = $2`,
        [body.villageCode, body.effectiveFrom],
      );
      if (taken) {
        throw new RuleException(
          RuleErrorCode.EffectiveDateTaken,
          `该村在 ${body.effectiveFrom} 已有积分标准 / A standard already takes effect on ${body.effectiveFrom}`,
        );
      }
      const [{ next }] = await m.query(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM rule_set WHERE village_code = $1`,
        [body.villageCode],
      );
      const id = randomUUID();
      await m.query(
        `INSERT INTO rule_set (id, village_code, version, effective_from, monthly_base, created_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, body.villageCode, next, body.effectiveFrom, body.monthlyBase, ctx.actorId],
      );
      for (const item of body.items) {
        await m.query(
          `INSERT INTO rule_item (id, rule_set_id, code, name, points, max_per_month, yearly_cap)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [randomUUID(), id, item.code, item.name, item.points, item.maxPerMonth, item.yearlyCap],
        );
      }
      await audit(
        m,
        ctx,
        'ruleSet.created',
        { type: 'ruleSet', id },
        {
          villageCode: body.villageCode,
          version: next,
          items: body.items.length,
        },
      );
      return (await this.load(m, id))!;
    });
  }

  async list(principal: Principal, villageCode: string): Promise<RuleSetView[]> {
    assertRegionInScope(principal, villageCode);
    const rows = await this.dataSource.query(
      `SELECT id FROM rule_set WHERE village_code = $1 ORDER BY version DESC`,
      [villageCode],
    );
    const sets: RuleSetView[] = [];
    for (const r of rows) sets.push((await this.load(this.dataSource.manager, r.id))!);
    return sets;
  }

  async get(principal: Principal, id: string): Promise<RuleSetView> {
    const set = await this.load(this.dataSource.manager, id);
    if (!set) throw new RuleException(RuleErrorCode.NotFound, `积分标准 ${id} 不存在 / No rule set ${id}`);
    assertRegionInScope(principal, set.villageCode);
    return set;
  }

  /** The version in force on a day (the latest effective on or before it), or 422. */
  async inForce(m: EntityManager, villageCode: string, day: string): Promise<RuleSetView> {
    const [row] = await m.query(
      `SELECT id FROM rule_set WHERE village_code = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1`,
      [villageCode, day],
    );
    if (!row) {
      throw new RuleException(
        RuleErrorCode.NoneInForce,
        `该村在 ${day} 没有生效的积分标准 / No points standard in force on ${day}`,
      );
    }
    return (await this.load(m, row.id))!;
  }

  async load(m: EntityManager, id: string): Promise<RuleSetView | undefined> {
    const [set] = await m.query(`SELECT * FROM rule_set WHERE id = $1`, [id]);
    if (!set) return undefined;
    const items = await m.query(`SELECT * FROM rule_item WHERE rule_set_id = $1 ORDER BY code`, [id]);
    return {
      id: set.id,
      villageCode: set.village_code,
      version: set.version,
      effectiveFrom: isoDate(set.effective_from),
      monthlyBase: num(set.monthly_base),
      createdBy: set.created_by,
      createdAt: iso(set.created_at)!,
      items: items.map((i: Record<string, string>) => ({
        id: i.id,
        code: i.code,
        name: i.name,
        points: num(i.points),
        maxPerMonth: Number(i.max_per_month),
        yearlyCap: i.yearly_cap === null ? null : num(i.yearly_cap),
      })),
    };
  }
}
