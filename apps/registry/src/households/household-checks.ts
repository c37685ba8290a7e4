import type { EntityManager } from 'typeorm';
import type { PreparedMember } from './household-members';
import { HouseholdErrorCode, HouseholdException } from './households.exception';

/** 422 unless the village exists (and the group, when given, lies in it). */
export async function assertPlace(
  manager: EntityManager,
  villageCode: string,
  groupCode: string | null,
): Promise<void> {
  const codes = groupCode ? [villageCode, groupCode] : [villageCode];
  const rows = (await manager.query('SELECT code, level FROM regions WHERE code = ANY($1)', [
    codes,
  ])) as Array<{
    code: string;
    level: string;
  }>;
  const level = (code: string) => rows.find((r) => r.code === code)?.level;
  if (level(villageCode) !== 'village') {
    throw new HouseholdException(
      HouseholdErrorCode.VillageNotFound,
      `村 ${villageCode} 不存在 / Village ${villageCode} does not exist`,
    );
  }
  if (groupCode && (level(groupCode) !== 'group' || !groupCode.startsWith(villageCode))) {
    throw new HouseholdException(
      HouseholdErrorCode.GroupNotFound,
      `村民小组 ${groupCode} 不在村 ${villageCode} / Group ${groupCode} is not in village ${villageCode}`,
    );
  }
}

/** Friendly 409s before the unique indexes would refuse (they still guard against races). */
export async function assertUnique(
  manager: EntityManager,
  what: { householdNumber?: string; card?: string | null; members: readonly PreparedMember[] },
  exceptHouseholdId: string | null = null,
): Promise<void> {
  if (what.householdNumber) {
    const taken = (await manager.query('SELECT 1 FROM households WHERE household_number = $1', [
      what.householdNumber,
    ])) as unknown[];
    if (taken.length) {
      throw new HouseholdException(
        HouseholdErrorCode.NumberTaken,
        `户编号 ${what.householdNumber} 已存在 / Household number ${what.householdNumber} is taken`,
      );
    }
  }
  if (what.card) {
    const taken = (await manager.query(
      'SELECT 1 FROM households WHERE points_card_number = $1 AND id IS DISTINCT FROM $2',
      [what.card, exceptHouseholdId],
    )) as unknown[];
    if (taken.length)
      throw new HouseholdException(
        HouseholdErrorCode.CardTaken,
        `积分卡号 ${what.card} 已被使用 / Points card ${what.card} is taken`,
      );
  }
  const hashes = what.members.map((m) => m.idNumberHash).filter((h): h is string => h !== null);
  if (new Set(hashes).size !== hashes.length) {
    throw new HouseholdException(
      HouseholdErrorCode.IdNumberRepeated,
      '同一身份证号出现了两次 / The same ID number appears twice',
    );
  }
  if (hashes.length) {
    const found = (await manager.query(
      `SELECT m.id_number_hash, h.household_number FROM household_members m JOIN households h ON h.id = m.household_id
         WHERE m.id_number_hash = ANY($1) AND m.household_id IS DISTINCT FROM $2`,
      [hashes, exceptHouseholdId],
    )) as Array<{ id_number_hash: string; household_number: string }>;
    if (found.length) {
      const member = what.members.find((m) => m.idNumberHash === found[0].id_number_hash)!;
      throw new HouseholdException(
        HouseholdErrorCode.IdNumberRegistered,
        `${member.name}（${member.idNumberMasked}）已登记在户 ${found[0].household_number} / ${member.name} is already registered in household ${found[0].household_number}`,
        {
          member: member.name,
          idNumberMasked: member.idNumberMasked,
          householdNumber: found[0].household_number,
        },
      );
    }
  }
}
