import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';
import { householdSnapshotSchema } from './household-snapshot';

/** `registry.household.registered` v1: a household was registered (建档立卡), by hand or by import. */
export const householdRegisteredV1 = defineEvent({
  type: 'registry.household.registered',
  version: 1,
  aggregateType: 'household',
  topic: TOPICS.registryHouseholds,
  payload: householdSnapshotSchema,
});

export type HouseholdRegisteredV1 = EventOf<typeof householdRegisteredV1>;
export type HouseholdRegisteredV1Payload = PayloadOf<typeof householdRegisteredV1>;
