import { canAccessRegion, type Principal } from '@fupin/auth';
import type { EntityManager } from 'typeorm';
import { groupOrdinal } from './cell-parsers';
import type { ParsedHousehold, Rejections } from './import-rows';

interface PlaceRow {
  code: string;
  name: string;
  level: 'village' | 'group';
  town_name: string;
}

/** Where each household goes: its village and group codes, resolved from codes or names. */
export interface ResolvedPlace {
  villageCode: string;
  groupCode: string | null;
}

const normalise = (text: string) => text.replace(/[\s/／\-—·,，]/g, '');

/**
 * Resolves 所属村 (a 12-digit code, a village name unique in the county, or town + village name)
 * and 村民小组 (a 15-digit code, a group name, or its ordinal) and checks they lie in the importer's scope.
 */
export async function resolvePlaces(
  manager: EntityManager,
  principal: Principal | undefined,
  households: ParsedHousehold[],
  rejections: Rejections,
): Promise<Map<string, ResolvedPlace>> {
  const rows = (await manager.query(`
    SELECT r.code, r.name, r.level, t.name AS town_name
    FROM regions r JOIN regions t ON t.code = left(r.code, 9)
    WHERE r.level IN ('village', 'group')`)) as PlaceRow[];
  const villages = rows.filter((r) => r.level === 'village');
  const groups = rows.filter((r) => r.level === 'group');
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const places = new Map<string, ResolvedPlace>();

  for (const h of households) {
    if (!h.village) continue;
    const { value: text, row } = h.village;
    const key = normalise(text);
    const candidates = /^\d{12}$/.test(key)
      ? villages.filter((v) => v.code === key)
      : villages.filter((v) => v.name === key || normalise(v.town_name + v.name) === key);
    if (candidates.length !== 1) {
      rejections.add(
        row,
        'village',
        candidates.length === 0
          ? { 'zh-CN': `找不到村“${text}”`, en: `No village "${text}"` }
          : {
              'zh-CN': `村名“${text}”不唯一，请填写“镇名村名”或村代码`,
              en: `"${text}" is ambiguous; write town + village or the code`,
            },
      );
      continue;
    }
    const village = candidates[0];
    let groupCode: string | null = null;
    if (h.group) {
      const g = normalise(h.group.value);
      const ordinal = groupOrdinal(g);
      const match = /^\d{15}$/.test(g)
        ? byCode.get(g)
        : (groups.find((x) => x.code.startsWith(village.code) && x.name === g) ??
          (ordinal ? byCode.get(`${village.code}${String(ordinal).padStart(3, '0')}`) : undefined));
      if (!match || match.level !== 'group' || !match.code.startsWith(village.code)) {
        rejections.add(h.group.row, 'group', {
          'zh-CN': `${village.name}没有村民小组“${h.group.value}”`,
          en: `${village.name} has no group "${h.group.value}"`,
        });
        continue;
      }
      groupCode = match.code;
    }
    // A 中心户长 scoped to one group may import that group's households only.
    if (principal && !canAccessRegion(principal, groupCode ?? village.code)) {
      rejections.add(row, 'village', {
        'zh-CN': `${village.name}不在您的管辖范围`,
        en: `${village.name} is outside your region`,
      });
      continue;
    }
    places.set(h.householdNumber, { villageCode: village.code, groupCode });
  }
  return places;
}
