import type { PickingListView } from '@fupin/contracts';
import { EmptyState } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { MARKET } from '../market-api';
import { PrintSheet } from './print-sheet';

const STATUSES = ['all', 'paid', 'picking'] as const;

/** 拣货单: what to take off the shelves, per product by category, the boxes from each lot (oldest first). */
export function PickingListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useSearchParams();
  const status = search.get('status') ?? 'all';
  const query = useApiQuery(
    (client, signal) =>
      client.get<PickingListView>(`${MARKET}/fulfilment/picking-list`, { query: { status }, signal }),
    [status],
  );
  const title = t('market.picking.title');
  return (
    <PrintSheet
      title={title}
      description={t('market.picking.description')}
      query={query}
      status={status}
      statuses={STATUSES}
      onStatus={(next) => setSearch(next === 'all' ? {} : { status: next })}
    >
      {(list) => {
        const categories = [...new Set(list.products.map((p) => p.category))];
        return (
          <article aria-label={title}>
            <h2>{title}</h2>
            <p>
              {t('market.picking.summary', {
                orders: list.orderCount,
                boxes: list.totalBoxes,
                time: formatDateTime(list.generatedAt, language),
              })}
            </p>
            {list.products.length === 0 ? <EmptyState title={t('market.picking.empty')} /> : null}
            {categories.map((category) => (
              <section key={category} className="market-sheet__unit">
                <h3>{category}</h3>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('market.picking.product')}</th>
                      <th scope="col">{t('market.picking.sku')}</th>
                      <th scope="col">{t('market.picking.quantity')}</th>
                      <th scope="col">{t('market.picking.lots')}</th>
                      <th scope="col" className="market-sheet__tick">
                        {t('market.sheet.tick')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.products
                      .filter((p) => p.category === category)
                      .map((product) => (
                        <tr key={product.productId}>
                          <th scope="row">{product.productName}</th>
                          <td className="admin-mono">{product.sku}</td>
                          <td>{t('market.boxes', { count: product.quantity })}</td>
                          <td>
                            {product.lots.map((lot) => (
                              <div key={lot.traceCode}>
                                <span className="admin-mono">{lot.traceCode}</span> ×{' '}
                                {t('market.boxes', { count: lot.quantity })}
                              </div>
                            ))}
                          </td>
                          <td className="market-sheet__tick">☐</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </section>
            ))}
            <p>{t('market.sheet.signature')}</p>
          </article>
        );
      }}
    </PrintSheet>
  );
}
