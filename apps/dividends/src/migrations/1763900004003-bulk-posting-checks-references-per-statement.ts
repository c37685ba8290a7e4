import { MigrationInterface, QueryRunner } from 'typeorm';

/** A child column whose parent row is checked once per statement instead of once per row. */
const references = [
  {
    child: 'payout',
    column: 'distribution_id',
    parent: 'distribution',
    constraint: 'payout_distribution_id_fkey',
  },
  { child: 'payout', column: 'batch_id', parent: 'payout_batch', constraint: 'payout_batch_id_fkey' },
  {
    child: 'ledger_entry',
    column: 'transaction_id',
    parent: 'ledger_transaction',
    constraint: 'ledger_entry_transaction_id_fkey',
  },
] as const;

/**
 * Bulk posting: a distribution's posting COPYs millions of payouts and ledger entries in one
 * transaction. Per-row foreign-key checks cost as much as the rows themselves there (every row
 * queues an RI trigger event that looks up and key-share-locks the same one or two parent rows), so
 * these three references are enforced per statement instead, with the same guarantees:
 *
 * - child side: after each INSERT/UPDATE statement, the distinct parent ids of the new rows are
 *   key-share-locked (as a foreign key does, so they cannot be deleted concurrently) and must all
 *   exist, else the statement fails with foreign_key_violation;
 * - parent side: a parent row still referenced cannot be deleted, nor its id changed.
 *
 * Also, payout ids default to uuidv7() (PostgreSQL 18, time-ordered), so a posting can COPY its
 * payouts without sending ids: millions of rows append to the primary-key index in arrival order.
 */
export class BulkPostingChecksReferencesPerStatement1763900004003 implements MigrationInterface {
  name = 'BulkPostingChecksReferencesPerStatement1763900004003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE payout ALTER COLUMN id SET DEFAULT uuidv7()');
    for (const r of references) await runner.query(`ALTER TABLE ${r.child} DROP CONSTRAINT ${r.constraint}`);

    await runner.query(`
      CREATE FUNCTION payout_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
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
    for (const event of ['INSERT', 'UPDATE'])
      await runner.query(`
        CREATE TRIGGER payout_references_exist_on_${event.toLowerCase()} AFTER ${event} ON payout
        REFERENCING NEW TABLE AS new_payouts FOR EACH STATEMENT EXECUTE FUNCTION payout_references_exist()`);

    // Ledger entries are append-only (no UPDATE), so only inserts are checked.
    await runner.query(`
      CREATE FUNCTION ledger_entry_transaction_exists() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE TRIGGER ledger_entry_transaction_exists AFTER INSERT ON ledger_entry
      REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_transaction_exists()`);

    // Parent side (what ON DELETE/UPDATE NO ACTION did): a referenced row stays.
    for (const r of references) {
      await runner.query(`
        CREATE FUNCTION ${r.parent}_kept_while_${r.child}_refers() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id)
             AND EXISTS (SELECT 1 FROM ${r.child} WHERE ${r.column} = OLD.id) THEN
            RAISE EXCEPTION '${r.parent} % is still referenced from ${r.child}', OLD.id
              USING ERRCODE = 'foreign_key_violation';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$`);
      await runner.query(`
        CREATE TRIGGER ${r.parent}_kept_while_${r.child}_refers BEFORE DELETE OR UPDATE OF id ON ${r.parent}
        FOR EACH ROW EXECUTE FUNCTION ${r.parent}_kept_while_${r.child}_refers()`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const r of references) {
      await runner.query(`DROP TRIGGER IF EXISTS ${r.parent}_kept_while_${r.child}_refers ON ${r.parent}`);
      await runner.query(`DROP FUNCTION IF EXISTS ${r.parent}_kept_while_${r.child}_refers()`);
    }
    await runner.query('DROP TRIGGER IF EXISTS ledger_entry_transaction_exists ON ledger_entry');
    await runner.query('DROP FUNCTION IF EXISTS ledger_entry_transaction_exists()');
    await runner.query('DROP TRIGGER IF EXISTS payout_references_exist_on_insert ON payout');
    await runner.query('DROP TRIGGER IF EXISTS payout_references_exist_on_update ON payout');
    await runner.query('DROP FUNCTION IF EXISTS payout_references_exist()');
    for (const r of references)
      await runner.query(
        `ALTER TABLE ${r.child} ADD CONSTRAINT ${r.constraint} FOREIGN KEY (${r.column}) REFERENCES ${r.parent} (id)`,
      );
    await runner.query('ALTER TABLE payout ALTER COLUMN id DROP DEFAULT');
  }
}
