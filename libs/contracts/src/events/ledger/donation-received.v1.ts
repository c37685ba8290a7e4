import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/** `ledger.stock.donationReceived` v1: a love supermarket received donated goods (百企帮百村, 爱心人士). */
export const donationReceivedV1 = defineEvent({
  type: 'ledger.stock.donationReceived',
  version: 1,
  aggregateType: 'store',
  topic: TOPICS.ledgerStock,
  payload: z.object({
    donationId: z.uuid(),
    receiptNumber: z.string(),
    storeId: z.uuid(),
    villageCode: z.string().regex(/^\d{12}$/),
    donorName: z.string(),
    /** Declared value in fen. */
    declaredValueFen: z.int().min(0),
    lines: z.array(z.object({ goodsId: z.uuid(), name: z.string(), quantity: z.int().min(1) })),
  }),
});

export type DonationReceivedV1 = EventOf<typeof donationReceivedV1>;
export type DonationReceivedV1Payload = PayloadOf<typeof donationReceivedV1>;
