import type { AwardLineInput, RuleSetView } from '@fupin/contracts';
import { EntityManager } from 'typeorm';
import { num } from '../common/sql';
import { AwardSheetErrorCode as C, AwardSheetException } from './award-sheets.exception';

/** A line checked against the households, the standard, the caps and the blacklist. */
export interface CheckedLine {
  householdId: string;
  itemId: string;
  count: number;
  points: number;
  note: string | null;
}

function refuse(code: C, index: number, message: string, details: Record<string, unknown> = {}): never {
  throw new AwardSheetException(code, `第 ${index + 1} 行：${message}`, { line: index + 1, ...details });
}

/**
 * Checks a sheet's lines as a set (one query per kind of check, so a village of any size costs a
 * few statements): each household known and of this village, each item in the sheet's standard,
 * each count within the item's monthly cap, each household's year within the item's yearly cap,
 * and no bonus for a blacklisted household.
 */
export async function checkLines(
  m: EntityManager,
  sheet: { id: string; villageCode: string; period: string },
  rules: RuleSetView,
  lines: ReadonlyArray<AwardLineInput>,
): Promise<CheckedLine[]> {
  const items = new Map(rules.items.map((i) => [i.code, i]));
  const ids = [...new Set(lines.map((l) => l.householdId))];
  const rows: Array<{ id: string; village_code: string }> = await m.query(
    `SELECT id, village_code FROM household_view WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const villages = new Map(rows.map((r) => [r.id, r.village_code]));
  const blacklisted = new Set(
    (
      await m.query(
        `SELECT DISTINCT household_id FROM blacklist_entry WHERE household_id = ANY($1::uuid[]) AND status = 'active'
         AND $2::date BETWEEN starts_on AND ends_on`,
        [ids, `${sheet.period}-01`],
      )
    ).map((r: { household_id: string }) => r.household_id),
  );
  const year: Array<{ household_id: string; code: string; points: string }> = await m.query(
    `SELECT l.household_id, i.code, sum(l.points) AS points
     FROM award_line l JOIN award_sheet s ON s.id = l.sheet_id JOIN rule_item i ON i.id = l.item_id
     WHERE l.household_id = ANY($1::uuid[]) AND s.status = 'approved' AND s.id <> $2 AND left(s.period, 4) = $3
     GROUP BY l.household_id, i.code`,
    [ids, sheet.id, sheet.period.slice(0, 4)],
  );
  const earned = new Map(year.map((r) => [`${r.household_id}/${r.code}`, num(r.points)]));
  const seen = new Set<string>();
  return lines.map((line, index) => {
    const count = line.count ?? 1;
    const village = villages.get(line.householdId);
    if (village === undefined) {
      refuse(
        C.UnknownHousehold,
        index,
        `农户 ${line.householdId} 不存在 / Unknown household ${line.householdId}`,
      );
    }
    if (village !== sheet.villageCode) {
      refuse(
        C.OtherVillage,
        index,
        `农户不属于本村 / Household ${line.householdId} is not of village ${sheet.villageCode}`,
      );
    }
    const item = items.get(line.itemCode);
    if (!item)
      refuse(
        C.UnknownItem,
        index,
        `积分标准中没有条目 ${line.itemCode} / No item ${line.itemCode} in the standard`,
      );
    const key = `${line.householdId}/${item.code}`;
    if (seen.has(key))
      refuse(C.DuplicateLine, index, `同一农户同一条目重复 / The same household and item twice`);
    seen.add(key);
    if (count > item.maxPerMonth) {
      refuse(
        C.MonthlyCapExceeded,
        index,
        `“${item.name}”每月最多 ${item.maxPerMonth} 次 / at most ${item.maxPerMonth} a month`,
        {
          cap: item.maxPerMonth,
          count,
        },
      );
    }
    const points = item.points * count;
    if (item.yearlyCap !== null && points > 0) {
      const before = earned.get(key) ?? 0;
      if (before + points > item.yearlyCap) {
        refuse(
          C.YearlyCapExceeded,
          index,
          `“${item.name}”全年最多 ${item.yearlyCap} 分，已得 ${before} / yearly cap ${item.yearlyCap}, already ${before}`,
          { cap: item.yearlyCap, already: before, points },
        );
      }
    }
    if (points > 0 && blacklisted.has(line.householdId)) {
      throw new AwardSheetException(
        C.Blacklisted,
        `第 ${index + 1} 行：该户在黑名单期内，不能加分 / Household ${line.householdId} is blacklisted: no awards`,
        { line: index + 1 },
      );
    }
    return { householdId: line.householdId, itemId: item.id, count, points, note: line.note ?? null };
  });
}

/** Replaces a draft's lines with one multi-row insert. */
export async function replaceLines(m: EntityManager, sheetId: string, lines: CheckedLine[]): Promise<void> {
  await m.query(`DELETE FROM award_line WHERE sheet_id = $1`, [sheetId]);
  if (lines.length === 0) return;
  await m.query(
    `INSERT INTO award_line (id, sheet_id, household_id, item_id, count, points, note)
     SELECT gen_random_uuid(), $1, h, i, c, p, n
     FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::bigint[], $6::text[]) AS x(h, i, c, p, n)`,
    [
      sheetId,
      lines.map((l) => l.householdId),
      lines.map((l) => l.itemId),
      lines.map((l) => l.count),
      lines.map((l) => String(l.points)),
      lines.map((l) => l.note),
    ],
  );
}

/**
 * The checks of {@link checkLines} that can go stale while a sheet is under notice, run over the
 * stored lines in SQL (a village of 100,000 households costs three statements): every household
 * still of this village, no yearly cap passed given the year's approved sheets, no bonus for a
 * household blacklisted for the period.
 */
export async function recheckForApproval(
  m: EntityManager,
  sheet: { id: string; villageCode: string; period: string },
): Promise<void> {
  const [moved] = await m.query(
    `SELECT l.household_id FROM award_line l JOIN household_view h ON h.id = l.household_id
     WHERE l.sheet_id = $1 AND h.village_code <> $2 LIMIT 1`,
    [sheet.id, sheet.villageCode],
  );
  if (moved) {
    throw new AwardSheetException(
      C.OtherVillage,
      `农户 ${moved.household_id} 已不属于本村 / Household moved away`,
      {
        householdId: moved.household_id,
      },
    );
  }
  const [capped] = await m.query(
    `SELECT l.household_id, i.name, i.yearly_cap, coalesce(y.points, 0) AS already, l.points
     FROM award_line l JOIN rule_item i ON i.id = l.item_id
     LEFT JOIN LATERAL (
       SELECT sum(l2.points) AS points FROM award_line l2
       JOIN award_sheet s2 ON s2.id = l2.sheet_id JOIN rule_item i2 ON i2.id = l2.item_id
       WHERE l2.household_id = l.household_id AND i2.code = i.code AND s2.status = 'approved'
         AND left(s2.period, 4) = $2 AND s2.id <> $1
     ) y ON true
     WHERE l.sheet_id = $1 AND i.yearly_cap IS NOT NULL AND l.points > 0
       AND coalesce(y.points, 0) + l.points > i.yearly_cap
     LIMIT 1`,
    [sheet.id, sheet.period.slice(0, 4)],
  );
  if (capped) {
    throw new AwardSheetException(
      C.YearlyCapExceeded,
      `“${capped.name}”全年最多 ${capped.yearly_cap} 分 / yearly cap ${capped.yearly_cap} passed`,
      { householdId: capped.household_id, cap: num(capped.yearly_cap), already: num(capped.already) },
    );
  }
  const [black] = await m.query(
    `SELECT l.household_id FROM award_line l JOIN blacklist_entry b ON b.household_id = l.household_id
     WHERE l.sheet_id = $1 AND l.points > 0 AND b.status = 'active' AND $2::date BETWEEN b.starts_on AND b.ends_on
     LIMIT 1`,
    [sheet.id, `${sheet.period}-01`],
  );
  if (black) {
    throw new AwardSheetException(
      C.Blacklisted,
      `农户 ${black.household_id} 在黑名单期内 / blacklisted: no awards`,
      {
        householdId: black.household_id,
      },
    );
  }
}
