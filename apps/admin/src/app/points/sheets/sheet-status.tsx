import type { AwardSheetStatus } from '@fupin/contracts';
import { StatusBadge, type StatusTone } from '@fupin/ui';
import { useTranslation } from 'react-i18next';

const TONES: Record<AwardSheetStatus, StatusTone> = { draft: 'neutral', notice: 'pending', approved: 'ok' };

/** 草稿 / 公示中 / 已审批. */
export function SheetStatusBadge({ status }: { status: AwardSheetStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status]}>{t(`points.sheets.status.${status}`)}</StatusBadge>;
}
