import {
  householdRegisteredV1,
  householdUpdatedV1,
  organisationCreatedV1,
  organisationUpdatedV1,
  TOPICS,
  type HouseholdSnapshot,
  type OrganisationSnapshot,
} from '@fupin/contracts';
import { onEvent, type ConsumerSpec } from '@fupin/messaging';
import type { EntityManager } from 'typeorm';

/** The organisation types the market keeps: its network and the buyers' work units. */
const NETWORK_TYPES = new Set(['collection_point', 'sorting_station', 'county_supermarket', 'work_unit']);

async function upsertOrganisation(manager: EntityManager, org: OrganisationSnapshot): Promise<void> {
  if (!NETWORK_TYPES.has(org.type)) return;
  await manager.query(
    `INSERT INTO network_organisation (id, type, name, region_code, village_code, active, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (id) DO UPDATE SET type = $2, name = $3, region_code = $4, village_code = $5, active = $6, updated_at = now()`,
    [org.organisationId, org.type, org.name, org.regionCode, org.villageCode, org.active],
  );
}

async function upsertHousehold(manager: EntityManager, h: HouseholdSnapshot): Promise<void> {
  // Events of one household arrive in order, but a replay may bring an older snapshot: keep the newest.
  await manager.query(
    `INSERT INTO network_household (id, household_number, head_name, village_code, bank_account_masked, version)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET household_number = $2, head_name = $3, village_code = $4,
       bank_account_masked = $5, version = $6
     WHERE network_household.version < $6`,
    [h.householdId, h.householdNumber, h.headName, h.villageCode, h.bankAccountMasked, h.version],
  );
}

/** Handlers of the registry's organisation events (the market's network read model). */
export const organisationHandlers = [
  onEvent(organisationCreatedV1, (manager, event) => upsertOrganisation(manager, event.payload)),
  onEvent(organisationUpdatedV1, (manager, event) => upsertOrganisation(manager, event.payload)),
];

/** Handlers of the registry's household events (who sells to the collection points); class and status do not matter here. */
export const householdHandlers = [
  onEvent(householdRegisteredV1, (manager, event) => upsertHousehold(manager, event.payload)),
  onEvent(householdUpdatedV1, (manager, event) => upsertHousehold(manager, event.payload)),
];

/** The market's consumer groups (`market.organisations`, `market.households`). */
export function marketConsumers(): ConsumerSpec[] {
  return [
    { name: 'organisations', topics: [TOPICS.registryOrganisations], handlers: organisationHandlers },
    { name: 'households', topics: [TOPICS.registryHouseholds], handlers: householdHandlers },
  ];
}
