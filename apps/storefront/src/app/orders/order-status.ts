import type { OrderStatus } from '@fupin/contracts';
import type { StatusTone } from '@fupin/ui';

/** The way an order normally goes; payment_failed and cancelled leave it. */
export const ORDER_STEPS = ['pending_payment', 'paid', 'picking', 'ready', 'accepted'] as const;

export const STATUS_TONES: Readonly<Record<OrderStatus, StatusTone>> = {
  pending_payment: 'pending',
  payment_failed: 'error',
  paid: 'ok',
  picking: 'pending',
  ready: 'warning',
  accepted: 'ok',
  cancelled: 'neutral',
};

/** How far along the normal way the order is (-1 when it left it). */
export function stepIndex(status: OrderStatus): number {
  return (ORDER_STEPS as readonly string[]).indexOf(status);
}
