import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/** `market.order.paid` v1: a buyer's order was paid, from the allowance first and the rest by card. */
export const orderPaidV1 = defineEvent({
  type: 'market.order.paid',
  version: 1,
  aggregateType: 'order',
  topic: TOPICS.marketOrders,
  payload: z.object({
    orderId: z.uuid(),
    orderNumber: z.string().min(1),
    buyerId: z.string().min(1),
    workUnitId: z.uuid(),
    totalFen: z.int().min(1),
    allowanceFen: z.int().min(0),
    cardFen: z.int().min(0),
    paidAt: z.iso.datetime(),
  }),
});

export type OrderPaidV1 = EventOf<typeof orderPaidV1>;
export type OrderPaidV1Payload = PayloadOf<typeof orderPaidV1>;
