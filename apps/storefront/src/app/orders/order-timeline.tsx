import type { OrderView } from '@fupin/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';
import { useLanguage } from '../common/language';
import { ORDER_STEPS, stepIndex } from './order-status';

/**
 * 待付款 → 已付款 → 拣货中 → 待收货 → 已收货, with the current step marked and the time each step
 * was reached.
 */
export function OrderTimeline({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const current = stepIndex(order.status);
  const times: Partial<Record<(typeof ORDER_STEPS)[number], string | null>> = {
    pending_payment: order.createdAt,
    paid: order.paidAt,
    picking: order.pickingAt,
    ready: order.readyAt,
    accepted: order.acceptedAt,
  };
  return (
    <ol className="sf-timeline" aria-label={t('storefront.orders.timeline')}>
      {ORDER_STEPS.map((step, index) => {
        const state = current < 0 ? 'off' : index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={`sf-timeline__step sf-timeline__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="sf-timeline__dot" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="sf-timeline__label">{t(`storefront.orderStatus.${step}`)}</span>
            {times[step] && (state === 'done' || state === 'current') ? (
              <span className="sf-timeline__time">{formatDateTime(times[step], language)}</span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
