import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refund after acceptance is attributed back to the households of the sale as negative rows, so
 * settlement and the 消费扶贫台账 count what was really bought. A sale row is never negative, a
 * refund row never positive, and a refund row names its refund.
 */
export class RefundsNetAgainstSales1763900003500 implements MigrationInterface {
  name = 'RefundsNetAgainstSales1763900003500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE sale_attribution
        ADD COLUMN kind text NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'refund')),
        ADD COLUMN refund_id uuid REFERENCES order_refund (id),
        DROP CONSTRAINT sale_attribution_amount_fen_check,
        ADD CONSTRAINT sale_attribution_sign_check CHECK (
          (kind = 'sale' AND amount_fen >= 0 AND refund_id IS NULL)
          OR (kind = 'refund' AND amount_fen <= 0 AND refund_id IS NOT NULL))`);
    await runner.query('CREATE INDEX sale_attribution_order_idx ON sale_attribution (order_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX sale_attribution_order_idx');
    await runner.query(`DELETE FROM sale_attribution WHERE kind = 'refund'`);
    await runner.query(`
      ALTER TABLE sale_attribution DROP CONSTRAINT sale_attribution_sign_check,
        DROP COLUMN refund_id, DROP COLUMN kind,
        ADD CONSTRAINT sale_attribution_amount_fen_check CHECK (amount_fen >= 0)`);
  }
}
