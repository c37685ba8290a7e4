import { createIdempotencyTable, dropIdempotencyTable } from '@fupin/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the registry's organisations and households, and what distributing entities keep
 * of their members: memberships, shareholdings (with dates, for share × days), attendance of
 * public-welfare jobs, income declarations and versioned distribution plans.
 */
export class CreateReadModelsAndEntities1763900004000 implements MigrationInterface {
  name = 'CreateReadModelsAndEntities1763900004000';

  async up(runner: QueryRunner): Promise<void> {
    await createIdempotencyTable(runner);
    await runner.query(`
      CREATE TABLE organisation_rm (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        name text NOT NULL,
        region_code text NOT NULL,
        county_code text NOT NULL,
        town_code text,
        village_code text,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE household_rm (
        id uuid PRIMARY KEY,
        household_number text NOT NULL,
        county_code text NOT NULL,
        town_code text NOT NULL,
        village_code text NOT NULL,
        head_name text NOT NULL,
        member_count integer NOT NULL,
        labour_class text,
        sub_class text,
        poverty_status text NOT NULL,
        bank_name text,
        bank_account_masked text,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX household_rm_village_idx ON household_rm (village_code)');
    await runner.query(`
      CREATE TABLE entity_member (
        entity_id uuid NOT NULL REFERENCES organisation_rm (id),
        household_id uuid NOT NULL REFERENCES household_rm (id),
        joined_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entity_id, household_id)
      )`);
    await runner.query(`
      CREATE TABLE shareholding (
        id uuid PRIMARY KEY,
        entity_id uuid NOT NULL,
        household_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ordinary', 'preferred', 'poverty_fund')),
        shares bigint NOT NULL CHECK (shares > 0),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (entity_id, household_id) REFERENCES entity_member (entity_id, household_id)
      )`);
    await runner.query('CREATE INDEX shareholding_entity_idx ON shareholding (entity_id, household_id)');
    await runner.query(`
      CREATE TABLE attendance (
        entity_id uuid NOT NULL,
        household_id uuid NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        days_worked integer NOT NULL CHECK (days_worked BETWEEN 0 AND 366),
        PRIMARY KEY (entity_id, household_id, period_start, period_end),
        FOREIGN KEY (entity_id, household_id) REFERENCES entity_member (entity_id, household_id)
      )`);
    await runner.query(`
      CREATE TABLE income_declaration (
        id uuid PRIMARY KEY,
        entity_id uuid NOT NULL REFERENCES organisation_rm (id),
        source text NOT NULL CHECK (source IN ('cooperative_profit', 'collective_company_profit',
          'loan_enterprise_dividend', 'pv_grid_settlement', 'county_supermarket_profit')),
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        evidence_description text NOT NULL,
        evidence_reference text NOT NULL,
        distribution_id uuid,
        declared_by text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE plan (
        id uuid PRIMARY KEY,
        entity_id uuid NOT NULL REFERENCES organisation_rm (id),
        name text NOT NULL,
        current_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE plan_version (
        plan_id uuid NOT NULL REFERENCES plan (id),
        version integer NOT NULL,
        document jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, version)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'plan_version',
      'plan',
      'income_declaration',
      'attendance',
      'shareholding',
      'entity_member',
      'household_rm',
      'organisation_rm',
    ])
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    await dropIdempotencyTable(runner);
  }
}
