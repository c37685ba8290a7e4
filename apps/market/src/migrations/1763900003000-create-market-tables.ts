import { createIdempotencyTable, dropIdempotencyTable } from '@fupin/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The market's own tables: the network read model (from registry events), procurement and lots,
 * catalogue and stock, allowances, orders and payments, settlement. Stock, allowance balances and
 * amounts carry CHECKs so that no code path can oversell or overspend.
 */
export class CreateMarketTables1763900003000 implements MigrationInterface {
  name = 'CreateMarketTables1763900003000';

  async up(runner: QueryRunner): Promise<void> {
    await createIdempotencyTable(runner);
    await runner.query(`
      CREATE TABLE network_organisation (
        id uuid PRIMARY KEY, type text NOT NULL, name text NOT NULL, region_code text NOT NULL,
        village_code text, active boolean NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`
      CREATE TABLE network_household (
        id uuid PRIMARY KEY, household_number text NOT NULL, head_name text NOT NULL,
        village_code text NOT NULL, bank_account_masked text, version integer NOT NULL)`);
    await runner.query(`
      CREATE TABLE lot (
        id uuid PRIMARY KEY, trace_code text NOT NULL UNIQUE, produce text NOT NULL, grade text NOT NULL,
        weight_grams integer NOT NULL CHECK (weight_grams >= 0),
        location_id uuid REFERENCES network_organisation (id),
        status text NOT NULL CHECK (status IN ('at_location', 'in_transit', 'stocked', 'split', 'merged')),
        created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`
      CREATE TABLE lot_lineage (
        lot_id uuid NOT NULL REFERENCES lot (id), source_lot_id uuid NOT NULL REFERENCES lot (id),
        weight_grams integer NOT NULL CHECK (weight_grams > 0), PRIMARY KEY (lot_id, source_lot_id))`);
    await runner.query(`
      CREATE TABLE lot_household (
        lot_id uuid NOT NULL REFERENCES lot (id), household_id uuid NOT NULL REFERENCES network_household (id),
        weight_grams integer NOT NULL CHECK (weight_grams > 0), paid_fen_per_kg bigint NOT NULL,
        PRIMARY KEY (lot_id, household_id))`);
    await runner.query(`
      CREATE TABLE purchase (
        id uuid PRIMARY KEY, collection_point_id uuid NOT NULL REFERENCES network_organisation (id),
        household_id uuid NOT NULL REFERENCES network_household (id), produce text NOT NULL, grade text NOT NULL,
        weight_grams integer NOT NULL CHECK (weight_grams > 0),
        unit_price_fen_per_kg bigint NOT NULL CHECK (unit_price_fen_per_kg > 0),
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0), weigh_slip_number text NOT NULL UNIQUE,
        lot_id uuid NOT NULL UNIQUE REFERENCES lot (id), collector_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`
      CREATE TABLE lot_transfer (
        id uuid PRIMARY KEY, lot_id uuid NOT NULL REFERENCES lot (id),
        from_id uuid NOT NULL REFERENCES network_organisation (id), to_id uuid NOT NULL REFERENCES network_organisation (id),
        sent_grams integer NOT NULL CHECK (sent_grams > 0), received_grams integer CHECK (received_grams >= 0),
        loss_reason text, status text NOT NULL CHECK (status IN ('sent', 'received')),
        sent_by text NOT NULL, received_by text, sent_at timestamptz NOT NULL DEFAULT now(), received_at timestamptz,
        CHECK (received_grams IS NULL OR received_grams <= sent_grams),
        CHECK (received_grams IS NULL OR received_grams = sent_grams OR loss_reason IS NOT NULL))`);
    await runner.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY, sku text NOT NULL UNIQUE, name text NOT NULL, spec text NOT NULL,
        package_description text NOT NULL, retail_price_fen bigint NOT NULL CHECK (retail_price_fen > 0),
        picture_url text, category text NOT NULL, origin_village_code text NOT NULL,
        available integer NOT NULL DEFAULT 0 CHECK (available >= 0), created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query('CREATE INDEX product_category_idx ON product (category, name)');
    await runner.query(`
      CREATE TABLE stock (
        id uuid PRIMARY KEY, product_id uuid NOT NULL REFERENCES product (id), lot_id uuid NOT NULL REFERENCES lot (id),
        quantity integer NOT NULL CHECK (quantity >= 0), packed_quantity integer NOT NULL CHECK (packed_quantity > 0),
        created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (product_id, lot_id))`);
    await runner.query('CREATE INDEX stock_fifo_idx ON stock (product_id, created_at) WHERE quantity > 0');
    await runner.query(`
      CREATE TABLE allowance_wallet (
        id uuid PRIMARY KEY, buyer_id text NOT NULL, work_unit_id uuid NOT NULL, year integer NOT NULL,
        granted_fen bigint NOT NULL CHECK (granted_fen >= 0), balance_fen bigint NOT NULL CHECK (balance_fen >= 0),
        expires_at timestamptz NOT NULL, UNIQUE (buyer_id, year), CHECK (balance_fen <= granted_fen))`);
    await runner.query(`
      CREATE TABLE allowance_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, wallet_id uuid NOT NULL REFERENCES allowance_wallet (id),
        kind text NOT NULL CHECK (kind IN ('grant', 'spend', 'return')), amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        order_id uuid, created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`
      CREATE TABLE market_order (
        id uuid PRIMARY KEY, order_number text NOT NULL UNIQUE, buyer_id text NOT NULL, work_unit_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('pending_payment', 'payment_failed', 'paid', 'picking', 'ready', 'accepted', 'cancelled')),
        fulfilment text NOT NULL, total_fen bigint NOT NULL CHECK (total_fen > 0),
        allowance_fen bigint NOT NULL CHECK (allowance_fen >= 0), card_fen bigint NOT NULL CHECK (card_fen >= 0),
        refunded_fen bigint NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0 AND refunded_fen <= total_fen),
        payment_method text, payment_intent_id text UNIQUE, failure_reason text,
        reserved_until timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
        paid_at timestamptz, accepted_at timestamptz, cancelled_at timestamptz,
        CHECK (allowance_fen + card_fen = total_fen))`);
    await runner.query('CREATE INDEX market_order_buyer_idx ON market_order (buyer_id, created_at DESC)');
    await runner.query(
      `CREATE INDEX market_order_pending_idx ON market_order (reserved_until) WHERE status = 'pending_payment'`,
    );
    await runner.query(`
      CREATE TABLE order_line (
        id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES market_order (id), product_id uuid NOT NULL REFERENCES product (id),
        product_name text NOT NULL, quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_fen bigint NOT NULL CHECK (unit_price_fen > 0), amount_fen bigint NOT NULL CHECK (amount_fen > 0))`);
    await runner.query(`
      CREATE TABLE order_line_lot (
        order_line_id uuid NOT NULL REFERENCES order_line (id), stock_id uuid NOT NULL REFERENCES stock (id),
        lot_id uuid NOT NULL REFERENCES lot (id), quantity integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (order_line_id, stock_id))`);
    await runner.query(`
      CREATE TABLE order_refund (
        id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES market_order (id),
        card_fen bigint NOT NULL CHECK (card_fen >= 0), allowance_fen bigint NOT NULL CHECK (allowance_fen >= 0),
        reason text NOT NULL, stripe_refund_id text, created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`
      CREATE TABLE stripe_event (id text PRIMARY KEY, type text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`
      CREATE TABLE settlement (
        id uuid PRIMARY KEY, total_fen bigint NOT NULL CHECK (total_fen >= 0), order_count integer NOT NULL,
        created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`
      CREATE TABLE sale_attribution (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id uuid NOT NULL REFERENCES market_order (id),
        lot_id uuid NOT NULL REFERENCES lot (id), household_id uuid NOT NULL REFERENCES network_household (id),
        village_code text NOT NULL, work_unit_id uuid NOT NULL, amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        settlement_id uuid REFERENCES settlement (id), created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(
      'CREATE INDEX sale_attribution_unsettled_idx ON sale_attribution (id) WHERE settlement_id IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'sale_attribution',
      'settlement',
      'stripe_event',
      'order_refund',
      'order_line_lot',
      'order_line',
      'market_order',
      'allowance_entry',
      'allowance_wallet',
      'stock',
      'product',
      'lot_transfer',
      'purchase',
      'lot_household',
      'lot_lineage',
      'lot',
      'network_household',
      'network_organisation',
    ]) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await dropIdempotencyTable(runner);
  }
}
