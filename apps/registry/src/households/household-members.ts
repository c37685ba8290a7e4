import type { RegisterHouseholdInput } from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { FieldCipher } from '../common/field-cipher';
import { CIPHER_PURPOSE, maskIdNumber } from './household-masking';

type MemberInput = RegisterHouseholdInput['members'][number];

/** A member ready for the table: the ID number reduced to its mask and keyed hash. */
export interface PreparedMember {
  id: string;
  name: string;
  relation: MemberInput['relation'];
  idNumberMasked: string | null;
  idNumberHash: string | null;
  birthYear: number;
  labourCapacity: MemberInput['labourCapacity'];
  disability: string | null;
}

/** The ID number on record of each member of a household being edited, by member id. */
export type MembersOnRecord = ReadonlyMap<
  string,
  { idNumberMasked: string | null; idNumberHash: string | null }
>;

/**
 * Head first, then the others in the order given; the clear ID number goes no further than this.
 * With `onRecord` (editing), a member naming its `id` keeps that id and, when no new ID number is
 * typed, the one on record; an id that is not this household's member is refused by the caller
 * (see {@link unknownMemberIds}).
 */
export function prepareMembers(
  cipher: FieldCipher,
  members: readonly MemberInput[],
  onRecord: MembersOnRecord = new Map(),
): PreparedMember[] {
  const ordered = [
    ...members.filter((m) => m.relation === 'head'),
    ...members.filter((m) => m.relation !== 'head'),
  ];
  return ordered.map((m) => {
    const kept = m.id ? onRecord.get(m.id) : undefined;
    return {
      id: kept && m.id ? m.id : randomUUID(),
      name: m.name,
      relation: m.relation,
      idNumberMasked: m.idNumber ? maskIdNumber(m.idNumber) : (kept?.idNumberMasked ?? null),
      idNumberHash: m.idNumber
        ? cipher.keyedHash(m.idNumber, CIPHER_PURPOSE.idNumber)
        : (kept?.idNumberHash ?? null),
      birthYear: m.birthYear,
      labourCapacity: m.labourCapacity,
      disability: m.disability ?? null,
    };
  });
}

/** Member ids in an edit that are not members of the household (or named twice). */
export function unknownMemberIds(members: readonly MemberInput[], onRecord: MembersOnRecord): string[] {
  const seen = new Set<string>();
  const bad: string[] = [];
  for (const m of members) {
    if (!m.id) continue;
    if (!onRecord.has(m.id) || seen.has(m.id)) bad.push(m.id);
    seen.add(m.id);
  }
  return bad;
}

export async function insertMembers(
  manager: EntityManager,
  householdId: string,
  members: readonly PreparedMember[],
): Promise<void> {
  const values: unknown[] = [];
  const rows = members.map((m, position) => {
    values.push(
      m.id,
      householdId,
      position,
      m.name,
      m.relation,
      m.idNumberMasked,
      m.idNumberHash,
      m.birthYear,
      m.labourCapacity,
      m.disability,
    );
    const base = position * 10;
    return `(${Array.from({ length: 10 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  await manager.query(
    `INSERT INTO household_members
       (id, household_id, position, name, relation, id_number_masked, id_number_hash, birth_year, labour_capacity, disability)
     VALUES ${rows.join(', ')}`,
    values,
  );
}

/** Comparable form of a member list, to tell whether a replacement changes anything. */
export function memberFingerprint(
  members: ReadonlyArray<{
    name: string;
    relation: string;
    birthYear: number;
    labourCapacity: string;
    disability: string | null;
  }>,
  hashes: ReadonlyArray<string | null>,
): string {
  return JSON.stringify(
    members.map((m, i) => [m.name, m.relation, hashes[i], m.birthYear, m.labourCapacity, m.disability]),
  );
}
