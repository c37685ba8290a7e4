import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/** `ledger.stock.low` v1: goods at a love supermarket fell to or below their low-stock threshold. */
export const stockLowV1 = defineEvent({
  type: 'ledger.stock.low',
  version: 1,
  aggregateType: 'store',
  topic: TOPICS.ledgerStock,
  payload: z.object({
    storeId: z.uuid(),
    villageCode: z.string().regex(/^\d{12}$/),
    goodsId: z.uuid(),
    name: z.string(),
    quantity: z.int().min(0),
    threshold: z.int().min(0),
  }),
});

export type StockLowV1 = EventOf<typeof stockLowV1>;
export type StockLowV1Payload = PayloadOf<typeof stockLowV1>;
