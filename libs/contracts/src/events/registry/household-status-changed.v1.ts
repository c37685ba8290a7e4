import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { povertyStatusSchema } from '../../http/registry/households';
import { TOPICS } from '../../topics';
import { householdRegionFields } from './household-snapshot';

/** `registry.household.statusChanged` v1: poverty status changed (e.g. 未脱贫 → 已脱贫, or onto monitoring). */
export const householdStatusChangedV1 = defineEvent({
  type: 'registry.household.statusChanged',
  version: 1,
  aggregateType: 'household',
  topic: TOPICS.registryHouseholds,
  payload: z.object({
    householdId: z.uuid(),
    householdNumber: z.string().min(1),
    ...householdRegionFields,
    previousStatus: povertyStatusSchema,
    povertyStatus: povertyStatusSchema,
    reason: z.string(),
    version: z.int().min(1),
  }),
});

export type HouseholdStatusChangedV1 = EventOf<typeof householdStatusChangedV1>;
export type HouseholdStatusChangedV1Payload = PayloadOf<typeof householdStatusChangedV1>;
