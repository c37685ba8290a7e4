import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { householdSubClassSchema, labourClassSchema } from '../../http/registry/households';
import { TOPICS } from '../../topics';
import { householdRegionFields } from './household-snapshot';

/** `registry.household.classified` v1: the household was sorted into a class (户分三类) and sub-class. */
export const householdClassifiedV1 = defineEvent({
  type: 'registry.household.classified',
  version: 1,
  aggregateType: 'household',
  topic: TOPICS.registryHouseholds,
  payload: z.object({
    householdId: z.uuid(),
    householdNumber: z.string().min(1),
    ...householdRegionFields,
    previousLabourClass: labourClassSchema.nullable(),
    previousSubClass: householdSubClassSchema.nullable(),
    labourClass: labourClassSchema,
    subClass: householdSubClassSchema,
    reason: z.string(),
    version: z.int().min(1),
  }),
});

export type HouseholdClassifiedV1 = EventOf<typeof householdClassifiedV1>;
export type HouseholdClassifiedV1Payload = PayloadOf<typeof householdClassifiedV1>;
