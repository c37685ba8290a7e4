import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Distributions (dry run → notice → approval → posting), their lines, objections and approvals;
 * the double-entry payout ledger, payout batches and payouts; the hash chain over published
 * notices and posted batches.
 */
export class CreateDistributionsLedgerAndChain1763900004001 implements MigrationInterface {
  name = 'CreateDistributionsLedgerAndChain1763900004001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE distribution (
        id uuid PRIMARY KEY,
        entity_id uuid NOT NULL REFERENCES organisation_rm (id),
        title text NOT NULL,
        plan_id uuid NOT NULL,
        plan_version integer NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        pool_fen bigint NOT NULL CHECK (pool_fen > 0),
        status text NOT NULL CHECK (status IN ('dry_run', 'noticed', 'approved', 'posted')),
        account_parts jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        posted_at timestamptz,
        FOREIGN KEY (plan_id, plan_version) REFERENCES plan_version (plan_id, version)
      )`);
    await runner.query(`
      CREATE TABLE distribution_line (
        distribution_id uuid NOT NULL REFERENCES distribution (id),
        household_id uuid NOT NULL,
        household_number text NOT NULL,
        village_code text NOT NULL,
        head_name text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        explanation jsonb NOT NULL,
        PRIMARY KEY (distribution_id, household_id)
      )`);
    await runner.query(`
      CREATE TABLE notice (
        id uuid PRIMARY KEY,
        distribution_id uuid NOT NULL UNIQUE REFERENCES distribution (id),
        entity_id uuid NOT NULL,
        title text NOT NULL,
        published_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at >= published_at + interval '10 days')
      )`);
    await runner.query(`
      CREATE TABLE objection (
        id uuid PRIMARY KEY,
        distribution_id uuid NOT NULL REFERENCES distribution (id),
        raised_by text NOT NULL,
        text text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        resolution text,
        resolved_by text,
        resolved_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE approval (
        id uuid PRIMARY KEY,
        distribution_id uuid NOT NULL REFERENCES distribution (id),
        meeting_date date NOT NULL,
        attendees_count integer NOT NULL CHECK (attendees_count > 0),
        minutes_reference text NOT NULL,
        approved_by text NOT NULL,
        approved_at timestamptz NOT NULL DEFAULT now(),
        revoked_by text,
        revoked_at timestamptz,
        revoke_reason text
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX approval_one_live_idx ON approval (distribution_id) WHERE revoked_at IS NULL',
    );
    // Double-entry: debits positive, credits negative; every transaction sums to zero (checked at commit).
    await runner.query(`
      CREATE TABLE ledger_transaction (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        entity_id uuid NOT NULL,
        distribution_id uuid,
        payout_id uuid,
        description text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE ledger_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id uuid NOT NULL REFERENCES ledger_transaction (id),
        account text NOT NULL,
        household_id uuid,
        amount_fen bigint NOT NULL CHECK (amount_fen <> 0)
      )`);
    await runner.query('CREATE INDEX ledger_entry_tx_idx ON ledger_entry (transaction_id)');
    await runner.query('CREATE INDEX ledger_entry_account_idx ON ledger_entry (account, household_id)');
    // Checked once per ledger transaction at commit (not per entry): a posting of millions of
    // entries pays for one sum, and a transaction that does not balance cannot commit.
    await runner.query(`
      CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total numeric; entries bigint;
      BEGIN
        SELECT coalesce(sum(amount_fen), 0), count(*) INTO total, entries
          FROM ledger_entry WHERE transaction_id = NEW.id;
        IF total <> 0 OR entries < 2 THEN
          RAISE EXCEPTION 'ledger transaction % does not balance (% over % entries)', NEW.id, total, entries
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER ledger_transaction_balances AFTER INSERT ON ledger_transaction
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances()`);
    await runner.query(`
      CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger entries are append-only' USING ERRCODE = 'check_violation';
      END $$`);
    await runner.query(`
      CREATE TRIGGER ledger_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON ledger_entry
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only()`);
    await runner.query(`
      CREATE TABLE payout_batch (
        id uuid PRIMARY KEY,
        distribution_id uuid NOT NULL REFERENCES distribution (id),
        line_count integer NOT NULL,
        total_fen bigint NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE payout (
        id uuid PRIMARY KEY,
        batch_id uuid REFERENCES payout_batch (id),
        distribution_id uuid NOT NULL REFERENCES distribution (id),
        household_id uuid NOT NULL,
        household_number text NOT NULL,
        head_name text NOT NULL,
        bank_name text,
        bank_account_masked text,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        attempt integer NOT NULL DEFAULT 1,
        retry_of uuid REFERENCES payout (id),
        retry_reason text,
        status text NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'retried')),
        bank_reference text,
        failure_reason text,
        confirmed_at timestamptz
      )`);
    await runner.query('CREATE INDEX payout_batch_idx ON payout (batch_id)');
    await runner.query('CREATE INDEX payout_distribution_idx ON payout (distribution_id, status)');
    await runner.query(`
      CREATE TABLE chain_record (
        seq bigint PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('notice', 'payout_batch')),
        ref_id uuid NOT NULL UNIQUE,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'chain_record',
      'payout',
      'payout_batch',
      'ledger_entry',
      'ledger_transaction',
      'approval',
      'objection',
      'notice',
      'distribution_line',
      'distribution',
    ])
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    await runner.query('DROP FUNCTION IF EXISTS ledger_transaction_balances()');
    await runner.query('DROP FUNCTION IF EXISTS ledger_entry_is_append_only()');
  }
}
