import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kiosk devices registered to a love supermarket (device secret stored as a SHA-256 hash; it is 256
 * random bits, so a slow hash adds nothing) and the villagers' sessions on them.
 */
export class CreateKiosks1763900001004 implements MigrationInterface {
  name = 'CreateKiosks1763900001004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE kiosks (
        id uuid PRIMARY KEY,
        store_id uuid NOT NULL REFERENCES organisations (id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 64),
        credential_hash text NOT NULL CHECK (credential_hash ~ '^[0-9a-f]{64}$'),
        credential_issued_at timestamptz NOT NULL DEFAULT now(),
        active boolean NOT NULL DEFAULT true,
        last_sign_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        UNIQUE (store_id, name)
      )`);
    await runner.query(`
      CREATE TABLE kiosk_sessions (
        id uuid PRIMARY KEY,
        kiosk_id uuid NOT NULL REFERENCES kiosks (id),
        household_id uuid NOT NULL REFERENCES households (id),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        end_reason text CHECK (end_reason IS NULL OR end_reason IN ('signed_out', 'replaced', 'card_locked')),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      )`);
    await runner.query(
      'CREATE INDEX kiosk_sessions_open_idx ON kiosk_sessions (kiosk_id) WHERE ended_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS kiosk_sessions');
    await runner.query('DROP TABLE IF EXISTS kiosks');
  }
}
