import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/** `dividends.distribution.approved` v1: a distribution passed its notice and the village meeting (四议两公开). */
export const distributionApprovedV1 = defineEvent({
  type: 'dividends.distribution.approved',
  version: 1,
  aggregateType: 'distribution',
  topic: TOPICS.dividendsDistributions,
  payload: z.object({
    distributionId: z.uuid(),
    entityId: z.uuid(),
    title: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    planId: z.uuid(),
    planVersion: z.int().min(1),
    /** Fen as a decimal string (bigint). */
    poolFen: z.string().regex(/^\d+$/),
    householdCount: z.int().min(0),
    meetingDate: z.string(),
  }),
});
export type DistributionApprovedV1 = EventOf<typeof distributionApprovedV1>;
export type DistributionApprovedV1Payload = PayloadOf<typeof distributionApprovedV1>;
