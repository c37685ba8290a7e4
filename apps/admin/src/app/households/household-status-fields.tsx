import {
  HOUSEHOLD_SUB_CLASSES,
  LABOUR_CLASS_LABELS,
  POVERTY_STATUSES,
  POVERTY_STATUS_LABELS,
  SUB_CLASS_LABELS,
  SUB_CLASS_PARENT,
} from '@fupin/contracts';
import { SelectField } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/language';

interface HouseholdStatusFieldsProps {
  povertyStatus: string;
  subClass: string;
  onPovertyStatus: (value: string) => void;
  onSubClass: (value: string) => void;
  statusError?: string;
}

/** 贫困状态 (required) and 户类别 (optional; the sub-class names its class too). */
export function HouseholdStatusFields(props: HouseholdStatusFieldsProps) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <div className="admin-form-grid">
      <SelectField
        label={t('households.form.povertyStatus')}
        required
        placeholder={t('adm.choose')}
        value={props.povertyStatus}
        error={props.statusError}
        options={POVERTY_STATUSES.map((value) => ({ value, label: label(POVERTY_STATUS_LABELS[value]) }))}
        onChange={(event) => props.onPovertyStatus(event.target.value)}
      />
      <SelectField
        label={t('households.form.subClass')}
        hint={t('households.form.subClassHint')}
        placeholder={t('households.unclassified')}
        value={props.subClass}
        options={HOUSEHOLD_SUB_CLASSES.map((value) => ({
          value,
          label: `${label(LABOUR_CLASS_LABELS[SUB_CLASS_PARENT[value]])} · ${label(SUB_CLASS_LABELS[value])}`,
        }))}
        onChange={(event) => props.onSubClass(event.target.value)}
      />
    </div>
  );
}
