import { createIdempotencyTable, dropIdempotencyTable } from '@fupin/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The double-entry points ledger (爱心积分) and the local read models it needs.
 *
 * - Every journal entry has at least two legs that sum to zero, checked at commit by a deferred
 *   constraint trigger; entries and legs are append-only (corrections are reversing entries).
 * - Legs may only be added to an entry in the transaction that created it.
 * - A household account can never go below zero (CHECK), whatever the application does.
 */
export class CreatePointsLedger1763900002000 implements MigrationInterface {
  name = 'CreatePointsLedger1763900002000';

  async up(runner: QueryRunner): Promise<void> {
    await createIdempotencyTable(runner);
    await runner.query(`
      CREATE TABLE household_view (
        id uuid PRIMARY KEY,
        household_number text NOT NULL,
        county_code text NOT NULL,
        town_code text NOT NULL,
        village_code text NOT NULL,
        group_code text,
        head_name text NOT NULL,
        points_card_number text,
        poverty_status text NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX household_view_village_idx ON household_view (village_code)');
    await runner.query(`
      CREATE TABLE store_view (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        county_code text NOT NULL,
        village_code text NOT NULL,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX store_view_village_idx ON store_view (village_code)');

    await runner.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('household', 'village_issuance', 'store_redemption', 'expiry')),
        household_id uuid UNIQUE REFERENCES household_view (id),
        store_id uuid UNIQUE REFERENCES store_view (id),
        region_code text NOT NULL,
        balance bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT household_balance_never_negative CHECK (kind <> 'household' OR balance >= 0),
        CONSTRAINT account_owner CHECK (
          (kind = 'household') = (household_id IS NOT NULL) AND (kind = 'store_redemption') = (store_id IS NOT NULL))
      ) WITH (fillfactor = 70)`);
    await runner.query(
      `CREATE UNIQUE INDEX account_issuance_per_village ON account (region_code) WHERE kind = 'village_issuance'`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX account_expiry_per_region ON account (region_code) WHERE kind = 'expiry'`,
    );

    await runner.query(`
      CREATE TABLE journal_entry (
        id uuid PRIMARY KEY,
        entry_number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        kind text NOT NULL CHECK (kind IN ('award', 'redemption', 'void', 'reversal', 'expiry')),
        reason text NOT NULL CHECK (length(reason) > 0),
        operator_id text NOT NULL,
        operator_role text NOT NULL,
        reference_type text,
        reference_id uuid,
        reverses_entry_id uuid UNIQUE REFERENCES journal_entry (id),
        created_txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE INDEX journal_entry_reference_idx ON journal_entry (reference_type, reference_id)',
    );
    await runner.query(`
      CREATE TABLE journal_leg (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- No row-by-row foreign keys: a sheet posts 100,000 legs at once, and each FK check would
        -- lock its account row. The statement trigger below checks both references set-wise.
        entry_id uuid NOT NULL,
        account_id uuid NOT NULL,
        amount bigint NOT NULL CHECK (amount <> 0)
      )`);
    await runner.query('CREATE INDEX journal_leg_entry_idx ON journal_leg (entry_id)');
    await runner.query('CREATE INDEX journal_leg_account_idx ON journal_leg (account_id, id)');

    await runner.query(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: corrections are reversing entries', TG_TABLE_NAME
          USING ERRCODE = 'check_violation';
      END $$`);
    await runner.query(`
      CREATE TRIGGER account_never_deleted BEFORE DELETE OR TRUNCATE ON account
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);
    for (const table of ['journal_entry', 'journal_leg']) {
      await runner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
      await runner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);
    }
    // An entry is balanced when its transaction commits: ≥ 2 legs summing to zero.
    await runner.query(`
      CREATE FUNCTION journal_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total numeric; legs bigint;
      BEGIN
        SELECT coalesce(sum(amount), 0), count(*) INTO total, legs FROM journal_leg WHERE entry_id = NEW.id;
        IF legs < 2 OR total <> 0 THEN
          RAISE EXCEPTION 'journal entry % does not balance (% legs, sum %)', NEW.id, legs, total
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER journal_entry_must_balance AFTER INSERT ON journal_entry
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balances()`);
    // Legs join only an entry of their own transaction: a committed entry cannot gain legs.
    await runner.query(`
      CREATE FUNCTION journal_leg_same_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (
          SELECT 1 FROM (SELECT DISTINCT entry_id FROM new_legs) l LEFT JOIN journal_entry e ON e.id = l.entry_id
          WHERE e.id IS NULL OR e.created_txid <> pg_current_xact_id()
        ) THEN
          RAISE EXCEPTION 'legs can only be added to an entry in the transaction that created it'
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        IF EXISTS (
          SELECT 1 FROM (SELECT DISTINCT account_id FROM new_legs) l LEFT JOIN account a ON a.id = l.account_id
          WHERE a.id IS NULL
        ) THEN
          RAISE EXCEPTION 'a leg names an account that does not exist' USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER journal_leg_same_transaction AFTER INSERT ON journal_leg
      REFERENCING NEW TABLE AS new_legs FOR EACH STATEMENT EXECUTE FUNCTION journal_leg_same_transaction()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS journal_leg');
    await runner.query('DROP TABLE IF EXISTS journal_entry');
    await runner.query('DROP FUNCTION IF EXISTS journal_leg_same_transaction()');
    await runner.query('DROP FUNCTION IF EXISTS journal_entry_balances()');
    await runner.query('DROP FUNCTION IF EXISTS ledger_append_only()');
    await runner.query('DROP TABLE IF EXISTS account');
    await runner.query('DROP TABLE IF EXISTS store_view');
    await runner.query('DROP TABLE IF EXISTS household_view');
    await dropIdempotencyTable(runner);
  }
}
