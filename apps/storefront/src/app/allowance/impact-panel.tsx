import type { BuyerImpactView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { ErrorState, LoadingState } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { MARKET, useVillageNames } from '../common/market-api';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';

/** “您的采购帮助了 N 个村的 M 户农户”: the households behind the lots of the buyer's orders. */
export function ImpactPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const villageName = useVillageNames();
  const impact = useApiQuery(
    (client, signal) => client.get<BuyerImpactView>(`${MARKET}/me/impact`, { signal }),
    [],
  );
  return (
    <section className="sf-panel sf-impact" aria-labelledby="sf-impact-title">
      <h2 id="sf-impact-title">{t('storefront.impact.title')}</h2>
      {impact.error && !impact.data ? (
        <ErrorState message={errorText(impact.error)} onRetry={impact.reload} />
      ) : !impact.data ? (
        <LoadingState />
      ) : impact.data.households === 0 ? (
        <p>{t('storefront.impact.none')}</p>
      ) : (
        <>
          <p className="sf-impact__headline">
            {t('storefront.impact.headline', {
              households: impact.data.households,
              villages: impact.data.villages,
            })}
          </p>
          <p>
            {t('storefront.impact.orders', {
              orders: impact.data.orders,
              amount: formatFen(impact.data.spentFen),
            })}
          </p>
          <ul className="sf-impact__villages">
            {impact.data.byVillage.map((v) => (
              <li key={v.villageCode}>
                <span>{villageName(v.villageCode).path.join(' ')}</span>
                <span>
                  {t('storefront.impact.villageLine', {
                    households: v.households,
                    amount: formatFen(v.amountFen),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
