import type { LabourClass, PovertyStatus, ShareKind } from '@fupin/contracts';
import type { EntityManager } from 'typeorm';
import type { EngineHousehold } from '../engine/plan-engine';

/** A household as the dry run sees it: the engine's facts plus what a distribution line records. */
export interface MemberFacts extends EngineHousehold {
  householdNumber: string;
  headName: string;
  villageCode: string;
}

/**
 * The facts of every member for a period, in one query: shares held on the last day, Σ shares ×
 * days held within the period (inclusive days of overlap), days worked in attendance periods lying
 * within it, and labour class and poverty status from the registry read model.
 */
export async function loadMemberFacts(
  manager: EntityManager,
  entityId: string,
  periodStart: string,
  periodEnd: string,
): Promise<MemberFacts[]> {
  const rows = (await manager.query(
    `SELECT h.id, h.household_number, h.head_name, h.village_code, h.member_count, h.labour_class, h.poverty_status,
       coalesce((SELECT sum(a.days_worked) FROM attendance a WHERE a.entity_id = m.entity_id AND a.household_id = m.household_id
                 AND a.period_start >= $2::date AND a.period_end <= $3::date), 0)::int AS days_worked,
       coalesce((SELECT json_object_agg(kind, shares) FROM (
         SELECT s.kind, sum(s.shares)::text AS shares FROM shareholding s
         WHERE s.entity_id = m.entity_id AND s.household_id = m.household_id
           AND s.valid_from <= $3::date AND (s.valid_to IS NULL OR s.valid_to >= $3::date) GROUP BY s.kind) x), '{}') AS shares,
       coalesce((SELECT json_object_agg(kind, share_days) FROM (
         SELECT s.kind, sum(s.shares * greatest(0, least(coalesce(s.valid_to, $3::date), $3::date)
                                               - greatest(s.valid_from, $2::date) + 1))::text AS share_days
         FROM shareholding s WHERE s.entity_id = m.entity_id AND s.household_id = m.household_id GROUP BY s.kind) y), '{}') AS share_days
     FROM entity_member m JOIN household_rm h ON h.id = m.household_id
     WHERE m.entity_id = $1 AND m.joined_on <= $3::date
     ORDER BY h.id`,
    [entityId, periodStart, periodEnd],
  )) as Array<Record<string, unknown>>;
  const bigints = (record: Record<string, string>): Partial<Record<ShareKind, bigint>> =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, BigInt(v)]));
  return rows.map((r) => ({
    householdId: r.id as string,
    householdNumber: r.household_number as string,
    headName: r.head_name as string,
    villageCode: r.village_code as string,
    memberCount: r.member_count as number,
    labourClass: (r.labour_class as LabourClass | null) ?? null,
    povertyStatus: r.poverty_status as PovertyStatus,
    daysWorked: r.days_worked as number,
    shares: bigints(r.shares as Record<string, string>),
    shareDays: bigints(r.share_days as Record<string, string>),
  }));
}
