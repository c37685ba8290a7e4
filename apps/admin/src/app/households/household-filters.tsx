import {
  HOUSEHOLD_SUB_CLASSES,
  LABOUR_CLASSES,
  LABOUR_CLASS_LABELS,
  POVERTY_STATUSES,
  POVERTY_STATUS_LABELS,
  SUB_CLASS_LABELS,
  SUB_CLASS_PARENT,
} from '@fupin/contracts';
import { Button, CheckboxField, SelectField, TextField } from '@fupin/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { scopeRegionCode } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { useLabel } from '../common/language';
import { RegionPicker } from '../common/region-picker';
import type { HouseholdFilters as Filters } from './household-list-query';

interface HouseholdFiltersProps {
  filters: Filters;
  onChange: (next: Filters) => void;
}

/** Region (within the reader's scope), 户分三类, poverty status, locked cards, search and sort. */
export function HouseholdFilters({ filters, onChange }: HouseholdFiltersProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const apply = (patch: Partial<Filters>) => onChange({ ...filters, ...patch, page: 1 });
  const subClasses = HOUSEHOLD_SUB_CLASSES.filter(
    (sub) => !filters.labourClass || SUB_CLASS_PARENT[sub] === filters.labourClass,
  );
  const search = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: q.trim() });
  };
  return (
    <form
      className="admin-filters"
      role="search"
      aria-label={t('households.filters.label')}
      onSubmit={search}
    >
      <RegionPicker
        legend={t('households.filters.region')}
        rootCode={scopeRegionCode(user.scope)}
        value={filters.regionCode}
        onChange={(regionCode) =>
          apply({ regionCode: regionCode === scopeRegionCode(user.scope) ? '' : regionCode })
        }
      />
      <div className="admin-filters__row">
        <SelectField
          label={t('households.filters.labourClass')}
          placeholder={t('adm.all')}
          value={filters.labourClass}
          options={LABOUR_CLASSES.map((value) => ({ value, label: label(LABOUR_CLASS_LABELS[value]) }))}
          onChange={(event) => {
            const labourClass = event.target.value;
            const keepSub =
              filters.subClass &&
              SUB_CLASS_PARENT[filters.subClass as keyof typeof SUB_CLASS_PARENT] === labourClass;
            apply({ labourClass, subClass: keepSub ? filters.subClass : '' });
          }}
        />
        <SelectField
          label={t('households.filters.subClass')}
          placeholder={t('adm.all')}
          value={filters.subClass}
          options={subClasses.map((value) => ({ value, label: label(SUB_CLASS_LABELS[value]) }))}
          onChange={(event) => apply({ subClass: event.target.value })}
        />
        <SelectField
          label={t('households.filters.povertyStatus')}
          placeholder={t('adm.all')}
          value={filters.povertyStatus}
          options={POVERTY_STATUSES.map((value) => ({ value, label: label(POVERTY_STATUS_LABELS[value]) }))}
          onChange={(event) => apply({ povertyStatus: event.target.value })}
        />
        <SelectField
          label={t('households.filters.sort')}
          value={filters.sort}
          options={(['householdNumber', 'headName', 'updatedAt'] as const).map((value) => ({
            value,
            label: t(`households.sort.${value}`),
          }))}
          onChange={(event) => apply({ sort: event.target.value as Filters['sort'] })}
        />
      </div>
      <div className="admin-filters__row admin-filters__row--search">
        <TextField
          label={t('households.filters.q')}
          hint={t('households.filters.qHint')}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <Button type="submit">{t('adm.search')}</Button>
      </div>
      <div className="admin-filters__row">
        <CheckboxField
          label={t('households.filters.cardLocked')}
          checked={filters.cardLocked}
          onChange={(event) => apply({ cardLocked: event.target.checked })}
        />
        <Button
          variant="ghost"
          onClick={() => {
            setQ('');
            onChange({
              ...filters,
              regionCode: '',
              labourClass: '',
              subClass: '',
              povertyStatus: '',
              q: '',
              cardLocked: false,
              page: 1,
            });
          }}
        >
          {t('adm.clearFilters')}
        </Button>
      </div>
    </form>
  );
}
