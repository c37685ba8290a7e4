import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/** `market.sale.settled` v1: a settlement run attributed accepted sales to households in a payout batch. */
export const saleSettledV1 = defineEvent({
  type: 'market.sale.settled',
  version: 1,
  aggregateType: 'settlement',
  topic: TOPICS.marketProduce,
  payload: z.object({
    settlementId: z.uuid(),
    totalFen: z.int().min(0),
    orderCount: z.int().min(0),
    households: z.array(
      z.object({
        householdId: z.uuid(),
        villageCode: z.string().regex(/^\d{12}$/),
        amountFen: z.int().min(0),
      }),
    ),
    settledAt: z.iso.datetime(),
  }),
});

export type SaleSettledV1 = EventOf<typeof saleSettledV1>;
export type SaleSettledV1Payload = PayloadOf<typeof saleSettledV1>;
