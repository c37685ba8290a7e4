import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';
import { payoutEventFields } from './payout-fields';

/** `dividends.payout.made` v1: the bank confirmed a payout to a household's passbook or card (两折两卡). */
export const payoutMadeV1 = defineEvent({
  type: 'dividends.payout.made',
  version: 1,
  aggregateType: 'payout',
  topic: TOPICS.dividendsPayouts,
  payload: z.object({ ...payoutEventFields, bankReference: z.string() }),
});
export type PayoutMadeV1 = EventOf<typeof payoutMadeV1>;
export type PayoutMadeV1Payload = PayloadOf<typeof payoutMadeV1>;
