import type { PackingListView } from '@fupin/contracts';
import { EmptyState } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { MARKET } from '../market-api';
import { PrintSheet } from './print-sheet';

const STATUSES = ['all', 'picking', 'ready'] as const;

/** 装箱单: one sheet per work unit, its orders and boxes, to go with the delivery or the pickup. */
export function PackingListsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useSearchParams();
  const status = search.get('status') ?? 'all';
  const query = useApiQuery(
    (client, signal) =>
      client.get<PackingListView>(`${MARKET}/fulfilment/packing-lists`, { query: { status }, signal }),
    [status],
  );
  return (
    <PrintSheet
      title={t('market.packing.title')}
      description={t('market.packing.description')}
      query={query}
      status={status}
      statuses={STATUSES}
      onStatus={(next) => setSearch(next === 'all' ? {} : { status: next })}
    >
      {(view) => (
        <>
          {view.workUnits.length === 0 ? <EmptyState title={t('market.packing.empty')} /> : null}
          {view.workUnits.map((unit) => {
            const name = unit.workUnitName ?? unit.workUnitId;
            return (
              <article
                key={unit.workUnitId}
                className="market-sheet__unit"
                aria-label={t('market.packing.for', { name })}
              >
                <h2>{t('market.packing.for', { name })}</h2>
                <p>
                  {t('market.packing.summary', {
                    orders: unit.orders.length,
                    boxes: unit.totalBoxes,
                    time: formatDateTime(view.generatedAt, language),
                  })}
                </p>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('market.packing.order')}</th>
                      <th scope="col">{t('market.packing.way')}</th>
                      <th scope="col">{t('market.packing.lines')}</th>
                      <th scope="col" className="market-sheet__tick">
                        {t('market.sheet.tick')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {unit.orders.map((order) => (
                      <tr key={order.orderId}>
                        <th scope="row" className="admin-mono">
                          {order.orderNumber}
                        </th>
                        <td>{t(`market.fulfilment.way.${order.fulfilment}`)}</td>
                        <td>
                          {order.lines.map((line) => (
                            <div key={line.productName}>
                              {line.productName} × {t('market.boxes', { count: line.quantity })}
                            </div>
                          ))}
                        </td>
                        <td className="market-sheet__tick">☐</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p>{t('market.packing.signature')}</p>
              </article>
            );
          })}
        </>
      )}
    </PrintSheet>
  );
}
