import { StatusBadge, type StatusTone } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import type { DistributionStatus } from '../dividends-api';

const TONES: Record<DistributionStatus, StatusTone> = {
  dry_run: 'neutral',
  noticed: 'pending',
  approved: 'warning',
  posted: 'ok',
};

/** 试算 / 公示中 / 已审批 / 已入账. */
export function DistributionStatusBadge({ status }: { status: DistributionStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status]}>{t(`dividends.status.${status}`)}</StatusBadge>;
}
