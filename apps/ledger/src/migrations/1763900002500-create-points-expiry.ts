import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Points expiry (积分过期), optional per county: a policy the county sets, and one run per county
 * and China day. A run posts one balanced entry (kind `expiry`) moving each household's expired
 * points to the county's expiry account (`account.kind = 'expiry'`, one per county code, already
 * allowed by the points ledger's schema).
 */
export class CreatePointsExpiry1763900002500 implements MigrationInterface {
  name = 'CreatePointsExpiry1763900002500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE expiry_policy (
        county_code text PRIMARY KEY CHECK (county_code ~ '^\\d{6}$'),
        enabled boolean NOT NULL,
        months integer NOT NULL CHECK (months BETWEEN 1 AND 120),
        effective_from date NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE expiry_run (
        id uuid PRIMARY KEY,
        county_code text NOT NULL,
        run_date date NOT NULL,
        months integer NOT NULL,
        cutoff timestamptz NOT NULL,
        entry_id uuid REFERENCES journal_entry (id),
        household_count integer NOT NULL CHECK (household_count >= 0),
        total_points bigint NOT NULL CHECK (total_points >= 0),
        triggered_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT expiry_run_once_per_county_and_day UNIQUE (county_code, run_date),
        CHECK ((entry_id IS NULL) = (total_points = 0))
      )`);
    await runner.query(`
      CREATE TRIGGER expiry_run_append_only BEFORE UPDATE OR DELETE ON expiry_run
      FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS expiry_run');
    await runner.query('DROP TABLE IF EXISTS expiry_policy');
  }
}
