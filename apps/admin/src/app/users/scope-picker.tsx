import {
  MAX_PAGE_SIZE,
  ORGANISATION_TYPE_LABELS,
  REGION_LEVELS,
  REGION_LEVEL_LABELS,
  ROLE_SCOPE_RULES,
  type OrganisationType,
  type OrganisationView,
  type Paginated,
  type StaffRole,
  type UserScopeInput,
} from '@fupin/contracts';
import { SelectField } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/language';
import { RegionPicker } from '../common/region-picker';
import { useApiQuery } from '../common/use-api-query';

interface ScopePickerProps {
  role: StaffRole;
  /** The acting administrator's region: scopes are offered inside it only. */
  rootCode: string;
  value: UserScopeInput | null;
  onChange: (scope: UserScopeInput | null) => void;
  error?: string;
  /** Shown while nothing is chosen, e.g. the user's current scope name. */
  currentName?: string;
}

/** The scope a role needs (ROLE_SCOPE_RULES): a region at given levels, or an organisation of given kinds. */
export function ScopePicker({ role, rootCode, value, onChange, error, currentName }: ScopePickerProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const rule = ROLE_SCOPE_RULES[role];
  if (rule.kind === 'region') {
    const deepest = [...rule.levels].sort((a, b) => REGION_LEVELS.indexOf(b) - REGION_LEVELS.indexOf(a))[0]!;
    return (
      <RegionPicker
        legend={t('users.form.scopeRegion')}
        hint={t('users.form.scopeLevels', {
          levels: rule.levels.map((level) => label(REGION_LEVEL_LABELS[level])).join(' / '),
        })}
        rootCode={rootCode}
        value={value?.kind === 'region' ? value.code : ''}
        onChange={(code) => onChange({ kind: 'region', code })}
        maxLevel={deepest}
        mode="choose"
        error={error}
      />
    );
  }
  return (
    <OrganisationScopePicker
      orgTypes={rule.orgTypes}
      value={value?.kind === 'organisation' ? value.id : ''}
      onChange={(id) => onChange(id ? { kind: 'organisation', id } : null)}
      error={error}
      currentName={currentName}
    />
  );
}

interface OrganisationScopePickerProps {
  orgTypes: readonly OrganisationType[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
  currentName?: string;
}

function OrganisationScopePicker({
  orgTypes,
  value,
  onChange,
  error,
  currentName,
}: OrganisationScopePickerProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const [type, setType] = useState<OrganisationType>(orgTypes[0]!);
  const chosenType = orgTypes.includes(type) ? type : orgTypes[0]!;
  const organisations = useApiQuery(
    (client, signal) =>
      client.get<Paginated<OrganisationView>>('/api/registry/organisations', {
        query: { type: chosenType, active: true, pageSize: MAX_PAGE_SIZE },
        signal,
      }),
    [chosenType],
  );
  return (
    <fieldset className="admin-region-picker">
      <legend className="fp-field__label">{t('users.form.scopeOrganisation')}</legend>
      {currentName && !value ? (
        <p className="fp-field__hint">{t('users.form.scopeNow', { name: currentName })}</p>
      ) : null}
      <div className="admin-region-picker__levels">
        {orgTypes.length > 1 ? (
          <SelectField
            label={t('users.form.orgType')}
            value={chosenType}
            options={orgTypes.map((option) => ({
              value: option,
              label: label(ORGANISATION_TYPE_LABELS[option]),
            }))}
            onChange={(event) => {
              setType(event.target.value as OrganisationType);
              onChange('');
            }}
          />
        ) : null}
        <SelectField
          label={label(ORGANISATION_TYPE_LABELS[chosenType])}
          placeholder={t('adm.choose')}
          value={value}
          disabled={!organisations.data}
          error={error}
          options={(organisations.data?.items ?? []).map((org) => ({
            value: org.id,
            label: `${org.name}（${org.regionName}）`,
          }))}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    </fieldset>
  );
}
