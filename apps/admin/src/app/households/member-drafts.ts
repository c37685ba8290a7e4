import {
  isValidResidentIdNumber,
  type HouseholdMemberInput,
  type HouseholdMemberView,
  type LabourCapacity,
  type MemberRelation,
} from '@fupin/contracts';
import type { TFunction } from 'i18next';

/** One member as typed into the form (all text), before it becomes a request body. */
export interface MemberDraft {
  key: string;
  name: string;
  relation: MemberRelation | '';
  idNumber: string;
  /** The member on record (editing only): sent back so the registry keeps its ID number when none is typed. */
  memberId?: string;
  /** The masked number on record (editing only); a newly typed full number replaces it. */
  idNumberMasked: string | null;
  birthYear: string;
  labourCapacity: LabourCapacity | '';
  disability: string;
}

/** Field errors keyed `<index>.<field>`, and one for the list as a whole (the head). */
export interface MemberErrors {
  fields: Record<string, string>;
  list?: string;
}

let counter = 0;
const nextKey = () => `member-${(counter += 1)}`;

export function emptyMember(relation: MemberRelation | '' = ''): MemberDraft {
  return {
    key: nextKey(),
    name: '',
    relation,
    idNumber: '',
    idNumberMasked: null,
    birthYear: '',
    labourCapacity: '',
    disability: '',
  };
}

export function draftFromMember(member: HouseholdMemberView): MemberDraft {
  return {
    key: member.id,
    memberId: member.id,
    name: member.name,
    relation: member.relation,
    idNumber: '',
    idNumberMasked: member.idNumberMasked,
    birthYear: String(member.birthYear),
    labourCapacity: member.labourCapacity,
    disability: member.disability ?? '',
  };
}

const normaliseId = (value: string) => value.trim().toUpperCase();

/** Checks the rules the registry applies (one head, ID check digit, birth year), with the form's words. */
export function validateMembers(drafts: readonly MemberDraft[], t: TFunction): MemberErrors {
  const fields: Record<string, string> = {};
  const thisYear = new Date().getFullYear();
  drafts.forEach((draft, index) => {
    const at = (field: string, key: string) =>
      (fields[`${index}.${field}`] = t(`households.memberErrors.${key}`));
    if (!draft.name.trim()) at('name', 'name');
    if (!draft.relation) at('relation', 'relation');
    if (!draft.labourCapacity) at('labourCapacity', 'labourCapacity');
    const id = normaliseId(draft.idNumber);
    if (id && !isValidResidentIdNumber(id)) at('idNumber', 'idNumber');
    const year = draft.birthYear.trim();
    if (year && (!/^\d{4}$/.test(year) || Number(year) < 1900 || Number(year) > thisYear))
      at('birthYear', 'birthYear');
    else if (!year && !id) at('birthYear', 'birthYearOrId');
    else if (year && id && isValidResidentIdNumber(id) && id.slice(6, 10) !== year)
      at('birthYear', 'birthYearMismatch');
  });
  const heads = drafts.filter((draft) => draft.relation === 'head').length;
  const list =
    drafts.length === 0
      ? t('households.memberErrors.none')
      : heads !== 1
        ? t('households.memberErrors.oneHead')
        : undefined;
  return { fields, list };
}

export function hasMemberErrors(errors: MemberErrors): boolean {
  return Boolean(errors.list) || Object.keys(errors.fields).length > 0;
}

/** The request body's members; the birth year is left to the ID number when only that was given. */
export function memberInputs(drafts: readonly MemberDraft[]): HouseholdMemberInput[] {
  return drafts.map((draft) => {
    const id = normaliseId(draft.idNumber);
    const year = draft.birthYear.trim();
    return {
      ...(draft.memberId ? { id: draft.memberId } : {}),
      name: draft.name.trim(),
      relation: draft.relation as MemberRelation,
      labourCapacity: draft.labourCapacity as LabourCapacity,
      ...(id ? { idNumber: id } : {}),
      ...(year ? { birthYear: Number(year) } : {}),
      disability: draft.disability.trim() || null,
    };
  });
}
