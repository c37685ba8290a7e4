import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/**
 * `market.produce.procured` v1: a collection point bought produce from a household (household
 * income from 消费扶贫). Keyed by the lot the purchase created.
 */
export const produceProcuredV1 = defineEvent({
  type: 'market.produce.procured',
  version: 1,
  aggregateType: 'lot',
  topic: TOPICS.marketProduce,
  payload: z.object({
    purchaseId: z.uuid(),
    lotId: z.uuid(),
    traceCode: z.string().min(1),
    householdId: z.uuid(),
    villageCode: z.string().regex(/^\d{12}$/),
    collectionPointId: z.uuid(),
    produce: z.string().min(1),
    grade: z.string().min(1),
    weightGrams: z.int().min(1),
    unitPriceFenPerKg: z.int().min(1),
    amountFen: z.int().min(0),
    weighSlipNumber: z.string().min(1),
    procuredAt: z.iso.datetime(),
  }),
});

export type ProduceProcuredV1 = EventOf<typeof produceProcuredV1>;
export type ProduceProcuredV1Payload = PayloadOf<typeof produceProcuredV1>;
