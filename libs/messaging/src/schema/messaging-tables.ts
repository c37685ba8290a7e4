import { QueryRunner } from 'typeorm';

/** The LISTEN/NOTIFY channel the relay wakes up on when a row lands in the outbox. */
export const OUTBOX_CHANNEL = 'outbox_appended';

/**
 * Creates the outbox, inbox and dead-letter tables a service needs to take part in messaging.
 * Each service calls this from a migration of its own, so the tables live in its database.
 */
export async function createMessagingTables(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      message_key text NOT NULL,
      event_type text NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      published_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
  // The relay reads unsent rows in id order; a partial index keeps that cheap however big the table grows.
  await runner.query('CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE published_at IS NULL');
  await runner.query(`
    CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
      RETURN NULL;
    END $$`);
  // Per statement, and NOTIFY is delivered at commit: one wake-up per transaction, never before the row is visible.
  await runner.query(`
    CREATE TRIGGER outbox_appended AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);

  await runner.query(`
    CREATE TABLE inbox (
      event_id uuid NOT NULL,
      consumer text NOT NULL,
      event_type text NOT NULL,
      topic text NOT NULL,
      kafka_partition integer NOT NULL,
      kafka_offset bigint NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (event_id, consumer)
    )`);

  await runner.query(`
    CREATE TABLE dead_letter (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      consumer text NOT NULL,
      topic text NOT NULL,
      kafka_partition integer NOT NULL,
      kafka_offset bigint NOT NULL,
      message_key text,
      event_id uuid,
      event_type text,
      raw_value text NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      reason text NOT NULL CHECK (reason IN ('invalid', 'failed')),
      error text NOT NULL,
      attempts integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replayed', 'discarded')),
      resolved_at timestamptz,
      resolved_by text,
      resolution_note text,
      UNIQUE (consumer, topic, kafka_partition, kafka_offset)
    )`);
  await runner.query(`CREATE INDEX dead_letter_open_idx ON dead_letter (created_at) WHERE status = 'open'`);
}

/** Drops what {@link createMessagingTables} made (for a migration's `down`). */
export async function dropMessagingTables(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TABLE IF EXISTS dead_letter');
  await runner.query('DROP TABLE IF EXISTS inbox');
  await runner.query('DROP TABLE IF EXISTS outbox');
  await runner.query('DROP FUNCTION IF EXISTS outbox_notify()');
}
