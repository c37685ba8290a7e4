import type { StoreBalanceReport } from '@fupin/contracts';
import { formatPoints } from '@fupin/money';
import { ErrorState, LoadingState, Notice } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';

/** 积分储备: points the village holds against what is on the shelf, at points prices. */
export function ReservePanel({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const report = useApiQuery(
    (client, signal) =>
      client.get<StoreBalanceReport>(`${LEDGER}/reports/stores/${storeId}/balance`, { signal }),
    [storeId],
  );
  if (report.error) return <ErrorState message={errorText(report.error)} onRetry={report.reload} />;
  if (!report.data) return <LoadingState />;
  const { pointsOutstanding, stockPoints, pointsRedeemed } = report.data;
  const short = pointsOutstanding - stockPoints;
  return (
    <section aria-labelledby="points-reserve-heading">
      <h2 id="points-reserve-heading">{t('points.reserve.title')}</h2>
      <div className="points-figures">
        <Figure label={t('points.reserve.outstanding')} value={formatPoints(pointsOutstanding)} />
        <Figure label={t('points.reserve.stock')} value={formatPoints(stockPoints)} />
        <Figure label={t('points.reserve.redeemed')} value={formatPoints(pointsRedeemed)} />
      </div>
      {short > 0 ? (
        <Notice tone="warning" title={t('points.reserve.short', { count: short })}>
          {t('points.reserve.shortHint')}
        </Notice>
      ) : (
        <Notice tone="ok" title={t('points.reserve.covered')} />
      )}
    </section>
  );
}

export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="points-figure">
      <span className="admin-muted">{label}</span>
      <span className="points-figure__value">{value}</span>
    </div>
  );
}
