import type { LotView } from '@fupin/contracts';
import { StatusBadge, type StatusTone } from '@fupin/ui';
import { useTranslation } from 'react-i18next';

const TONES: Readonly<Record<LotView['status'], StatusTone>> = {
  at_location: 'ok',
  in_transit: 'pending',
  stocked: 'ok',
  split: 'neutral',
  merged: 'neutral',
};

export function LotStatusBadge({ status }: { status: LotView['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status]}>{t(`market.lots.status.${status}`)}</StatusBadge>;
}
