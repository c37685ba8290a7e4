import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk posting, third pass (bench/dividends: 4M households). `payout_distribution_idx
 * (distribution_id, status)` was written for every one of a posting's millions of payouts (about a
 * third of the payout COPY's cost on the database backend), with the same key for all of them.
 * A posting puts all its payouts in its batch, so they are found through `payout_batch_idx`
 * (batch_id) instead; only the payouts not yet in a batch (retries) are found by their
 * distribution, through a partial index over those alone, which a posting's rows only test.
 *
 * That is sound because a payout's batch now must belong to the payout's distribution: the
 * per-statement reference check of payouts checks it (share-locking the batch), and a batch that
 * payouts are in cannot move to another distribution. The queries of the service read a
 * distribution's payouts as "in one of its batches, or not in a batch and of it"
 * (PayoutsService.listForDistribution), and a distribution with payouts still cannot be deleted.
 */
export class PayoutsAreFoundThroughTheirBatch1763900005100 implements MigrationInterface {
  name = 'PayoutsAreFoundThroughTheirBatch1763900005100';

  async up(runner: QueryRunner): Promise<void> {
    const [mismatch] = (await runner.query(`
      SELECT p.id FROM payout p JOIN payout_batch b ON b.id = p.batch_id
      WHERE b.distribution_id <> p.distribution_id LIMIT 1`)) as Array<{ id: string }>;
    if (mismatch)
      throw new Error(`payout ${mismatch.id} is in a batch of another distribution; fix the data first`);

    await runner.query(`
      CREATE OR REPLACE FUNCTION payout_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE refs record; batch_distribution uuid;
      BEGIN
        -- One pass over the statement's new rows; a posting's millions of payouts share one group.
        FOR refs IN SELECT DISTINCT distribution_id, batch_id, retry_of FROM new_payouts LOOP
          PERFORM 1 FROM distribution WHERE id = refs.distribution_id FOR KEY SHARE;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'payout refers to distribution %, which does not exist', refs.distribution_id
              USING ERRCODE = 'foreign_key_violation';
          END IF;
          IF refs.batch_id IS NOT NULL THEN
            -- FOR SHARE (not only KEY SHARE): the batch's distribution cannot change under us.
            SELECT distribution_id INTO batch_distribution FROM payout_batch WHERE id = refs.batch_id FOR SHARE;
            IF NOT FOUND THEN
              RAISE EXCEPTION 'payout refers to payout batch %, which does not exist', refs.batch_id
                USING ERRCODE = 'foreign_key_violation';
            END IF;
            IF batch_distribution <> refs.distribution_id THEN
              RAISE EXCEPTION 'payout of distribution % cannot be in payout batch %, which is of distribution %',
                refs.distribution_id, refs.batch_id, batch_distribution
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
    await runner.query(`
      CREATE FUNCTION payout_batch_stays_with_its_distribution() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.distribution_id IS DISTINCT FROM OLD.distribution_id
           AND EXISTS (SELECT 1 FROM payout WHERE batch_id = OLD.id) THEN
          RAISE EXCEPTION 'payout batch % has payouts of distribution % and cannot move', OLD.id, OLD.distribution_id
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER payout_batch_stays_with_its_distribution BEFORE UPDATE OF distribution_id ON payout_batch
      FOR EACH ROW EXECUTE FUNCTION payout_batch_stays_with_its_distribution()`);
    // Parent side of payout.distribution_id: a payout in a batch is found through the batch.
    await runner.query(`
      CREATE OR REPLACE FUNCTION distribution_kept_while_payout_refers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id)
           AND (EXISTS (SELECT 1 FROM payout WHERE distribution_id = OLD.id AND batch_id IS NULL)
                OR EXISTS (SELECT 1 FROM payout_batch b JOIN payout p ON p.batch_id = b.id
                           WHERE b.distribution_id = OLD.id)) THEN
          RAISE EXCEPTION 'distribution % is still referenced from payout', OLD.id
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await runner.query('DROP INDEX payout_distribution_idx');
    await runner.query(
      'CREATE INDEX payout_unbatched_idx ON payout (distribution_id) WHERE batch_id IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS payout_unbatched_idx');
    await runner.query('CREATE INDEX payout_distribution_idx ON payout (distribution_id, status)');
    // The function bodies of 1763900004003 and 1763900004900, restored.
    await runner.query(`
      CREATE OR REPLACE FUNCTION distribution_kept_while_payout_refers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id)
           AND EXISTS (SELECT 1 FROM payout WHERE distribution_id = OLD.id) THEN
          RAISE EXCEPTION 'distribution % is still referenced from payout', OLD.id
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await runner.query('DROP TRIGGER IF EXISTS payout_batch_stays_with_its_distribution ON payout_batch');
    await runner.query('DROP FUNCTION IF EXISTS payout_batch_stays_with_its_distribution()');
    await runner.query(`
      CREATE OR REPLACE FUNCTION payout_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE refs record;
      BEGIN
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
  }
}
