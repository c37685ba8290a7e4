import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';
import { organisationSnapshotSchema } from './organisation-snapshot';

/** `registry.organisation.updated` v1: renamed, or (de)activated. The whole snapshot after the change. */
export const organisationUpdatedV1 = defineEvent({
  type: 'registry.organisation.updated',
  version: 1,
  aggregateType: 'organisation',
  topic: TOPICS.registryOrganisations,
  payload: organisationSnapshotSchema.extend({
    changedFields: z.array(z.enum(['name', 'contactName', 'contactPhone', 'active'])).min(1),
  }),
});

export type OrganisationUpdatedV1 = EventOf<typeof organisationUpdatedV1>;
export type OrganisationUpdatedV1Payload = PayloadOf<typeof organisationUpdatedV1>;
