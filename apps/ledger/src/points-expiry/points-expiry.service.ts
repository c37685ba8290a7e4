import { Injectable } from '@nestjs/common';
import { assertRegionInScope, forbidden, scopeRegionCode, type Principal } from '@fupin/auth';
import {
  pageOffset,
  pointsExpiredV1,
  type ExpiryPolicyAnswer,
  type ExpiryPolicyView,
  type ExpiryRunsQuery,
  type ExpiryRunView,
  type Paginated,
  type SetExpiryPolicyBody,
} from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { audit, type RequestContext } from '@fupin/service-kit';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDay, iso, isoDate, num } from '../common/sql';
import { postExpiry } from './expiry-posting';
import { ExpiryErrorCode as C, ExpiryException } from './points-expiry.exception';

type Row = Record<string, string & Date & boolean & number>;

/** Households per `ledger.points.expired` event, as for `ledger.points.awarded`. */
const EXPIRED_PER_EVENT = 1000;

function policyView(r: Row): ExpiryPolicyView {
  return {
    countyCode: r.county_code,
    enabled: r.enabled,
    months: r.months,
    effectiveFrom: isoDate(r.effective_from),
    version: r.version,
    updatedBy: r.updated_by,
    updatedAt: iso(r.updated_at)!,
  };
}

function runView(r: Row): ExpiryRunView {
  return {
    id: r.id,
    countyCode: r.county_code,
    runDate: isoDate(r.run_date),
    months: r.months,
    cutoff: iso(r.cutoff)!,
    entryId: r.entry_id ?? null,
    householdCount: r.household_count,
    totalPoints: num(r.total_points),
    triggeredBy: r.triggered_by,
    createdAt: iso(r.created_at)!,
  };
}

/** The lock that makes runs of one county take turns (by hand, by any instance's scheduler). */
export const countyRunLock = (countyCode: string) => `ledger.expiry:${countyCode}`;

/**
 * Points expiry (积分过期): a county may let points lapse N months after they were awarded, oldest
 * first. Each run is one balanced `expiry` entry into the county's expiry account, at most one per
 * county and China day; asking again for a day answers the run already made.
 */
@Injectable()
export class PointsExpiryService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The county's policy, or null while it has set none (an answer, not a failure: its points do not
   * expire). The ledger keeps no list of counties, so any 6-digit code inside the caller's scope is
   * a county it may ask about.
   */
  async policy(principal: Principal, countyCode: string): Promise<ExpiryPolicyAnswer> {
    assertRelatedToCounty(principal, countyCode);
    const [row] = await this.dataSource.query(`SELECT * FROM expiry_policy WHERE county_code = $1`, [
      countyCode,
    ]);
    return row ? policyView(row) : null;
  }

  async setPolicy(
    ctx: RequestContext,
    countyCode: string,
    body: SetExpiryPolicyBody,
  ): Promise<ExpiryPolicyView> {
    assertRegionInScope(ctx.principal!, countyCode);
    return this.dataSource.transaction(async (m) => {
      const [before] = await m.query(`SELECT * FROM expiry_policy WHERE county_code = $1 FOR UPDATE`, [
        countyCode,
      ]);
      const [row] = await m.query(
        `INSERT INTO expiry_policy (county_code, enabled, months, effective_from, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (county_code) DO UPDATE SET enabled = EXCLUDED.enabled, months = EXCLUDED.months,
           effective_from = EXCLUDED.effective_from, updated_by = EXCLUDED.updated_by, updated_at = now(),
           version = expiry_policy.version + 1
         RETURNING *`,
        [countyCode, body.enabled, body.months, body.effectiveFrom, ctx.actorId],
      );
      const view = policyView(row);
      await audit(
        m,
        ctx,
        'expiry.policy.set',
        { type: 'county', id: countyCode },
        {
          before: before
            ? {
                enabled: before.enabled,
                months: before.months,
                effectiveFrom: isoDate(before.effective_from),
              }
            : null,
          after: { enabled: view.enabled, months: view.months, effectiveFrom: view.effectiveFrom },
          version: view.version,
        },
      );
      return view;
    });
  }

  /** One page of the county's runs, latest run day first (one run per day, so the order is total). */
  async runs(
    principal: Principal,
    countyCode: string,
    query: ExpiryRunsQuery,
  ): Promise<Paginated<ExpiryRunView>> {
    assertRelatedToCounty(principal, countyCode);
    const [count] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM expiry_run WHERE county_code = $1`,
      [countyCode],
    );
    const rows = await this.dataSource.query(
      `SELECT * FROM expiry_run WHERE county_code = $1 ORDER BY run_date DESC LIMIT $2 OFFSET $3`,
      [countyCode, query.pageSize, pageOffset(query)],
    );
    return { items: rows.map(runView), total: count.n, page: query.page, pageSize: query.pageSize };
  }

  /** A county admin's run (in the caller's transaction, under its Idempotency-Key). */
  async runByHand(
    ctx: RequestContext,
    m: EntityManager,
    countyCode: string,
    runDate?: string,
  ): Promise<ExpiryRunView> {
    assertRegionInScope(ctx.principal!, countyCode);
    const today = chinaDay(new Date());
    const date = runDate ?? today;
    if (date > today) {
      throw new ExpiryException(
        C.FutureRunDate,
        `不能提前执行 ${date} 的过期 / Cannot run the expiry of a future day (${date})`,
      );
    }
    return this.run(ctx, m, countyCode, date);
  }

  /**
   * Runs (or answers the existing run of) one county and day. Runs of one county take turns on an
   * advisory lock held to commit, so the day's run is made once whoever asks; the unique key on
   * (county, day) stands behind that.
   */
  async run(
    ctx: RequestContext,
    m: EntityManager,
    countyCode: string,
    runDate: string,
  ): Promise<ExpiryRunView> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [countyRunLock(countyCode)]);
    const [existing] = await m.query(`SELECT * FROM expiry_run WHERE county_code = $1 AND run_date = $2`, [
      countyCode,
      runDate,
    ]);
    if (existing) return runView(existing);
    const [policy] = await m.query(
      `SELECT p.*,
         ((($2::date - make_interval(months => p.months))::timestamp) AT TIME ZONE 'Asia/Shanghai') AS cutoff,
         (p.effective_from::timestamp AT TIME ZONE 'Asia/Shanghai') AS policy_start
       FROM expiry_policy p WHERE p.county_code = $1`,
      [countyCode, runDate],
    );
    if (!policy) throw policyNotFound(countyCode);
    if (!policy.enabled) {
      throw new ExpiryException(C.PolicyDisabled, '本县未启用积分过期 / Points expiry is off in this county');
    }
    const effectiveFrom = isoDate(policy.effective_from);
    if (runDate < effectiveFrom) {
      throw new ExpiryException(
        C.NotInForce,
        `过期规则自 ${effectiveFrom} 起生效 / The expiry policy applies from ${effectiveFrom}`,
      );
    }
    const id = randomUUID();
    const posted = await postExpiry(m, ctx, {
      runId: id,
      countyCode,
      runDate,
      months: policy.months,
      cutoff: policy.cutoff,
      policyStart: policy.policy_start,
    });
    const [row] = await m.query(
      `INSERT INTO expiry_run (id, county_code, run_date, months, cutoff, entry_id, household_count, total_points, triggered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        id,
        countyCode,
        runDate,
        policy.months,
        policy.cutoff,
        posted.entryId,
        posted.householdCount,
        posted.totalPoints,
        ctx.actorId,
      ],
    );
    if (posted.entryId) await this.announce(m, id, countyCode, runDate, policy.months, posted.entryId);
    await audit(
      m,
      ctx,
      'points.expired',
      { type: 'expiryRun', id },
      {
        countyCode,
        runDate,
        months: policy.months,
        entryId: posted.entryId,
        householdCount: posted.householdCount,
        totalPoints: posted.totalPoints,
      },
    );
    return runView(row);
  }

  /** `ledger.points.expired`: every household's written-off points, 1,000 households per event. */
  private async announce(
    m: EntityManager,
    runId: string,
    countyCode: string,
    runDate: string,
    months: number,
    entryId: string,
  ): Promise<void> {
    const rows: Array<{ household_id: string; village_code: string; points: string }> = await m.query(
      `SELECT a.household_id, h.village_code, (-l.amount)::text AS points
       FROM journal_leg l JOIN account a ON a.id = l.account_id JOIN household_view h ON h.id = a.household_id
       WHERE l.entry_id = $1 AND a.kind = 'household' ORDER BY a.household_id`,
      [entryId],
    );
    const parts = Math.max(1, Math.ceil(rows.length / EXPIRED_PER_EVENT));
    for (let p = 0; p < parts; p++) {
      await publish(m, pointsExpiredV1, {
        aggregateId: runId,
        payload: {
          runId,
          countyCode,
          runDate,
          months,
          entryId,
          part: p + 1,
          parts,
          households: rows.slice(p * EXPIRED_PER_EVENT, (p + 1) * EXPIRED_PER_EVENT).map((r) => ({
            householdId: r.household_id,
            villageCode: r.village_code,
            points: Number(r.points),
          })),
        },
      });
    }
  }

  /** Counties whose policy is on and in force on `day` and that have no run for it yet. */
  async countiesDue(day: string): Promise<string[]> {
    const rows: Array<{ county_code: string }> = await this.dataSource.query(
      `SELECT p.county_code FROM expiry_policy p
       WHERE p.enabled AND p.effective_from <= $1::date
         AND NOT EXISTS (SELECT 1 FROM expiry_run r WHERE r.county_code = p.county_code AND r.run_date = $1::date)
       ORDER BY p.county_code`,
      [day],
    );
    return rows.map((r) => r.county_code);
  }
}

function policyNotFound(countyCode: string): ExpiryException {
  return new ExpiryException(
    C.PolicyNotFound,
    `县 ${countyCode} 未设置积分过期规则 / No expiry policy for county ${countyCode}`,
  );
}

/** Staff of the county or of a town or village in it, and households of it, may read its policy. */
function assertRelatedToCounty(principal: Principal, countyCode: string): void {
  const scope = principal.scope;
  const root = scope.kind === 'household' ? scope.villageCode : scopeRegionCode(principal);
  if (!root || !(root.startsWith(countyCode) || countyCode.startsWith(root))) {
    throw forbidden('超出您的管辖范围 / Outside your region');
  }
}
