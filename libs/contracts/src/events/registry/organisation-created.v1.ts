import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';
import { organisationSnapshotSchema } from './organisation-snapshot';

/** `registry.organisation.created` v1: a work unit, cooperative, love supermarket… was registered. */
export const organisationCreatedV1 = defineEvent({
  type: 'registry.organisation.created',
  version: 1,
  aggregateType: 'organisation',
  topic: TOPICS.registryOrganisations,
  payload: organisationSnapshotSchema,
});

export type OrganisationCreatedV1 = EventOf<typeof organisationCreatedV1>;
export type OrganisationCreatedV1Payload = PayloadOf<typeof organisationCreatedV1>;
