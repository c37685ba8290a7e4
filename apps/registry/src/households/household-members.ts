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

/** Head first, then the others in the order given; the clear ID number goes no further than this. */
export function prepareMembers(cipher: FieldCipher, members: readonly MemberInput[]): PreparedMember[] {
  const ordered = [
    ...members.filter((m) => m.relation === 'head'),
    ...members.filter((m) => m.relation !== 'head'),
  ];
  return ordered.map((m) => ({
    id: randomUUID(),
    name: m.name,
    relation: m.relation,
    idNumberMasked: m.idNumber ? maskIdNumber(m.idNumber) : null,
    idNumberHash: m.idNumber ? cipher.keyedHash(m.idNumber, CIPHER_PURPOSE.idNumber) : null,
    birthYear: m.birthYear,
    labourCapacity: m.labourCapacity,
    disability: m.disability ?? null,
  }));
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
