import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk posting, second pass (bench/dividends: 4M households). Measured per 1M households on the
 * posting's database backend, the work per row that did not need to be per row:
 *
 * - `ledger_entry_account_idx (account, household_id)`: a wide text key written for every one of
 *   the millions of households-payable entries, and read by no query. It is replaced by a partial
 *   index over the entity-level entries only (income, retained parts, bank: a handful per posting),
 *   which is what an account balance reads; a household's money is read from `payout`.
 * - `payout.retry_of` was still a per-row foreign key: every COPYed payout queued an RI trigger
 *   event (millions of them, kept in memory until the statement ends) to check a NULL. It is now
 *   checked per statement by the same trigger that checks the distribution and the batch, and a
 *   payout that a retry refers to cannot be deleted nor its id changed (as before).
 * - The per-statement reference checks read the statement's new rows once (one DISTINCT over the
 *   transition table) instead of twice per reference.
 * - `ledger_entry.id` takes its identity values 1000 at a time (CACHE), so the sequence is not
 *   locked and logged for every entry. Ids still only grow within a session; they were never
 *   gap-free (a rolled-back posting leaves a gap too).
 *
 * The posting also sends the payout ids itself (time-ordered, see `timeOrderedIds`): with a volatile
 * column default (uuidv7()) to evaluate, PostgreSQL's COPY falls back to inserting one row at a
 * time instead of in batches. The default stays for single inserts.
 */
export class PostingWritesRowsInBulk1763900004900 implements MigrationInterface {
  name = 'PostingWritesRowsInBulk1763900004900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ledger_entry_account_idx');
    await runner.query(
      'CREATE INDEX ledger_entry_entity_account_idx ON ledger_entry (account) WHERE household_id IS NULL',
    );
    await runner.query('ALTER TABLE ledger_entry ALTER COLUMN id SET CACHE 1000');

    await runner.query('ALTER TABLE payout DROP CONSTRAINT payout_retry_of_fkey');
    await runner.query(`
      CREATE OR REPLACE FUNCTION payout_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE refs record;
      BEGIN
        -- One pass over the statement's new rows; a posting's millions of payouts share one group.
        FOR refs IN SELECT DISTINCT distribution_id, batch_id, retry_of FROM new_payouts LOOP
          PERFORM 1 FROM distribution WHERE id = refs.distribution_id FOR KEY SHARE;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'payout refers to distribution %, which does not exist', refs.distribution_id
              USING ERRCODE = 'foreign_key_violation';
          END IF;
          IF refs.batch_id IS NOT NULL THEN
            PERFORM 1 FROM payout_batch WHERE id = refs.batch_id FOR KEY SHARE;
            IF NOT FOUND THEN
              RAISE EXCEPTION 'payout refers to payout batch %, which does not exist', refs.batch_id
                USING ERRCODE = 'foreign_key_violation';
            END IF;
          END IF;
          IF refs.retry_of IS NOT NULL THEN
            PERFORM 1 FROM payout WHERE id = refs.retry_of FOR KEY SHARE;
            IF NOT FOUND THEN
              RAISE EXCEPTION 'payout retries payout %, which does not exist', refs.retry_of
                USING ERRCODE = 'foreign_key_violation';
            END IF;
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
    // Parent side of retry_of (what ON DELETE/UPDATE NO ACTION did).
    await runner.query(`
      CREATE FUNCTION payout_kept_while_retry_refers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id)
           AND EXISTS (SELECT 1 FROM payout WHERE retry_of = OLD.id) THEN
          RAISE EXCEPTION 'payout % is still referenced from payout (retry_of)', OLD.id
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await runner.query(`
      CREATE TRIGGER payout_kept_while_retry_refers BEFORE DELETE OR UPDATE OF id ON payout
      FOR EACH ROW EXECUTE FUNCTION payout_kept_while_retry_refers()`);

    await runner.query(`
      CREATE OR REPLACE FUNCTION ledger_entry_transaction_exists() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE tx uuid;
      BEGIN
        FOR tx IN SELECT DISTINCT transaction_id FROM new_entries LOOP
          PERFORM 1 FROM ledger_transaction WHERE id = tx FOR KEY SHARE;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'ledger entry refers to ledger transaction %, which does not exist', tx
              USING ERRCODE = 'foreign_key_violation';
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    // The function bodies of 1763900004003, restored.
    await runner.query(`
      CREATE OR REPLACE FUNCTION ledger_entry_transaction_exists() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE missing uuid;
      BEGIN
        PERFORM 1 FROM ledger_transaction WHERE id IN (SELECT DISTINCT transaction_id FROM new_entries) FOR KEY SHARE;
        SELECT n.id INTO missing FROM (SELECT DISTINCT transaction_id AS id FROM new_entries) n
          WHERE NOT EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.id = n.id) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'ledger entry refers to ledger transaction %, which does not exist', missing
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION payout_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE missing uuid;
      BEGIN
        PERFORM 1 FROM distribution WHERE id IN (SELECT DISTINCT distribution_id FROM new_payouts) FOR KEY SHARE;
        SELECT n.id INTO missing FROM (SELECT DISTINCT distribution_id AS id FROM new_payouts) n
          WHERE NOT EXISTS (SELECT 1 FROM distribution d WHERE d.id = n.id) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'payout refers to distribution %, which does not exist', missing
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        PERFORM 1 FROM payout_batch WHERE id IN (SELECT DISTINCT batch_id FROM new_payouts) FOR KEY SHARE;
        SELECT n.id INTO missing FROM (SELECT DISTINCT batch_id AS id FROM new_payouts WHERE batch_id IS NOT NULL) n
          WHERE NOT EXISTS (SELECT 1 FROM payout_batch b WHERE b.id = n.id) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'payout refers to payout batch %, which does not exist', missing
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query('DROP TRIGGER IF EXISTS payout_kept_while_retry_refers ON payout');
    await runner.query('DROP FUNCTION IF EXISTS payout_kept_while_retry_refers()');
    await runner.query(
      'ALTER TABLE payout ADD CONSTRAINT payout_retry_of_fkey FOREIGN KEY (retry_of) REFERENCES payout (id)',
    );
    await runner.query('ALTER TABLE ledger_entry ALTER COLUMN id SET CACHE 1');
    await runner.query('DROP INDEX IF EXISTS ledger_entry_entity_account_idx');
    await runner.query('CREATE INDEX ledger_entry_account_idx ON ledger_entry (account, household_id)');
  }
}
