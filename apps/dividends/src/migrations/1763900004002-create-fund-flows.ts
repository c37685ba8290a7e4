import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 一账一平台, 三级三账: fund sources and every allocation from a source down the county → town →
 * village levels to a village project or a household, in three separate kinds of fund. Each flow
 * is one double entry (credit its from-account, debit its to-account) and names the flow that
 * brought the money into its from-account, so provenance is a tree walked by a recursive query.
 */
export class CreateFundFlows1763900004002 implements MigrationInterface {
  name = 'CreateFundFlows1763900004002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE fund_source (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('project_construction', 'livelihood_protection', 'policy_subsidy')),
        county_code text NOT NULL CHECK (county_code ~ '^\\d{6}$'),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        reference text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE fund_flow (
        id uuid PRIMARY KEY,
        source_id uuid NOT NULL REFERENCES fund_source (id),
        parent_id uuid REFERENCES fund_flow (id),
        kind text NOT NULL,
        from_account text NOT NULL,
        to_account text NOT NULL,
        to_type text NOT NULL CHECK (to_type IN ('account', 'project', 'household')),
        to_level text CHECK (to_level IN ('county', 'town', 'village')),
        region_code text NOT NULL,
        household_id uuid,
        project_name text,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        purpose text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((parent_id IS NULL) = (from_account LIKE 'source:%'))
      )`);
    await runner.query('CREATE INDEX fund_flow_parent_idx ON fund_flow (parent_id)');
    await runner.query('CREATE INDEX fund_flow_source_idx ON fund_flow (source_id)');
    await runner.query(
      'CREATE INDEX fund_flow_household_idx ON fund_flow (household_id) WHERE household_id IS NOT NULL',
    );
    await runner.query('CREATE INDEX fund_flow_to_account_idx ON fund_flow (to_account)');
    await runner.query('CREATE INDEX fund_flow_from_account_idx ON fund_flow (from_account)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS fund_flow');
    await runner.query('DROP TABLE IF EXISTS fund_source');
  }
}
