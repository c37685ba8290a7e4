import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/**
 * `market.order.accepted` v1: the buyer accepted the goods; the sale now counts as consumption aid
 * (消费扶贫) and is attributed to the households behind the lots it was served from.
 */
export const orderAcceptedV1 = defineEvent({
  type: 'market.order.accepted',
  version: 1,
  aggregateType: 'order',
  topic: TOPICS.marketOrders,
  payload: z.object({
    orderId: z.uuid(),
    orderNumber: z.string().min(1),
    buyerId: z.string().min(1),
    workUnitId: z.uuid(),
    totalFen: z.int().min(1),
    households: z.array(
      z.object({
        householdId: z.uuid(),
        villageCode: z.string().regex(/^\d{12}$/),
        amountFen: z.int().min(0),
      }),
    ),
    acceptedAt: z.iso.datetime(),
  }),
});

export type OrderAcceptedV1 = EventOf<typeof orderAcceptedV1>;
export type OrderAcceptedV1Payload = PayloadOf<typeof orderAcceptedV1>;
