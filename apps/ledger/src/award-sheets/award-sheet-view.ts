import type { AwardSheetStatus, AwardSheetView } from '@fupin/contracts';
import { EntityManager } from 'typeorm';
import { iso, num } from '../common/sql';

export interface SheetRow {
  id: string;
  villageCode: string;
  period: string;
  ruleSetId: string;
  status: AwardSheetStatus;
  noticeEndsAt: string | null;
  noticeStartsAt: string | null;
}

export async function loadSheetRow(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<SheetRow | undefined> {
  const [r] = await m.query(`SELECT * FROM award_sheet WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  if (!r) return undefined;
  return {
    id: r.id,
    villageCode: r.village_code,
    period: r.period,
    ruleSetId: r.rule_set_id,
    status: r.status,
    noticeEndsAt: iso(r.notice_ends_at),
    noticeStartsAt: iso(r.notice_starts_at),
  };
}

/** 张三丰 → 张*丰, 李四 → 李*: the public board shows a household, not a full name. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The sheet with its totals, objections and (when asked) its lines. */
export async function loadSheetView(
  m: EntityManager,
  id: string,
  withLines: boolean,
): Promise<AwardSheetView> {
  const [r] = await m.query(
    `SELECT s.*, rs.version AS rule_version, rs.monthly_base,
       (SELECT coalesce(sum(points), 0) FROM award_line WHERE sheet_id = s.id) AS line_points,
       (SELECT count(DISTINCT household_id)::int FROM award_line WHERE sheet_id = s.id) AS households
     FROM award_sheet s JOIN rule_set rs ON rs.id = s.rule_set_id WHERE s.id = $1`,
    [id],
  );
  const lines = withLines
    ? await m.query(
        `SELECT l.id, l.household_id, h.household_number, h.head_name, i.code, i.name, l.count, l.points, l.note
         FROM award_line l JOIN household_view h ON h.id = l.household_id JOIN rule_item i ON i.id = l.item_id
         WHERE l.sheet_id = $1 ORDER BY h.household_number, i.code`,
        [id],
      )
    : [];
  const objections = await m.query(`SELECT * FROM objection WHERE sheet_id = $1 ORDER BY created_at`, [id]);
  return {
    id: r.id,
    villageCode: r.village_code,
    period: r.period,
    ruleSetId: r.rule_set_id,
    ruleSetVersion: r.rule_version,
    status: r.status,
    noticeToken: r.notice_token,
    noticeStartsAt: iso(r.notice_starts_at),
    noticeEndsAt: iso(r.notice_ends_at),
    approvedBy: r.approved_by,
    approvedAt: iso(r.approved_at),
    entryId: r.entry_id,
    totalPoints: num(r.line_points) + num(r.monthly_base) * r.households,
    householdCount: r.households,
    lines: lines.map((l: Record<string, string>) => ({
      id: l.id,
      householdId: l.household_id,
      householdNumber: l.household_number,
      headName: l.head_name,
      itemCode: l.code,
      itemName: l.name,
      count: Number(l.count),
      points: num(l.points),
      note: l.note,
    })),
    objections: objections.map((o: Record<string, string>) => ({
      id: o.id,
      lineId: o.line_id,
      filedBy: o.filed_by,
      filedRole: o.filed_role,
      text: o.text,
      status: o.status as 'open',
      resolution: o.resolution,
      resolvedBy: o.resolved_by,
      createdAt: iso(o.created_at)!,
    })),
  };
}
