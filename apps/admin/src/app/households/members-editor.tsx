import {
  LABOUR_CAPACITIES,
  LABOUR_CAPACITY_LABELS,
  MEMBER_RELATIONS,
  MEMBER_RELATION_LABELS,
} from '@fupin/contracts';
import { Button, Notice, SelectField, TextField } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/language';
import { emptyMember, type MemberDraft, type MemberErrors } from './member-drafts';

interface MembersEditorProps {
  members: readonly MemberDraft[];
  onChange: (members: MemberDraft[]) => void;
  errors: MemberErrors;
}

/** 家庭成员, one block per person; exactly one is the head. */
export function MembersEditor({ members, onChange, errors }: MembersEditorProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const update = (index: number, patch: Partial<MemberDraft>) =>
    onChange(members.map((member, i) => (i === index ? { ...member, ...patch } : member)));
  return (
    <div className="admin-members-editor">
      {errors.list ? <Notice tone="error" title={errors.list} /> : null}
      {members.map((member, index) => {
        const error = (field: string) => errors.fields[`${index}.${field}`];
        const number = index + 1;
        return (
          <fieldset key={member.key} className="admin-member">
            <legend>
              {t('households.members.legend', { number })}
              {member.name ? ` · ${member.name}` : ''}
            </legend>
            <div className="admin-form-grid">
              <TextField
                label={t('households.members.name')}
                required
                value={member.name}
                error={error('name')}
                onChange={(event) => update(index, { name: event.target.value })}
              />
              <SelectField
                label={t('households.members.relation')}
                required
                placeholder={t('adm.choose')}
                value={member.relation}
                error={error('relation')}
                options={MEMBER_RELATIONS.map((value) => ({
                  value,
                  label: label(MEMBER_RELATION_LABELS[value]),
                }))}
                onChange={(event) =>
                  update(index, { relation: event.target.value as MemberDraft['relation'] })
                }
              />
              <TextField
                label={t('households.members.idNumber')}
                hint={
                  member.idNumberMasked
                    ? t('households.members.idNumberOnRecord', { masked: member.idNumberMasked })
                    : t('households.members.idNumberHint')
                }
                autoComplete="off"
                maxLength={18}
                value={member.idNumber}
                error={error('idNumber')}
                onChange={(event) => update(index, { idNumber: event.target.value })}
              />
              <TextField
                label={t('households.members.birthYear')}
                hint={t('households.members.birthYearHint')}
                inputMode="numeric"
                maxLength={4}
                value={member.birthYear}
                error={error('birthYear')}
                onChange={(event) => update(index, { birthYear: event.target.value })}
              />
              <SelectField
                label={t('households.members.labourCapacity')}
                required
                placeholder={t('adm.choose')}
                value={member.labourCapacity}
                error={error('labourCapacity')}
                options={LABOUR_CAPACITIES.map((value) => ({
                  value,
                  label: label(LABOUR_CAPACITY_LABELS[value]),
                }))}
                onChange={(event) =>
                  update(index, { labourCapacity: event.target.value as MemberDraft['labourCapacity'] })
                }
              />
              <TextField
                label={t('households.members.disability')}
                hint={t('households.members.disabilityHint')}
                value={member.disability}
                onChange={(event) => update(index, { disability: event.target.value })}
              />
            </div>
            {members.length > 1 ? (
              <Button variant="ghost" onClick={() => onChange(members.filter((_, i) => i !== index))}>
                {t('households.members.remove', { number })}
              </Button>
            ) : null}
          </fieldset>
        );
      })}
      <Button variant="secondary" onClick={() => onChange([...members, emptyMember()])}>
        {t('households.members.add')}
      </Button>
    </div>
  );
}
