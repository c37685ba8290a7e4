import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk posting, third pass (bench/dividends: 4M households). A ledger transaction keeps the count
 * and the sum of its entries, added up once per INSERT/COPY statement by the statement-level
 * trigger that already checks the entries' transaction (one GROUP BY over the statement's new
 * rows, which also locks the transaction row). Then:
 *
 * - the deferred balance check at commit reads that one row instead of summing millions of
 *   entries (through an index that every entry had to be written into);
 * - `ledger_entry_tx_idx (transaction_id)` is dropped: no query of the service reads entries by
 *   their transaction (the balance check was its only reader), and it was written for every entry;
 * - a ledger transaction that has entries cannot be deleted nor its id changed (as before), now
 *   decided by its count instead of a look-up in the entries.
 *
 * The totals follow the entries only: entries are append-only (no UPDATE, DELETE), every INSERT
 * into `ledger_entry` adds to them, and they cannot be set by hand (not at insert, not by an UPDATE
 * that is not the entries' trigger), so a transaction cannot be made to look balanced.
 */
export class LedgerTransactionsKeepTheirTotals1763900005000 implements MigrationInterface {
  name = 'LedgerTransactionsKeepTheirTotals1763900005000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE ledger_transaction
        ADD COLUMN entry_count bigint NOT NULL DEFAULT 0,
        ADD COLUMN balance_fen numeric NOT NULL DEFAULT 0`);
    await runner.query(`
      UPDATE ledger_transaction t SET entry_count = e.entries, balance_fen = e.total
      FROM (SELECT transaction_id, count(*) AS entries, sum(amount_fen) AS total
            FROM ledger_entry GROUP BY transaction_id) e
      WHERE e.transaction_id = t.id`);

    await runner.query(`
      CREATE FUNCTION ledger_transaction_totals_follow_entries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Depth 1: a statement on ledger_transaction itself; the entries' trigger updates at depth 2.
        IF TG_OP = 'INSERT' AND (NEW.entry_count <> 0 OR NEW.balance_fen <> 0)
           OR TG_OP = 'UPDATE' AND pg_trigger_depth() < 2
              AND (NEW.entry_count, NEW.balance_fen) IS DISTINCT FROM (OLD.entry_count, OLD.balance_fen) THEN
          RAISE EXCEPTION 'the totals of ledger transaction % follow its entries and cannot be set', NEW.id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER ledger_transaction_totals_follow_entries
      BEFORE INSERT OR UPDATE OF entry_count, balance_fen ON ledger_transaction
      FOR EACH ROW EXECUTE FUNCTION ledger_transaction_totals_follow_entries()`);

    await runner.query(`
      CREATE OR REPLACE FUNCTION ledger_entry_transaction_exists() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE tx record;
      BEGIN
        -- One pass over the statement's new rows; a posting's millions of entries share one group.
        -- The UPDATE locks the transaction row, so it cannot be deleted concurrently.
        FOR tx IN SELECT transaction_id, count(*) AS entries, sum(amount_fen) AS total
                  FROM new_entries GROUP BY transaction_id LOOP
          UPDATE ledger_transaction
             SET entry_count = entry_count + tx.entries, balance_fen = balance_fen + tx.total
           WHERE id = tx.transaction_id;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'ledger entry refers to ledger transaction %, which does not exist', tx.transaction_id
              USING ERRCODE = 'foreign_key_violation';
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total numeric; entries bigint;
      BEGIN
        SELECT balance_fen, entry_count INTO total, entries FROM ledger_transaction WHERE id = NEW.id;
        total := coalesce(total, 0); -- deleted again in the same transaction: no entries
        entries := coalesce(entries, 0);
        IF total <> 0 OR entries < 2 THEN
          RAISE EXCEPTION 'ledger transaction % does not balance (% over % entries)', NEW.id, total, entries
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION ledger_transaction_kept_while_ledger_entry_refers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id) AND OLD.entry_count > 0 THEN
          RAISE EXCEPTION 'ledger_transaction % is still referenced from ledger_entry', OLD.id
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await runner.query('DROP INDEX ledger_entry_tx_idx');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX ledger_entry_tx_idx ON ledger_entry (transaction_id)');
    await runner.query(`
      CREATE OR REPLACE FUNCTION ledger_transaction_kept_while_ledger_entry_refers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id)
           AND EXISTS (SELECT 1 FROM ledger_entry WHERE transaction_id = OLD.id) THEN
          RAISE EXCEPTION 'ledger_transaction % is still referenced from ledger_entry', OLD.id
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
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
    // The function body of 1763900004900, restored.
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
    await runner.query(
      'DROP TRIGGER IF EXISTS ledger_transaction_totals_follow_entries ON ledger_transaction',
    );
    await runner.query('DROP FUNCTION IF EXISTS ledger_transaction_totals_follow_entries()');
    await runner.query('ALTER TABLE ledger_transaction DROP COLUMN balance_fen, DROP COLUMN entry_count');
  }
}
