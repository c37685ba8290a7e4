import { QueryRunner } from 'typeorm';

/**
 * The table where a service records the `platform.ping` events it consumed: the end-to-end
 * check that outbox → Kafka → inbox works, and how long it took.
 */
export async function createDiagnosticsTables(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE diagnostics_ping (
      event_id uuid PRIMARY KEY,
      sender text NOT NULL,
      sequence integer NOT NULL CHECK (sequence >= 0),
      message text NOT NULL,
      occurred_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
  await runner.query('CREATE INDEX diagnostics_ping_received_idx ON diagnostics_ping (received_at DESC)');
}

/** Drops what {@link createDiagnosticsTables} made. */
export async function dropDiagnosticsTables(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TABLE IF EXISTS diagnostics_ping');
}
