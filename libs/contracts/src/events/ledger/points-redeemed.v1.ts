import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/** `ledger.points.redeemed` v1: a household redeemed points for goods at its love supermarket, or a redemption was voided. */
export const pointsRedeemedV1 = defineEvent({
  type: 'ledger.points.redeemed',
  version: 1,
  aggregateType: 'household',
  topic: TOPICS.ledgerPoints,
  payload: z.object({
    receiptId: z.uuid(),
    receiptNumber: z.string(),
    householdId: z.uuid(),
    storeId: z.uuid(),
    villageCode: z.string().regex(/^\d{12}$/),
    /** Positive for a redemption; negative for the void that reverses one. */
    points: z.int(),
    voided: z.boolean(),
    lines: z.array(z.object({ goodsId: z.uuid(), name: z.string(), quantity: z.int(), points: z.int() })),
    entryId: z.uuid(),
  }),
});

export type PointsRedeemedV1 = EventOf<typeof pointsRedeemedV1>;
export type PointsRedeemedV1Payload = PayloadOf<typeof pointsRedeemedV1>;
