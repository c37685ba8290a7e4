import type { HouseholdSummary, PurchaseView } from '@fupin/contracts';
import { fenToChineseWords, formatFen } from '@fupin/money';
import { Button } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { gramsToKg } from '../market-units';

export interface WeighSlipProps {
  purchase: PurchaseView;
  household: Pick<HouseholdSummary, 'headName' | 'householdNumber'>;
  pointName: string;
  collectorName: string;
}

type PaperWidth = 58 | 80;

/**
 * 称重单: what the villager takes home, sized for a 58 or 80 mm receipt printer. Carries the trace
 * code that the county supermarket's boxes will show, so the household can find its produce again.
 */
export function WeighSlip({ purchase, household, pointName, collectorName }: WeighSlipProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [width, setWidth] = useState<PaperWidth>(58);
  const rows: Array<[string, string]> = [
    [t('market.slip.number'), purchase.weighSlipNumber],
    [t('market.slip.time'), formatDateTime(purchase.createdAt, language)],
    [t('market.slip.household'), `${household.headName}（${household.householdNumber}）`],
    [t('market.slip.produce'), `${purchase.produce} · ${t(`market.grades.${purchase.grade}`)}`],
    [t('market.slip.weight'), `${gramsToKg(purchase.weightGrams)} kg`],
    [t('market.slip.price'), t('market.perKg', { price: formatFen(purchase.unitPriceFenPerKg) })],
  ];
  return (
    <section className="market-slip-panel" aria-label={t('market.slip.title')}>
      <style>{`@media print { @page { size: ${width}mm auto; margin: 2mm; } }`}</style>
      <div className="market-print-area">
        <article className={`market-slip market-slip--${width}`} aria-label={t('market.slip.paper')}>
          <h2 className="market-slip__title">{t('market.slip.title')}</h2>
          <p className="market-slip__point">{pointName}</p>
          <dl className="market-slip__rows">
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="market-slip__amount">
            {t('market.slip.amount')} <strong>{formatFen(purchase.amountFen)}</strong>
          </p>
          <p className="market-slip__words">{fenToChineseWords(purchase.amountFen)}</p>
          <p className="market-slip__trace">
            {t('market.slip.trace')}
            <br />
            <strong className="admin-mono">{purchase.traceCode}</strong>
          </p>
          <p className="market-slip__sign">
            {t('market.slip.collector', { name: collectorName })}
            <br />
            {t('market.slip.seller')}
          </p>
        </article>
      </div>
      <div className="admin-form-buttons market-no-print">
        <Button onClick={() => window.print()}>{t('market.slip.print')}</Button>
        <Button variant="secondary" onClick={() => setWidth(width === 58 ? 80 : 58)}>
          {t('market.slip.width', { width: width === 58 ? 80 : 58 })}
        </Button>
      </div>
    </section>
  );
}
