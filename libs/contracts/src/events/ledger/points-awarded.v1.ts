import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/**
 * `ledger.points.awarded` v1: an approved monthly award sheet (积分评定表) was posted. A sheet for a
 * large village is announced in parts of at most 1,000 households, each part one event.
 */
export const pointsAwardedV1 = defineEvent({
  type: 'ledger.points.awarded',
  version: 1,
  aggregateType: 'awardSheet',
  topic: TOPICS.ledgerPoints,
  payload: z.object({
    sheetId: z.uuid(),
    villageCode: z.string().regex(/^\d{12}$/),
    period: z.string().regex(/^\d{4}-\d{2}$/),
    entryId: z.uuid(),
    part: z.int().min(1),
    parts: z.int().min(1),
    /** Net points per household (deductions make it negative). */
    awards: z.array(z.object({ householdId: z.uuid(), points: z.int() })),
    approvedBy: z.string(),
  }),
});

export type PointsAwardedV1 = EventOf<typeof pointsAwardedV1>;
export type PointsAwardedV1Payload = PayloadOf<typeof pointsAwardedV1>;
