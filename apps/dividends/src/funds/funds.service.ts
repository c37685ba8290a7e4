import { Injectable } from '@nestjs/common';
import {
  assertRegionInScope,
  canAccessRegion,
  forbidden,
  scopeRegionCode,
  type Principal,
} from '@fupin/auth';
import type { AllocateFundBody, FundLevel, RegisterFundSourceBody } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { maskName } from '../common/masking';
import { audit, type RequestContext } from '@fupin/service-kit';
import { ReadModelsService } from '../read-models/read-models.service';
import { FundErrorCode, FundException } from './funds.exception';

const LEVEL_BY_LENGTH: Record<number, FundLevel> = { 6: 'county', 9: 'town', 12: 'village' };
const fundAccount = (regionCode: string, kind: string) =>
  `fund:${LEVEL_BY_LENGTH[regionCode.length]}:${regionCode}:${kind}`;

interface FlowRow {
  id: string;
  source_id: string;
  parent_id: string | null;
  kind: string;
  from_account: string;
  to_account: string;
  to_type: 'account' | 'project' | 'household';
  to_level: FundLevel | null;
  region_code: string;
  household_id: string | null;
  project_name: string | null;
  amount_fen: string;
  purpose: string;
  created_at: Date;
}

export interface FundFlowView {
  id: string;
  sourceId: string;
  parentId: string | null;
  depth: number;
  kind: string;
  fromAccount: string;
  toAccount: string;
  toType: string;
  regionCode: string;
  householdId: string | null;
  householdName?: string | null;
  projectName: string | null;
  amountFen: string;
  allocatedOnFen: string;
  purpose: string;
  createdAt: string;
}

const FLOW_COLUMNS = `f.id, f.source_id, f.parent_id, f.kind, f.from_account, f.to_account, f.to_type, f.to_level, f.region_code,
  f.household_id, f.project_name, f.amount_fen::text AS amount_fen, f.purpose, f.created_at`;

/**
 * 一账一平台: where each yuan came from and where it went. Every allocation names the flow it is
 * spent from, which must have the money left; "where did it go" is one recursive query down from
 * a source, "where did it come from" one recursive query up from a household. Flows are read
 * through `fund_flow_all`, which adds each posted dividend's flows to households: its payouts
 * (migration 1763900005200).
 */
@Injectable()
export class FundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModels: ReadModelsService,
  ) {}

  async registerSource(
    ctx: RequestContext,
    body: RegisterFundSourceBody,
  ): Promise<{ sourceId: string; rootFlowId: string }> {
    if (ctx.principal) assertRegionInScope(ctx.principal, body.countyCode);
    return this.dataSource.transaction(async (manager) => {
      const sourceId = randomUUID();
      const rootFlowId = randomUUID();
      await manager.query(
        'INSERT INTO fund_source (id, name, kind, county_code, amount_fen, reference, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [sourceId, body.name, body.kind, body.countyCode, body.amountFen, body.reference, ctx.actorId],
      );
      await manager.query(
        `INSERT INTO fund_flow (id, source_id, parent_id, kind, from_account, to_account, to_type, to_level, region_code, amount_fen, purpose, created_by)
         VALUES ($1, $2, NULL, $3, $4, $5, 'account', 'county', $6, $7, $8, $9)`,
        [
          rootFlowId,
          sourceId,
          body.kind,
          `source:${sourceId}`,
          fundAccount(body.countyCode, body.kind),
          body.countyCode,
          body.amountFen,
          `资金下达：${body.name}`,
          ctx.actorId,
        ],
      );
      await audit(
        manager,
        ctx,
        'fund.source_registered',
        { type: 'fund_source', id: sourceId },
        { ...body, rootFlowId },
      );
      return { sourceId, rootFlowId };
    });
  }

  async allocate(ctx: RequestContext, body: AllocateFundBody): Promise<FundFlowView> {
    return this.dataSource.transaction(async (manager) => {
      const [parent] = (await manager.query(
        `SELECT ${FLOW_COLUMNS} FROM fund_flow f WHERE f.id = $1 FOR UPDATE`,
        [body.parentFlowId],
      )) as FlowRow[];
      if (!parent)
        throw new FundException(
          FundErrorCode.FlowNotFound,
          `资金流 ${body.parentFlowId} 不存在 / No fund flow ${body.parentFlowId}`,
        );
      if (ctx.principal) assertRegionInScope(ctx.principal, parent.region_code);
      if (parent.to_type !== 'account')
        throw new FundException(
          FundErrorCode.Terminal,
          '资金已拨付到项目或农户，不能再分配 / Money paid to a project or household cannot be allocated on',
        );
      const [{ spent }] = (await manager.query(
        'SELECT coalesce(sum(amount_fen), 0)::text AS spent FROM fund_flow_all WHERE parent_id = $1',
        [parent.id],
      )) as Array<{ spent: string }>;
      const left = BigInt(parent.amount_fen) - BigInt(spent);
      if (BigInt(body.amountFen) > left)
        throw new FundException(
          FundErrorCode.Insufficient,
          `该笔资金仅余 ${left} 分 / Only ${left} fen of this flow are left to allocate`,
          { leftFen: String(left) },
        );
      const target = await this.target(parent, body, manager);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO fund_flow (id, source_id, parent_id, kind, from_account, to_account, to_type, to_level, region_code,
           household_id, project_name, amount_fen, purpose, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          parent.source_id,
          parent.id,
          parent.kind,
          parent.to_account,
          target.account(id),
          body.to.type,
          target.level,
          target.regionCode,
          target.householdId,
          target.projectName,
          body.amountFen,
          body.purpose,
          ctx.actorId,
        ],
      );
      await audit(manager, ctx, 'fund.allocated', { type: 'fund_flow', id }, { ...body });
      const [row] = (await manager.query(`SELECT ${FLOW_COLUMNS} FROM fund_flow f WHERE f.id = $1`, [
        id,
      ])) as FlowRow[];
      return toView(row, 0, '0');
    });
  }

  private async target(parent: FlowRow, body: AllocateFundBody, manager: import('typeorm').EntityManager) {
    const within = (code: string) => {
      if (!code.startsWith(parent.region_code))
        throw new FundException(
          FundErrorCode.OutsideRegion,
          '去向不在该级资金的区划内 / The destination lies outside this fund’s region',
        );
    };
    const to = body.to;
    if (to.type === 'account') {
      within(to.regionCode);
      if (to.regionCode.length !== parent.region_code.length + 3)
        throw new FundException(
          FundErrorCode.WrongLevel,
          '资金只能逐级下拨（县→乡→村）/ Funds move down one level at a time (county → town → village)',
        );
      return {
        account: () => fundAccount(to.regionCode, parent.kind),
        level: LEVEL_BY_LENGTH[to.regionCode.length],
        regionCode: to.regionCode,
        householdId: null,
        projectName: null,
      };
    }
    if (to.type === 'project') {
      within(to.villageCode);
      return {
        account: (id: string) => `project:${to.villageCode}:${id}`,
        level: null,
        regionCode: to.villageCode,
        householdId: null,
        projectName: to.name,
      };
    }
    const household = await this.readModels.household(to.householdId, manager);
    within(household.village_code);
    return {
      account: () => `household:${household.id}:${parent.kind}`,
      level: null,
      regionCode: household.village_code,
      householdId: household.id,
      projectName: null,
    };
  }

  /** Where a source's money went: the whole tree, each flow with what has been allocated on from it. */
  async traceSource(principal: Principal | undefined, sourceId: string, maskHouseholds = false) {
    const [source] = (await this.dataSource.query(
      `SELECT id, name, kind, county_code, amount_fen::text AS amount_fen, reference, created_at FROM fund_source WHERE id = $1`,
      [sourceId],
    )) as Array<Record<string, string>>;
    if (!source)
      throw new FundException(
        FundErrorCode.SourceNotFound,
        `资金来源 ${sourceId} 不存在 / No fund source ${sourceId}`,
      );
    if (principal) assertRegionInScope(principal, source.county_code);
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT f.*, 0 AS depth FROM fund_flow_all f WHERE f.source_id = $1 AND f.parent_id IS NULL
         UNION ALL
         SELECT c.*, tree.depth + 1 FROM fund_flow_all c JOIN tree ON c.parent_id = tree.id
       )
       SELECT ${FLOW_COLUMNS}, f.depth, h.head_name,
         (SELECT coalesce(sum(k.amount_fen), 0) FROM fund_flow_all k WHERE k.parent_id = f.id)::text AS allocated
       FROM tree f LEFT JOIN household_rm h ON h.id = f.household_id
       ORDER BY f.depth, f.created_at, f.id`,
      [sourceId],
    )) as Array<FlowRow & { depth: number; head_name: string | null; allocated: string }>;
    return {
      source: {
        id: source.id,
        name: source.name,
        kind: source.kind,
        countyCode: source.county_code,
        amountFen: source.amount_fen,
        reference: source.reference,
      },
      flows: rows.map((r) => ({
        ...toView(r, r.depth, r.allocated),
        ...(maskHouseholds && r.household_id ? { toAccount: `household:*:${r.kind}` } : {}),
        householdId: maskHouseholds ? null : r.household_id,
        householdName: r.head_name ? (maskHouseholds ? maskName(r.head_name) : r.head_name) : null,
      })),
    };
  }

  /** Where a household's fund money came from: for each payment, the chain of flows up to its source. */
  async householdOrigins(principal: Principal, householdId: string) {
    const household = await this.readModels.household(householdId);
    assertRegionInScope(principal, household.village_code);
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT f.*, f.id AS payment_id, 0 AS hop FROM fund_flow_all f WHERE f.household_id = $1
         UNION ALL
         SELECT p.*, up.payment_id, up.hop + 1 FROM fund_flow_all p JOIN up ON p.id = up.parent_id
       )
       SELECT ${FLOW_COLUMNS}, f.payment_id, f.hop, s.name AS source_name
       FROM up f JOIN fund_source s ON s.id = f.source_id ORDER BY f.payment_id, f.hop`,
      [householdId],
    )) as Array<FlowRow & { payment_id: string; hop: number; source_name: string }>;
    const payments = new Map<
      string,
      { paymentId: string; sourceId: string; sourceName: string; amountFen: string; path: FundFlowView[] }
    >();
    for (const r of rows) {
      if (!payments.has(r.payment_id))
        payments.set(r.payment_id, {
          paymentId: r.payment_id,
          sourceId: r.source_id,
          sourceName: r.source_name,
          amountFen: r.amount_fen,
          path: [],
        });
      payments.get(r.payment_id)!.path.push(toView(r, r.hop, '0'));
    }
    return { householdId, payments: [...payments.values()] };
  }

  /** Balances of the fund accounts in the principal's region: received minus allocated on. */
  async balances(principal: Principal) {
    const root = scopeRegionCode(principal);
    if (!root) throw forbidden();
    const rows = (await this.dataSource.query(
      `SELECT account, region_code, kind, sum(amount)::text AS balance, sum(amount) FILTER (WHERE amount > 0)::text AS received
       FROM (
         SELECT to_account AS account, region_code, kind, amount_fen AS amount FROM fund_flow_all WHERE to_type = 'account'
         UNION ALL
         SELECT c.from_account, p.region_code, c.kind, -c.amount_fen FROM fund_flow_all c JOIN fund_flow p ON p.id = c.parent_id
       ) x WHERE region_code LIKE $1 GROUP BY account, region_code, kind ORDER BY region_code, kind`,
      [`${root}%`],
    )) as Array<Record<string, string>>;
    return rows
      .filter((r) => canAccessRegion(principal, r.region_code))
      .map((r) => ({
        account: r.account,
        level: LEVEL_BY_LENGTH[r.region_code.length],
        regionCode: r.region_code,
        kind: r.kind,
        receivedFen: r.received ?? '0',
        balanceFen: r.balance,
      }));
  }
}

function toView(r: FlowRow, depth: number, allocated: string): FundFlowView {
  return {
    id: r.id,
    sourceId: r.source_id,
    parentId: r.parent_id,
    depth,
    kind: r.kind,
    fromAccount: r.from_account,
    toAccount: r.to_account,
    toType: r.to_type,
    regionCode: r.region_code,
    householdId: r.household_id,
    projectName: r.project_name,
    amountFen: r.amount_fen,
    allocatedOnFen: allocated,
    purpose: r.purpose,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
