import type {
  HouseholdDetail,
  HouseholdMemberView,
  HouseholdSnapshot,
  HouseholdSubClass,
  HouseholdSummary,
  LabourCapacity,
  LabourClass,
  MemberRelation,
  PovertyStatus,
} from '@fupin/contracts';
import type { EntityManager } from 'typeorm';
import { iso } from '../common/sql';

export interface HouseholdRow {
  id: string;
  household_number: string;
  village_code: string;
  village_name: string;
  group_code: string | null;
  group_name: string | null;
  head_name: string;
  phone: string | null;
  bank_name: string | null;
  bank_account_masked: string | null;
  points_card_number: string | null;
  pin_set: boolean;
  card_locked_at: Date | null;
  poverty_status: PovertyStatus;
  labour_class: LabourClass | null;
  sub_class: HouseholdSubClass | null;
  member_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface MemberRow {
  id: string;
  name: string;
  relation: MemberRelation;
  id_number_masked: string | null;
  id_number_hash: string | null;
  birth_year: number;
  labour_capacity: LabourCapacity;
  disability: string | null;
}

/** Never selects the PIN hash or the bank ciphertext: those leave the table only through their own paths. */
export const HOUSEHOLD_SELECT = `
  SELECT h.id, h.household_number, h.village_code, v.name AS village_name, h.group_code, g.name AS group_name,
    h.head_name, h.phone, h.bank_name, h.bank_account_masked, h.points_card_number,
    (h.pin_hash IS NOT NULL) AS pin_set, h.card_locked_at, h.poverty_status, h.labour_class, h.sub_class,
    (SELECT count(*)::int FROM household_members m WHERE m.household_id = h.id) AS member_count,
    h.version, h.created_at, h.updated_at
  FROM households h
  JOIN regions v ON v.code = h.village_code
  LEFT JOIN regions g ON g.code = h.group_code`;

export function toHouseholdSummary(row: HouseholdRow): HouseholdSummary {
  return {
    id: row.id,
    householdNumber: row.household_number,
    headName: row.head_name,
    countyCode: row.village_code.slice(0, 6),
    townCode: row.village_code.slice(0, 9),
    villageCode: row.village_code,
    villageName: row.village_name,
    groupCode: row.group_code,
    groupName: row.group_name,
    memberCount: Number(row.member_count),
    povertyStatus: row.poverty_status,
    labourClass: row.labour_class,
    subClass: row.sub_class,
    pointsCardNumber: row.points_card_number,
    cardLocked: row.card_locked_at !== null,
    hasPin: row.pin_set,
    version: row.version,
    updatedAt: iso(row.updated_at)!,
  };
}

/** A household with members, as the detail endpoint and every write answer it. */
export interface LoadedHousehold {
  detail: HouseholdDetail;
  /** Keyed hashes of the members' ID numbers, in member order (for change detection). */
  memberHashes: Array<string | null>;
}

export async function loadHousehold(
  manager: EntityManager,
  id: string,
): Promise<LoadedHousehold | undefined> {
  const [row] = (await manager.query(`${HOUSEHOLD_SELECT} WHERE h.id = $1`, [id])) as HouseholdRow[];
  if (!row) return undefined;
  const members = (await manager.query(
    `SELECT id, name, relation, id_number_masked, id_number_hash, birth_year, labour_capacity, disability
     FROM household_members WHERE household_id = $1 ORDER BY position`,
    [id],
  )) as MemberRow[];
  const memberViews: HouseholdMemberView[] = members.map((m) => ({
    id: m.id,
    name: m.name,
    relation: m.relation,
    idNumberMasked: m.id_number_masked,
    birthYear: Number(m.birth_year),
    labourCapacity: m.labour_capacity,
    disability: m.disability,
  }));
  return {
    detail: {
      ...toHouseholdSummary(row),
      phone: row.phone,
      bankName: row.bank_name,
      bankAccountMasked: row.bank_account_masked,
      members: memberViews,
      createdAt: iso(row.created_at)!,
    },
    memberHashes: members.map((m) => m.id_number_hash),
  };
}

/** What the household events carry for other services' read models. */
export function toHouseholdSnapshot(detail: HouseholdDetail): HouseholdSnapshot {
  const count = (capacity: LabourCapacity) =>
    detail.members.filter((m) => m.labourCapacity === capacity).length;
  return {
    householdId: detail.id,
    householdNumber: detail.householdNumber,
    countyCode: detail.countyCode,
    townCode: detail.townCode,
    villageCode: detail.villageCode,
    groupCode: detail.groupCode,
    headName: detail.headName,
    memberCount: detail.members.length,
    labour: { full: count('full'), weak: count('weak'), none: count('none') },
    disabledMemberCount: detail.members.filter((m) => m.disability !== null).length,
    bankName: detail.bankName,
    bankAccountMasked: detail.bankAccountMasked,
    pointsCardNumber: detail.pointsCardNumber,
    povertyStatus: detail.povertyStatus,
    labourClass: detail.labourClass,
    subClass: detail.subClass,
    version: detail.version,
  };
}

/** The region a household sits in most narrowly: its group when it has one, else its village. */
export function householdRegion(household: { villageCode: string; groupCode: string | null }): string {
  return household.groupCode ?? household.villageCode;
}
