import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Points standards (积分标准, versioned), monthly award sheets with their public notice (公示) and
 * objections, the blacklist (红十条), love-supermarket goods and their stock ledger, donations and
 * redemption receipts. Stock can never go below zero (CHECK); stock movements are append-only.
 */
export class CreateAwardsAndStores1763900002001 implements MigrationInterface {
  name = 'CreateAwardsAndStores1763900002001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rule_set (
        id uuid PRIMARY KEY,
        village_code text NOT NULL,
        version integer NOT NULL,
        effective_from date NOT NULL,
        monthly_base bigint NOT NULL CHECK (monthly_base >= 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (village_code, version)
      )`);
    await runner.query(`
      CREATE TABLE rule_item (
        id uuid PRIMARY KEY,
        rule_set_id uuid NOT NULL REFERENCES rule_set (id),
        code text NOT NULL,
        name text NOT NULL,
        points bigint NOT NULL CHECK (points <> 0),
        max_per_month integer NOT NULL CHECK (max_per_month >= 1),
        yearly_cap bigint CHECK (yearly_cap > 0),
        UNIQUE (rule_set_id, code)
      )`);
    await runner.query(`
      CREATE TABLE award_sheet (
        id uuid PRIMARY KEY,
        village_code text NOT NULL,
        period text NOT NULL,
        rule_set_id uuid NOT NULL REFERENCES rule_set (id),
        status text NOT NULL CHECK (status IN ('draft', 'notice', 'approved')),
        notice_token text UNIQUE,
        notice_starts_at timestamptz,
        notice_ends_at timestamptz,
        created_by text NOT NULL,
        submitted_by text,
        approved_by text,
        approved_at timestamptz,
        entry_id uuid REFERENCES journal_entry (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (village_code, period)
      )`);
    await runner.query(`
      CREATE TABLE award_line (
        id uuid PRIMARY KEY,
        sheet_id uuid NOT NULL REFERENCES award_sheet (id),
        household_id uuid NOT NULL REFERENCES household_view (id),
        item_id uuid NOT NULL REFERENCES rule_item (id),
        count integer NOT NULL CHECK (count >= 1),
        points bigint NOT NULL,
        note text,
        UNIQUE (sheet_id, household_id, item_id)
      )`);
    await runner.query('CREATE INDEX award_line_household_idx ON award_line (household_id)');
    await runner.query(`
      CREATE TABLE objection (
        id uuid PRIMARY KEY,
        sheet_id uuid NOT NULL REFERENCES award_sheet (id),
        line_id uuid,
        filed_by text NOT NULL,
        filed_role text NOT NULL,
        text text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'upheld', 'dismissed')),
        resolution text,
        resolved_by text,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX objection_sheet_idx ON objection (sheet_id, status)');
    await runner.query(`
      CREATE TABLE blacklist_entry (
        id uuid PRIMARY KEY,
        household_id uuid NOT NULL REFERENCES household_view (id),
        village_code text NOT NULL,
        reason text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        blocks_redemption boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('proposed', 'active', 'revoked')),
        proposed_by text NOT NULL,
        approved_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX blacklist_household_idx ON blacklist_entry (household_id, status)');

    await runner.query(`
      CREATE TABLE goods (
        id uuid PRIMARY KEY,
        store_id uuid NOT NULL REFERENCES store_view (id),
        name text NOT NULL,
        picture_url text,
        unit text NOT NULL,
        price_points bigint NOT NULL CHECK (price_points > 0),
        quantity integer NOT NULL DEFAULT 0 CONSTRAINT stock_never_negative CHECK (quantity >= 0),
        low_stock_threshold integer NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (store_id, name)
      )`);
    await runner.query(`
      CREATE TABLE donation (
        id uuid PRIMARY KEY,
        receipt_number text NOT NULL UNIQUE,
        store_id uuid NOT NULL REFERENCES store_view (id),
        donor_name text NOT NULL,
        donor_contact text,
        declared_value_fen bigint NOT NULL CHECK (declared_value_fen >= 0),
        lines jsonb NOT NULL,
        operator_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE redemption (
        id uuid PRIMARY KEY,
        receipt_number text NOT NULL UNIQUE,
        household_id uuid NOT NULL REFERENCES household_view (id),
        store_id uuid NOT NULL REFERENCES store_view (id),
        total_points bigint NOT NULL CHECK (total_points > 0),
        lines jsonb NOT NULL,
        entry_id uuid NOT NULL REFERENCES journal_entry (id),
        balance_after bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('completed', 'voided')),
        void_entry_id uuid REFERENCES journal_entry (id),
        void_reason text,
        voided_by text,
        voided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX redemption_household_idx ON redemption (household_id, created_at)');
    await runner.query(`
      CREATE TABLE stock_movement (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        goods_id uuid NOT NULL REFERENCES goods (id),
        store_id uuid NOT NULL REFERENCES store_view (id),
        kind text NOT NULL CHECK (kind IN ('donation', 'purchase', 'adjustment', 'redemption', 'void')),
        quantity_delta integer NOT NULL CHECK (quantity_delta <> 0),
        reason text,
        donation_id uuid REFERENCES donation (id),
        redemption_id uuid REFERENCES redemption (id),
        value_fen bigint,
        operator_id text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX stock_movement_goods_idx ON stock_movement (goods_id, id)');
    await runner.query(`
      CREATE TRIGGER stock_movement_append_only BEFORE UPDATE OR DELETE ON stock_movement
      FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
    await runner.query('CREATE SEQUENCE receipt_number_seq');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SEQUENCE IF EXISTS receipt_number_seq');
    for (const table of [
      'stock_movement',
      'redemption',
      'donation',
      'goods',
      'blacklist_entry',
      'objection',
      'award_line',
      'award_sheet',
      'rule_item',
      'rule_set',
    ]) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
