import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each work unit's yearly allowance per employee (else the county default), and year-end expiry:
 * what is left of a year's wallet is written off by an `expire` entry, never silently.
 */
export class AllowancePoliciesAndExpiry1763900003501 implements MigrationInterface {
  name = 'AllowancePoliciesAndExpiry1763900003501';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE allowance_policy (
        work_unit_id uuid NOT NULL REFERENCES network_organisation (id), year integer NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0 AND amount_fen <= 10000000),
        set_by text NOT NULL, set_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (work_unit_id, year))`);
    await runner.query(`
      ALTER TABLE allowance_entry DROP CONSTRAINT allowance_entry_kind_check,
        ADD CONSTRAINT allowance_entry_kind_check CHECK (kind IN ('grant', 'spend', 'return', 'expire')),
        ADD COLUMN created_by text`);
    await runner.query('ALTER TABLE allowance_wallet ADD COLUMN expired_at timestamptz');
    await runner.query('CREATE INDEX allowance_entry_wallet_idx ON allowance_entry (wallet_id)');
    await runner.query(
      'CREATE INDEX allowance_wallet_unit_idx ON allowance_wallet (work_unit_id, year, buyer_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX allowance_wallet_unit_idx');
    await runner.query('DROP INDEX allowance_entry_wallet_idx');
    await runner.query('ALTER TABLE allowance_wallet DROP COLUMN expired_at');
    await runner.query(`DELETE FROM allowance_entry WHERE kind = 'expire'`);
    await runner.query(`
      ALTER TABLE allowance_entry DROP COLUMN created_by, DROP CONSTRAINT allowance_entry_kind_check,
        ADD CONSTRAINT allowance_entry_kind_check CHECK (kind IN ('grant', 'spend', 'return'))`);
    await runner.query('DROP TABLE allowance_policy');
  }
}
