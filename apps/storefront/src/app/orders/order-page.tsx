import { isApiClientError } from '@fupin/api-client';
import type { OrderView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import {
  Button,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  StatusBadge,
  useApiClient,
  useDocumentTitle,
} from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { PlacedOrderState } from '../checkout/checkout-page';
import { formatDateTime } from '../common/format';
import { localiseServerText, useLanguage } from '../common/language';
import { MARKET } from '../common/market-api';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { STATUS_TONES } from './order-status';
import { OrderTimeline } from './order-timeline';

/** One order: where it is, what is in it, how it was paid; accept it when ready, cancel while paid. */
export function OrderPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { orderId = '' } = useParams();
  const placed = (useLocation().state as PlacedOrderState | null)?.placed === true;
  const errorText = useErrorText();
  const order = useApiQuery(
    (client, signal) => client.get<OrderView>(`${MARKET}/orders/${encodeURIComponent(orderId)}`, { signal }),
    [orderId],
  );
  useDocumentTitle(
    `${order.data ? t('storefront.orders.number', { number: order.data.orderNumber }) : t('storefront.orders.title')} · ${t('storefront.name')}`,
  );

  if (order.error && isApiClientError(order.error) && [400, 404].includes(order.error.status)) {
    return (
      <EmptyState
        title={t('storefront.orders.notFound')}
        description={t('storefront.orders.notFoundHint')}
        action={
          <Link className="fp-button fp-button--primary fp-button--lg" to="/orders">
            {t('storefront.orders.backToList')}
          </Link>
        }
      />
    );
  }
  if (order.error && !order.data)
    return <ErrorState message={errorText(order.error)} onRetry={order.reload} />;
  if (!order.data) return <LoadingState label={t('storefront.orders.loadingOne')} />;
  const o = order.data;
  return (
    <article className="sf-order">
      <p className="sf-back">
        <Link to="/orders">{t('storefront.orders.backToList')}</Link>
      </p>
      <h1 className="sf-order__title">
        {t('storefront.orders.number', { number: o.orderNumber })}{' '}
        <StatusBadge tone={STATUS_TONES[o.status]}>{t(`storefront.orderStatus.${o.status}`)}</StatusBadge>
      </h1>
      {placed && o.status === 'paid' ? <Notice tone="ok" title={t('storefront.orders.placed')} /> : null}
      {o.status === 'pending_payment' ? (
        <Notice tone="neutral" title={t('storefront.orders.pendingPayment')}>
          <Button variant="secondary" onClick={order.reload} loading={order.loading}>
            {t('storefront.orders.refresh')}
          </Button>
        </Notice>
      ) : null}
      {o.status === 'payment_failed' ? (
        <Notice tone="error" title={t('storefront.orders.paymentFailed')}>
          {o.failureReason ? localiseServerText(o.failureReason, language) : null}
        </Notice>
      ) : null}
      {o.status === 'cancelled' ? (
        <Notice tone="neutral" title={t('storefront.orders.cancelledNote')} />
      ) : null}
      <OrderTimeline order={o} />
      <OrderActions order={o} onDone={order.reload} />
      <section className="sf-panel" aria-labelledby="sf-order-lines">
        <h2 id="sf-order-lines">{t('storefront.orders.lines')}</h2>
        <ul className="sf-summary">
          {o.lines.map((line) => (
            <li key={line.productId}>
              <span>
                <Link to={`/products/${line.productId}`}>{line.productName}</Link> × {line.quantity}
                {line.lots.length > 0 ? (
                  <small className="sf-summary__trace">
                    {t('storefront.orders.traceCodes', {
                      codes: line.lots.map((l) => l.traceCode).join('、'),
                    })}
                  </small>
                ) : null}
              </span>
              <span>{formatFen(line.amountFen)}</span>
            </li>
          ))}
        </ul>
        <dl className="sf-pay">
          <dt>{t('storefront.checkout.total')}</dt>
          <dd data-amount="total">{formatFen(o.totalFen)}</dd>
          <dt>{t('storefront.orders.paidByAllowance')}</dt>
          <dd data-amount="allowance">{formatFen(o.allowanceFen)}</dd>
          <dt>{t('storefront.orders.paidByCard')}</dt>
          <dd data-amount="card">{formatFen(o.cardFen)}</dd>
          {o.refundedFen > 0 ? (
            <>
              <dt>{t('storefront.orders.refunded')}</dt>
              <dd data-amount="refunded">{formatFen(o.refundedFen)}</dd>
            </>
          ) : null}
          <dt>{t('storefront.checkout.fulfilment')}</dt>
          <dd>{t(`storefront.fulfilment.${o.fulfilment}`)}</dd>
          <dt>{t('storefront.orders.placedAt')}</dt>
          <dd>{formatDateTime(o.createdAt, language)}</dd>
        </dl>
      </section>
    </article>
  );
}

/** 确认收货 when ready; 取消订单 (asked twice) while paid and not yet picked. */
function OrderActions({ order, onDone }: { order: OrderView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (action: 'accept' | 'cancel') => {
    setBusy(true);
    setError(null);
    try {
      await client.post(`${MARKET}/orders/${order.id}/${action}`, action === 'cancel' ? {} : undefined);
      setDone(t(`storefront.orders.${action}Done`));
      setConfirming(false);
      onDone();
    } catch (caught) {
      setError(caught);
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sf-order-actions">
      {done ? <Notice tone="ok" title={done} /> : null}
      {error ? <Notice tone="error" title={errorText(error)} /> : null}
      {order.status === 'ready' ? (
        <>
          <p className="sf-hint">
            {t(
              order.fulfilment === 'pickup'
                ? 'storefront.orders.readyPickup'
                : 'storefront.orders.readyDelivery',
            )}
          </p>
          <Button size="lg" loading={busy} onClick={() => void run('accept')}>
            {t('storefront.orders.accept')}
          </Button>
        </>
      ) : null}
      {order.status === 'paid' ? (
        confirming ? (
          <div className="sf-confirm" role="group" aria-label={t('storefront.orders.cancelConfirm')}>
            <p>{t('storefront.orders.cancelConfirm')}</p>
            <Button variant="danger" loading={busy} onClick={() => void run('cancel')}>
              {t('storefront.orders.cancelYes')}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('storefront.orders.cancelNo')}
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('storefront.orders.cancel')}
          </Button>
        )
      ) : null}
    </div>
  );
}
