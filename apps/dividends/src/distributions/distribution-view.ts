import type { EntityManager } from 'typeorm';
import { isoTime } from '../common/masking';
import { DistributionException } from './distributions.exception';

export interface DistributionView {
  id: string;
  entityId: string;
  title: string;
  planId: string;
  planVersion: number;
  periodStart: string;
  periodEnd: string;
  poolFen: string;
  householdTotalFen: string;
  householdCount: number;
  accountParts: Array<{ account: string; amountFen: string }>;
  status: string;
  createdBy: string;
  createdAt: string;
  postedAt: string | null;
  notice: null | { id: string; publishedAt: string; endsAt: string };
  approval: null | {
    id: string;
    meetingDate: string;
    attendeesCount: number;
    minutesReference: string;
    approvedBy: string;
    approvedAt: string;
  };
  objections: Array<{
    id: string;
    raisedBy: string;
    text: string;
    recordedAt: string;
    resolution: string | null;
    resolvedAt: string | null;
  }>;
}

/** Reads a distribution with its notice, live approval, objections and totals. */
export async function loadDistribution(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<DistributionView> {
  const [d] = (await manager.query(
    `SELECT id, entity_id, title, plan_id, plan_version, period_start::text AS period_start, period_end::text AS period_end,
            pool_fen::text AS pool_fen, status, account_parts, created_by, created_at, posted_at
     FROM distribution WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  )) as Array<Record<string, unknown>>;
  if (!d) throw DistributionException.notFound(id);
  const [totals] = (await manager.query(
    `SELECT coalesce(sum(amount_fen), 0)::text AS total, count(*) FILTER (WHERE amount_fen > 0)::int AS households
     FROM distribution_line WHERE distribution_id = $1`,
    [id],
  )) as Array<{ total: string; households: number }>;
  const [notice] = (await manager.query(
    'SELECT id, published_at, ends_at FROM notice WHERE distribution_id = $1',
    [id],
  )) as Array<{ id: string; published_at: Date; ends_at: Date }>;
  const [approval] = (await manager.query(
    `SELECT id, meeting_date::text AS meeting_date, attendees_count, minutes_reference, approved_by, approved_at
     FROM approval WHERE distribution_id = $1 AND revoked_at IS NULL`,
    [id],
  )) as Array<Record<string, unknown>>;
  const objections = (await manager.query(
    `SELECT id, raised_by, text, recorded_at, resolution, resolved_at FROM objection WHERE distribution_id = $1 ORDER BY recorded_at`,
    [id],
  )) as Array<Record<string, unknown>>;
  return {
    id: d.id as string,
    entityId: d.entity_id as string,
    title: d.title as string,
    planId: d.plan_id as string,
    planVersion: d.plan_version as number,
    periodStart: d.period_start as string,
    periodEnd: d.period_end as string,
    poolFen: d.pool_fen as string,
    householdTotalFen: totals.total,
    householdCount: totals.households,
    accountParts: d.account_parts as Array<{ account: string; amountFen: string }>,
    status: d.status as string,
    createdBy: d.created_by as string,
    createdAt: isoTime(d.created_at as Date)!,
    postedAt: isoTime((d.posted_at as Date | null) ?? null),
    notice: notice
      ? { id: notice.id, publishedAt: isoTime(notice.published_at)!, endsAt: isoTime(notice.ends_at)! }
      : null,
    approval: approval
      ? {
          id: approval.id as string,
          meetingDate: approval.meeting_date as string,
          attendeesCount: approval.attendees_count as number,
          minutesReference: approval.minutes_reference as string,
          approvedBy: approval.approved_by as string,
          approvedAt: isoTime(approval.approved_at as Date)!,
        }
      : null,
    objections: objections.map((o) => ({
      id: o.id as string,
      raisedBy: o.raised_by as string,
      text: o.text as string,
      recordedAt: isoTime(o.recorded_at as Date)!,
      resolution: (o.resolution as string | null) ?? null,
      resolvedAt: isoTime((o.resolved_at as Date | null) ?? null),
    })),
  };
}
