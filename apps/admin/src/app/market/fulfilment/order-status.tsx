import type { OrderStatus } from '@fupin/contracts';
import { StatusBadge, type StatusTone } from '@fupin/ui';
import { useTranslation } from 'react-i18next';

const TONES: Readonly<Record<OrderStatus, StatusTone>> = {
  pending_payment: 'pending',
  payment_failed: 'error',
  paid: 'warning',
  picking: 'pending',
  ready: 'ok',
  accepted: 'ok',
  cancelled: 'neutral',
};

/** An order's status in words, with a symbol so it reads in black-and-white print too. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status]}>{t(`market.orderStatus.${status}`)}</StatusBadge>;
}
