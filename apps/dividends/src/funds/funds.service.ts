import { Injectable } from '@nestjs/common';
import {
  assertRegionInScope,
  canAccessRegion,
  forbidden,
  scopeRegionCode,
  type Principal,
} from '@fupin/auth';
import {
  FUND_TRACE_HOUSEHOLD_PREVIEW,
  pageOffset,
  type AllocateFundBody,
  type FundLevel,
  type Paginated,
  type PaginationQuery,
  type RegisterFundSourceBody,
} from '@fupin/contracts';
import { to as copyTo } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { maskName } from '../common/masking';
import { withPooledClient } from '../common/pooled-client';
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

  /**
   * Where a source's money went: every flow to a level account or a project, with what each
   * passed on, and under each account its households — how many and how much in all, and the
   * largest FUND_TRACE_HOUSEHOLD_PREVIEW of them (a dividend can pay millions; the rest are paged
   * by `householdsUnder`).
   */
  async traceSource(principal: Principal | undefined, sourceId: string, maskHouseholds = false) {
    const source = await this.sourceInScope(principal, sourceId);
    const tree = (await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT f.*, 0 AS depth FROM fund_flow_all f
         WHERE f.source_id = $1 AND f.parent_id IS NULL AND f.to_type <> 'household'
         UNION ALL
         SELECT c.*, tree.depth + 1 FROM fund_flow_all c JOIN tree ON c.parent_id = tree.id
         WHERE c.to_type <> 'household'
       )
       SELECT ${FLOW_COLUMNS}, f.depth FROM tree f ORDER BY f.depth, f.created_at, f.id`,
      [sourceId],
    )) as Array<FlowRow & { depth: number }>;
    const ids = tree.map((r) => r.id);
    const groups = (await this.dataSource.query(
      `SELECT parent_id, count(*)::int AS households, sum(amount_fen)::text AS amount_fen
       FROM fund_flow_all WHERE parent_id = ANY($1::uuid[]) AND to_type = 'household' GROUP BY parent_id`,
      [ids],
    )) as Array<{ parent_id: string; households: number; amount_fen: string }>;
    const depthOf = new Map(tree.map((r) => [r.id, r.depth]));
    const preview = (await this.dataSource.query(
      `SELECT ${FLOW_COLUMNS}, h.head_name
       FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n)
       CROSS JOIN LATERAL (
         SELECT * FROM fund_flow_all k WHERE k.parent_id = p.id AND k.to_type = 'household'
         ORDER BY k.amount_fen DESC, k.id LIMIT $2) f
       LEFT JOIN household_rm h ON h.id = f.household_id
       ORDER BY p.n, f.amount_fen DESC, f.id`,
      [groups.map((g) => g.parent_id), FUND_TRACE_HOUSEHOLD_PREVIEW],
    )) as Array<FlowRow & { head_name: string | null }>;

    // What each account passed on: its flows to accounts and projects, and its households in all.
    const allocated = new Map<string, bigint>();
    for (const r of tree)
      if (r.parent_id) allocated.set(r.parent_id, (allocated.get(r.parent_id) ?? 0n) + BigInt(r.amount_fen));
    for (const g of groups)
      allocated.set(g.parent_id, (allocated.get(g.parent_id) ?? 0n) + BigInt(g.amount_fen));
    const shown = new Map<string, number>();
    for (const r of preview) shown.set(r.parent_id!, (shown.get(r.parent_id!) ?? 0) + 1);
    return {
      source,
      // Level by level (a stable sort: accounts and projects in the order made, then each
      // account's listed households, the largest first).
      flows: [
        ...tree.map((r) => ({
          ...toView(r, r.depth, String(allocated.get(r.id) ?? 0n)),
          householdName: null,
        })),
        ...preview.map((r) => householdFlow(r, depthOf.get(r.parent_id!)! + 1, maskHouseholds)),
      ].sort((a, b) => a.depth - b.depth),
      householdGroups: groups.map((g) => ({
        parentId: g.parent_id,
        households: g.households,
        amountFen: g.amount_fen,
        shown: shown.get(g.parent_id) ?? 0,
      })),
    };
  }

  /** One page of the flows from an account to households, the largest first (as the trace lists them). */
  async householdsUnder(
    principal: Principal | undefined,
    parentId: string,
    query: PaginationQuery,
    maskHouseholds = false,
  ): Promise<Paginated<FundFlowView>> {
    const parent = await this.accountFlowInScope(principal, parentId);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM fund_flow_all WHERE parent_id = $1 AND to_type = 'household'`,
      [parentId],
    )) as Array<{ total: number }>;
    const rows = (await this.dataSource.query(
      `SELECT ${FLOW_COLUMNS}, h.head_name
       FROM (SELECT * FROM fund_flow_all k WHERE k.parent_id = $1 AND k.to_type = 'household'
             ORDER BY k.amount_fen DESC, k.id LIMIT $2 OFFSET $3) f
       LEFT JOIN household_rm h ON h.id = f.household_id
       ORDER BY f.amount_fen DESC, f.id`,
      [parentId, query.pageSize, pageOffset(query)],
    )) as Array<FlowRow & { head_name: string | null }>;
    return {
      items: rows.map((r) => householdFlow(r, parent.depth + 1, maskHouseholds)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Every flow from an account to households as CSV (for staff), streamed from the database as
   * it is read: 户号, 户主, 村, 金额（元）, 用途, 时间. A dividend's millions of rows never sit in memory.
   */
  async householdsUnderCsv(
    principal: Principal,
    parentId: string,
    open: () => NodeJS.WritableStream & { destroy?(error?: Error): void },
  ): Promise<void> {
    await this.accountFlowInScope(principal, parentId);
    await withPooledClient(this.dataSource, async (client) => {
      const out = open();
      try {
        out.write('\ufeff'); // a byte-order mark, so spreadsheet programs read the Chinese as UTF-8
        await pipeline(
          client.query(
            copyTo(`COPY (
              SELECT h.household_number AS "户号 household number", h.head_name AS "户主 head",
                     f.region_code AS "村 village",
                     (f.amount_fen / 100)::text || '.' || lpad((f.amount_fen % 100)::text, 2, '0') AS "金额（元） yuan",
                     f.purpose AS "用途 purpose",
                     to_char(f.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS "时间 time",
                     f.household_id AS "household id", f.id AS "flow id"
              FROM fund_flow_all f LEFT JOIN household_rm h ON h.id = f.household_id
              WHERE f.parent_id = '${parentId}' AND f.to_type = 'household'
              ORDER BY f.amount_fen DESC, f.id) TO STDOUT WITH (FORMAT csv, HEADER true)`),
          ),
          out,
        );
      } catch (error) {
        // A download cut off half-way must not look complete.
        out.destroy?.(error as Error);
        throw error;
      }
    });
  }

  private async sourceInScope(principal: Principal | undefined, sourceId: string) {
    const [source] = (await this.dataSource.query(
      `SELECT id, name, kind, county_code, amount_fen::text AS amount_fen, reference FROM fund_source WHERE id = $1`,
      [sourceId],
    )) as Array<Record<string, string>>;
    if (!source)
      throw new FundException(
        FundErrorCode.SourceNotFound,
        `资金来源 ${sourceId} 不存在 / No fund source ${sourceId}`,
      );
    if (principal) assertRegionInScope(principal, source.county_code);
    return {
      id: source.id,
      name: source.name,
      kind: source.kind,
      countyCode: source.county_code,
      amountFen: source.amount_fen,
      reference: source.reference,
    };
  }

  /** A flow to a level account (households are paid from those), its depth below its source, in scope. */
  private async accountFlowInScope(principal: Principal | undefined, flowId: string) {
    const [flow] = (await this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, source_id, to_type, 0 AS hops FROM fund_flow WHERE id = $1
         UNION ALL
         SELECT p.id, p.parent_id, p.source_id, p.to_type, up.hops + 1 FROM fund_flow p JOIN up ON p.id = up.parent_id
       )
       SELECT (SELECT to_type FROM up WHERE hops = 0) AS to_type, max(hops)::int AS depth,
              (SELECT s.county_code FROM fund_source s JOIN up ON s.id = up.source_id WHERE up.hops = 0) AS county_code
       FROM up`,
      [flowId],
    )) as Array<{ to_type: string | null; depth: number | null; county_code: string | null }>;
    if (!flow?.to_type || flow.to_type !== 'account')
      throw new FundException(
        FundErrorCode.FlowNotFound,
        `资金流向 ${flowId} 不存在或不是账户 / No flow to an account ${flowId}`,
      );
    if (principal) assertRegionInScope(principal, flow.county_code!);
    return { depth: flow.depth! };
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

/** A flow to a household for the trace: the household named; for the public, masked and without its id. */
function householdFlow(
  r: FlowRow & { head_name: string | null },
  depth: number,
  mask: boolean,
): FundFlowView {
  return {
    ...toView(r, depth, '0'),
    ...(mask ? { toAccount: `household:*:${r.kind}`, householdId: null } : {}),
    householdName: r.head_name ? (mask ? maskName(r.head_name) : r.head_name) : null,
  };
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
