import type { OrderView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { EmptyState, ErrorState, LoadingState, Pagination, StatusBadge, useDocumentTitle } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../common/format';
import { useLanguage } from '../common/language';
import { MARKET } from '../common/market-api';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { STATUS_TONES } from './order-status';

const PAGE_SIZE = 10;

/** The buyer's orders, newest first (the API gives the latest 100; pages of ten here). */
export function OrdersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const orders = useApiQuery((client, signal) => client.get<OrderView[]>(`${MARKET}/orders`, { signal }), []);
  useDocumentTitle(`${t('storefront.orders.title')} · ${t('storefront.name')}`);

  let body;
  if (orders.error && !orders.data)
    body = <ErrorState message={errorText(orders.error)} onRetry={orders.reload} />;
  else if (!orders.data) body = <LoadingState label={t('storefront.orders.loading')} />;
  else if (orders.data.length === 0)
    body = (
      <EmptyState
        title={t('storefront.orders.empty')}
        action={
          <Link className="fp-button fp-button--primary fp-button--lg" to="/products">
            {t('storefront.cart.browse')}
          </Link>
        }
      />
    );
  else {
    const shown = orders.data.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    body = (
      <>
        <ul className="sf-orders" aria-label={t('storefront.orders.list')}>
          {shown.map((order) => (
            <li key={order.id} className="sf-order-row" data-order={order.orderNumber}>
              <Link to={`/orders/${order.id}`} className="sf-order-row__link">
                {t('storefront.orders.number', { number: order.orderNumber })}
              </Link>
              <StatusBadge tone={STATUS_TONES[order.status]}>
                {t(`storefront.orderStatus.${order.status}`)}
              </StatusBadge>
              <span className="sf-order-row__what">
                {order.lines.map((line) => `${line.productName} × ${line.quantity}`).join('、')}
              </span>
              <span className="sf-order-row__amount">{formatFen(order.totalFen)}</span>
              <span className="sf-order-row__time">{formatDateTime(order.createdAt, language)}</span>
            </li>
          ))}
        </ul>
        {orders.data.length > PAGE_SIZE ? (
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={orders.data.length}
            onPageChange={(next) => setParams({ page: String(next) })}
          />
        ) : null}
      </>
    );
  }
  return (
    <div className="sf-orders-page">
      <h1>{t('storefront.orders.title')}</h1>
      {body}
    </div>
  );
}
