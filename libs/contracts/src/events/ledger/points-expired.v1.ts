import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/**
 * `ledger.points.expired` v1: a county's expiry run wrote off points older than its policy allows
 * (oldest first). A large county is announced in parts of at most 1,000 households, each part one
 * event; the run posted one balanced journal entry for all of them.
 */
export const pointsExpiredV1 = defineEvent({
  type: 'ledger.points.expired',
  version: 1,
  aggregateType: 'expiryRun',
  topic: TOPICS.ledgerPoints,
  payload: z.object({
    runId: z.uuid(),
    countyCode: z.string().regex(/^\d{6}$/),
    runDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    months: z.int().min(1),
    entryId: z.uuid(),
    part: z.int().min(1),
    parts: z.int().min(1),
    /** Points written off per household (positive numbers). */
    households: z.array(
      z.object({ householdId: z.uuid(), villageCode: z.string().regex(/^\d{12}$/), points: z.int().min(1) }),
    ),
  }),
});

export type PointsExpiredV1 = EventOf<typeof pointsExpiredV1>;
export type PointsExpiredV1Payload = PayloadOf<typeof pointsExpiredV1>;
