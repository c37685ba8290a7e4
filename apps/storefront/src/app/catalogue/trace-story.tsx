import type { TraceView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { EmptyState, ErrorState, LoadingState } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { formatDateTime, gramsToKgText } from '../common/format';
import { useLanguage } from '../common/language';
import { MARKET, useVillageNames } from '../common/market-api';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';

/**
 * 溯源: the lots on the shelf behind a product, the villages and (masked) households that grew
 * them, and what each was paid per kilogram beside the retail price of a box.
 */
export function TraceStory({ code, spec }: { code: string; spec: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const villageName = useVillageNames();
  const trace = useApiQuery(
    (client, signal) => client.get<TraceView>(`${MARKET}/trace/${encodeURIComponent(code)}`, { signal }),
    [code],
  );
  // TraceView has no household key; a masked name within a village stands in for one (two
  // households with the same masked name in one village would count once).
  const households = new Set<string>();
  const villages = new Set<string>();
  for (const lot of trace.data?.lots ?? []) {
    for (const h of lot.households) {
      households.add(`${h.villageCode}:${h.headName}`);
      villages.add(h.villageCode);
    }
  }
  return (
    <section className="sf-trace" aria-labelledby="sf-trace-title">
      <h2 id="sf-trace-title">{t('storefront.trace.title')}</h2>
      {trace.error ? (
        <ErrorState message={errorText(trace.error)} onRetry={trace.reload} />
      ) : !trace.data ? (
        <LoadingState label={t('storefront.trace.loading')} />
      ) : trace.data.lots.length === 0 ? (
        <EmptyState title={t('storefront.trace.empty')} />
      ) : (
        <>
          <p className="sf-trace__summary">
            {t('storefront.trace.summary', {
              households: households.size,
              villages: [...villages].map((v) => villageName(v).name).join('、'),
            })}
          </p>
          <ol className="sf-trace__lots">
            {trace.data.lots.map((lot) => (
              <li key={lot.traceCode} className="sf-trace__lot">
                <p className="sf-trace__lot-head">
                  <span>{t('storefront.trace.lot', { code: lot.traceCode })}</span>
                  <span>
                    {lot.produce} · {t(`storefront.grade.${lot.grade}`, { defaultValue: lot.grade })}
                  </span>
                  <span>
                    {t('storefront.trace.collectedAt', { time: formatDateTime(lot.collectedAt, language) })}
                  </span>
                </p>
                <ul>
                  {lot.households.map((h) => (
                    <li key={`${h.villageCode}-${h.headName}`} className="sf-trace__household">
                      <strong>{h.headName}</strong>
                      <span>{villageName(h.villageCode).path.join(' ')}</span>
                      <span>{t('storefront.trace.weight', { kg: gramsToKgText(h.weightGrams) })}</span>
                      <span>{t('storefront.trace.paid', { price: formatFen(h.paidFenPerKg) })}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {trace.data.product ? (
            <p className="sf-trace__compare">
              {t('storefront.trace.compare', {
                paid: formatFen(trace.data.lots[0]?.households[0]?.paidFenPerKg ?? 0),
                retail: formatFen(trace.data.product.retailPriceFen),
                spec,
              })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
