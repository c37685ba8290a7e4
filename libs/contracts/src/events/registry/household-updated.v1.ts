import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';
import { householdSnapshotSchema } from './household-snapshot';

/**
 * `registry.household.updated` v1: group, phone, bank account, points card or members changed.
 * Carries the whole snapshot after the change and the names of the fields that changed.
 */
export const householdUpdatedV1 = defineEvent({
  type: 'registry.household.updated',
  version: 1,
  aggregateType: 'household',
  topic: TOPICS.registryHouseholds,
  payload: householdSnapshotSchema.extend({
    changedFields: z
      .array(z.enum(['groupCode', 'phone', 'bankAccount', 'pointsCardNumber', 'members']))
      .min(1),
  }),
});

export type HouseholdUpdatedV1 = EventOf<typeof householdUpdatedV1>;
export type HouseholdUpdatedV1Payload = PayloadOf<typeof householdUpdatedV1>;
