import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff users (argon2 password hashes, lockout), their rotating refresh tokens (hashed), and the
 * registry's ES256 signing keys (private half encrypted at rest; public half served as JWKS).
 */
export class CreateUsersAndKeys1763900001003 implements MigrationInterface {
  name = 'CreateUsersAndKeys1763900001003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9._-]{2,31}$'),
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 32),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('county_admin', 'town_admin', 'village_admin', 'store_keeper', 'collector',
          'supermarket_staff', 'buyer', 'coop_accountant', 'auditor')),
        region_code text REFERENCES regions (code),
        organisation_id uuid REFERENCES organisations (id),
        phone text CHECK (phone IS NULL OR phone ~ '^[0-9-]{7,16}$'),
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins BETWEEN 0 AND 100),
        locked_until timestamptz,
        must_change_password boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CONSTRAINT users_one_scope CHECK ((region_code IS NULL) <> (organisation_id IS NULL))
      )`);
    await runner.query('CREATE INDEX users_region_idx ON users (region_code text_pattern_ops)');
    await runner.query('CREATE INDEX users_organisation_idx ON users (organisation_id)');

    await runner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text,
        ip inet,
        user_agent text,
        CHECK (expires_at > issued_at)
      )`);
    await runner.query(
      'CREATE INDEX refresh_tokens_live_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL AND used_at IS NULL',
    );
    await runner.query('CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)');

    await runner.query(`
      CREATE TABLE signing_keys (
        kid text PRIMARY KEY CHECK (kid ~ '^[A-Za-z0-9_-]{8,64}$'),
        algorithm text NOT NULL CHECK (algorithm = 'ES256'),
        public_jwk jsonb NOT NULL,
        private_jwk_encrypted text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz,
        CHECK (retired_at IS NULL OR retired_at >= created_at)
      )`);
    // Exactly one key signs at a time; retired keys stay published until their tokens have expired.
    await runner.query(
      'CREATE UNIQUE INDEX signing_keys_one_active_uq ON signing_keys ((true)) WHERE retired_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS signing_keys');
    await runner.query('DROP TABLE IF EXISTS refresh_tokens');
    await runner.query('DROP TABLE IF EXISTS users');
  }
}
