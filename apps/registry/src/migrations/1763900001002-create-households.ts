import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Households (建档立卡) with members and an append-only history. ID numbers are kept only masked
 * plus a keyed hash (duplicate detection); bank accounts masked plus AES-256-GCM ciphertext.
 */
export class CreateHouseholds1763900001002 implements MigrationInterface {
  name = 'CreateHouseholds1763900001002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE households (
        id uuid PRIMARY KEY,
        household_number text NOT NULL UNIQUE CHECK (household_number ~ '^[0-9A-Za-z-]{4,32}$'),
        village_code text NOT NULL REFERENCES regions (code) CHECK (length(village_code) = 12),
        group_code text REFERENCES regions (code) CHECK (group_code IS NULL OR left(group_code, 12) = village_code),
        head_name text NOT NULL CHECK (length(btrim(head_name)) BETWEEN 1 AND 32),
        phone text CHECK (phone IS NULL OR phone ~ '^[0-9-]{7,16}$'),
        bank_name text CHECK (bank_name IS NULL OR length(bank_name) <= 64),
        bank_account_masked text,
        bank_account_encrypted text,
        points_card_number text UNIQUE CHECK (points_card_number IS NULL OR points_card_number ~ '^[0-9A-Z]{6,20}$'),
        pin_hash text,
        pin_failures integer NOT NULL DEFAULT 0 CHECK (pin_failures BETWEEN 0 AND 100),
        card_locked_at timestamptz,
        poverty_status text NOT NULL CHECK (poverty_status IN ('not_lifted', 'lifted', 'monitored', 'edge')),
        labour_class text CHECK (labour_class IN ('able', 'weak', 'none')),
        sub_class text CHECK (sub_class IN ('assured', 'lacking', 'exit_ready', 'deep', 'destitute', 'dibao')),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CONSTRAINT households_bank_complete CHECK (
          (bank_account_masked IS NULL) = (bank_account_encrypted IS NULL) AND
          (bank_account_masked IS NULL) = (bank_name IS NULL)),
        CONSTRAINT households_sub_class_in_class CHECK (
          (labour_class IS NULL AND sub_class IS NULL) OR
          (labour_class = 'able' AND sub_class IN ('assured', 'lacking')) OR
          (labour_class = 'weak' AND sub_class IN ('exit_ready', 'deep')) OR
          (labour_class = 'none' AND sub_class IN ('destitute', 'dibao')))
      )`);
    await runner.query('CREATE INDEX households_village_idx ON households (village_code text_pattern_ops)');
    await runner.query('CREATE INDEX households_head_name_idx ON households (head_name)');

    await runner.query(`
      CREATE TABLE household_members (
        id uuid PRIMARY KEY,
        household_id uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 0 AND 99),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 32),
        relation text NOT NULL CHECK (relation IN ('head', 'spouse', 'child', 'child_in_law', 'grandchild', 'parent', 'sibling', 'other')),
        id_number_masked text CHECK (id_number_masked IS NULL OR id_number_masked ~ '^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$'),
        id_number_hash text CHECK (id_number_hash IS NULL OR id_number_hash ~ '^[0-9a-f]{64}$'),
        birth_year smallint NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
        labour_capacity text NOT NULL CHECK (labour_capacity IN ('full', 'weak', 'none')),
        disability text CHECK (disability IS NULL OR length(disability) <= 64),
        UNIQUE (household_id, position),
        CONSTRAINT household_members_id_complete CHECK ((id_number_masked IS NULL) = (id_number_hash IS NULL))
      )`);
    // One person is registered in one household only, wherever in the county.
    await runner.query(`
      CREATE UNIQUE INDEX household_members_id_number_uq ON household_members (id_number_hash)
      WHERE id_number_hash IS NOT NULL`);
    await runner.query(`
      CREATE UNIQUE INDEX household_members_one_head_uq ON household_members (household_id) WHERE relation = 'head'`);

    await runner.query(`
      CREATE TABLE household_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        household_id uuid NOT NULL REFERENCES households (id),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        change text NOT NULL CHECK (change IN ('registered', 'updated', 'classified', 'status_changed', 'pin_set',
          'card_locked', 'card_unlocked')),
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        actor_name text,
        reason text,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await runner.query(
      'CREATE INDEX household_history_household_idx ON household_history (household_id, id)',
    );
    await runner.query(`
      CREATE TRIGGER household_history_append_only BEFORE UPDATE OR DELETE ON household_history
      FOR EACH ROW EXECUTE FUNCTION registry_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS household_history');
    await runner.query('DROP TABLE IF EXISTS household_members');
    await runner.query('DROP TABLE IF EXISTS households');
  }
}
