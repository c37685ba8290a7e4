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
import { onEvent, type ConsumerSpec } from '@fupin/messaging';
import type { EntityManager } from 'typeorm';

/** Keeps the newest snapshot of a household (versions only grow; an older redelivery changes nothing). */
async function upsertHousehold(manager: EntityManager, h: HouseholdSnapshot): Promise<void> {
  await manager.query(
    `INSERT INTO household_rm (id, household_number, county_code, town_code, village_code, head_name, member_count,
       labour_class, sub_class, poverty_status, bank_name, bank_account_masked, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (id) DO UPDATE SET household_number = EXCLUDED.household_number,
       county_code = EXCLUDED.county_code, town_code = EXCLUDED.town_code, village_code = EXCLUDED.village_code,
       head_name = EXCLUDED.head_name, member_count = EXCLUDED.member_count, labour_class = EXCLUDED.labour_class,
       sub_class = EXCLUDED.sub_class, poverty_status = EXCLUDED.poverty_status, bank_name = EXCLUDED.bank_name,
       bank_account_masked = EXCLUDED.bank_account_masked, version = EXCLUDED.version, updated_at = now()
     WHERE household_rm.version < EXCLUDED.version`,
    [
      h.householdId,
      h.householdNumber,
      h.countyCode,
      h.townCode,
      h.villageCode,
      h.headName,
      h.memberCount,
      h.labourClass,
      h.subClass,
      h.povertyStatus,
      h.bankName,
      h.bankAccountMasked,
      h.version,
    ],
  );
}

async function upsertOrganisation(manager: EntityManager, o: OrganisationSnapshot): Promise<void> {
  await manager.query(
    `INSERT INTO organisation_rm (id, type, name, region_code, county_code, town_code, village_code, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active, updated_at = now()`,
    [o.organisationId, o.type, o.name, o.regionCode, o.countyCode, o.townCode, o.villageCode, o.active],
  );
}

/** The registry's households and organisations, kept as local read models. */
export function registryConsumer(): ConsumerSpec {
  return {
    name: 'registry',
    topics: [TOPICS.registryHouseholds, TOPICS.registryOrganisations],
    handlers: [
      onEvent(householdRegisteredV1, (m, e) => upsertHousehold(m, e.payload)),
      onEvent(householdUpdatedV1, (m, e) => upsertHousehold(m, e.payload)),
      onEvent(householdClassifiedV1, async (m, e) => {
        await m.query(
          `UPDATE household_rm SET labour_class = $2, sub_class = $3, version = $4, updated_at = now()
           WHERE id = $1 AND version < $4`,
          [e.payload.householdId, e.payload.labourClass, e.payload.subClass, e.payload.version],
        );
      }),
      onEvent(householdStatusChangedV1, async (m, e) => {
        await m.query(
          `UPDATE household_rm SET poverty_status = $2, version = $3, updated_at = now() WHERE id = $1 AND version < $3`,
          [e.payload.householdId, e.payload.povertyStatus, e.payload.version],
        );
      }),
      onEvent(organisationCreatedV1, (m, e) => upsertOrganisation(m, e.payload)),
      onEvent(organisationUpdatedV1, (m, e) => upsertOrganisation(m, e.payload)),
    ],
  };
}
