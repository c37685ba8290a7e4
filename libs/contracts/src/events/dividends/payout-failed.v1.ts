import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';
import { payoutEventFields } from './payout-fields';

/** `dividends.payout.failed` v1: the bank returned a payout (closed account, wrong name…). */
export const payoutFailedV1 = defineEvent({
  type: 'dividends.payout.failed',
  version: 1,
  aggregateType: 'payout',
  topic: TOPICS.dividendsPayouts,
  payload: z.object({ ...payoutEventFields, reason: z.string() }),
});
export type PayoutFailedV1 = EventOf<typeof payoutFailedV1>;
export type PayoutFailedV1Payload = PayloadOf<typeof payoutFailedV1>;
