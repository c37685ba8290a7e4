import {
  LABOUR_CLASS_LABELS,
  POVERTY_STATUS_LABELS,
  SUB_CLASS_LABELS,
  type HouseholdSummary,
  type PovertyStatus,
} from '@fupin/contracts';
import { StatusBadge, type StatusTone } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/language';

const STATUS_TONES: Readonly<Record<PovertyStatus, StatusTone>> = {
  not_lifted: 'error',
  lifted: 'ok',
  monitored: 'warning',
  edge: 'warning',
};

export function PovertyStatusBadge({ status }: { status: PovertyStatus }) {
  const label = useLabel();
  return <StatusBadge tone={STATUS_TONES[status]}>{label(POVERTY_STATUS_LABELS[status])}</StatusBadge>;
}

/** 户分三类: the class and its sub-class, e.g. “有劳动能力户 · 缺项户”, or “未分类”. */
export function HouseholdClassText({
  household,
}: {
  household: Pick<HouseholdSummary, 'labourClass' | 'subClass'>;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  if (!household.labourClass) return <span className="admin-muted">{t('households.unclassified')}</span>;
  return (
    <span>
      {label(LABOUR_CLASS_LABELS[household.labourClass])}
      {household.subClass ? ` · ${label(SUB_CLASS_LABELS[household.subClass])}` : ''}
    </span>
  );
}

/** The points card: its number, and a lock mark when five wrong PINs locked it. */
export function CardText({
  household,
}: {
  household: Pick<HouseholdSummary, 'pointsCardNumber' | 'cardLocked'>;
}) {
  const { t } = useTranslation();
  if (!household.pointsCardNumber) return <span className="admin-muted">{t('households.noCard')}</span>;
  return (
    <span className="admin-card-text">
      <span className="admin-mono">{household.pointsCardNumber}</span>
      {household.cardLocked ? <StatusBadge tone="error">{t('households.cardLocked')}</StatusBadge> : null}
    </span>
  );
}
