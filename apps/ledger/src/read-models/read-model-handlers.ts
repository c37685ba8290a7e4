import {
  householdClassifiedV1,
  householdRegisteredV1,
  householdStatusChangedV1,
  householdUpdatedV1,
  organisationCreatedV1,
  organisationUpdatedV1,
  TOPICS,
  type HouseholdSnapshot,
  type OrganisationSnapshot,
} from '@fupin/contracts';
import { onEvent, type ConsumerSpec, type EventHandler } from '@fupin/messaging';
import { EntityManager } from 'typeorm';

/**
 * Keeps the ledger's local copies of registry households and love supermarkets, and opens each
 * one's points account. A snapshot older than the one held (by version) is ignored, so
 * redelivered or reordered events never roll a household back.
 */
async function upsertHousehold(manager: EntityManager, h: HouseholdSnapshot): Promise<void> {
  await manager.query(
    `INSERT INTO household_view (id, household_number, county_code, town_code, village_code, group_code, head_name,
       points_card_number, poverty_status, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE SET household_number = EXCLUDED.household_number,
       county_code = EXCLUDED.county_code, town_code = EXCLUDED.town_code, village_code = EXCLUDED.village_code,
       group_code = EXCLUDED.group_code, head_name = EXCLUDED.head_name,
       points_card_number = EXCLUDED.points_card_number, poverty_status = EXCLUDED.poverty_status,
       version = EXCLUDED.version, updated_at = now()
     WHERE household_view.version < EXCLUDED.version`,
    [
      h.householdId,
      h.householdNumber,
      h.countyCode,
      h.townCode,
      h.villageCode,
      h.groupCode,
      h.headName,
      h.pointsCardNumber,
      h.povertyStatus,
      h.version,
    ],
  );
  await manager.query(
    `INSERT INTO account (kind, household_id, region_code) VALUES ('household', $1, $2)
     ON CONFLICT (household_id) DO NOTHING`,
    [h.householdId, h.villageCode],
  );
}

async function upsertStore(manager: EntityManager, o: OrganisationSnapshot): Promise<void> {
  if (o.type !== 'love_supermarket' || !o.villageCode) return;
  await manager.query(
    `INSERT INTO store_view (id, name, county_code, village_code, active) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active, updated_at = now()`,
    [o.organisationId, o.name, o.countyCode, o.villageCode, o.active],
  );
  await manager.query(
    `INSERT INTO account (kind, store_id, region_code) VALUES ('store_redemption', $1, $2)
     ON CONFLICT (store_id) DO NOTHING`,
    [o.organisationId, o.villageCode],
  );
}

/** The handlers of the `ledger.registry` consumer group. */
export const readModelHandlers: EventHandler[] = [
  onEvent(householdRegisteredV1, (m, e) => upsertHousehold(m, e.payload)),
  onEvent(householdUpdatedV1, (m, e) => upsertHousehold(m, e.payload)),
  onEvent(householdStatusChangedV1, async (m, e) => {
    await m.query(
      `UPDATE household_view SET poverty_status = $2, version = $3, updated_at = now() WHERE id = $1 AND version < $3`,
      [e.payload.householdId, e.payload.povertyStatus, e.payload.version],
    );
  }),
  onEvent(householdClassifiedV1, async (m, e) => {
    await m.query(`UPDATE household_view SET version = $2 WHERE id = $1 AND version < $2`, [
      e.payload.householdId,
      e.payload.version,
    ]);
  }),
  onEvent(organisationCreatedV1, (m, e) => upsertStore(m, e.payload)),
  onEvent(organisationUpdatedV1, (m, e) => upsertStore(m, e.payload)),
];

/** Name of the consumer group (`ledger.registry`) that builds the read models. */
export const READ_MODEL_CONSUMER = 'registry';

export function ledgerConsumers(): ConsumerSpec[] {
  return [
    {
      name: READ_MODEL_CONSUMER,
      topics: [TOPICS.registryHouseholds, TOPICS.registryOrganisations],
      handlers: readModelHandlers,
    },
  ];
}
