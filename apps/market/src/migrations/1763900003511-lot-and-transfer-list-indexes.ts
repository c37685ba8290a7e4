import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lists a clerk works from: the lots at one place newest first (`GET /lots`), and the
 * transfers to or from one place (`GET /transfers`, the 待收货 list), without reading every lot
 * and transfer of the county.
 */
export class LotAndTransferListIndexes1763900003511 implements MigrationInterface {
  name = 'LotAndTransferListIndexes1763900003511';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX lot_location_idx ON lot (location_id, created_at DESC)');
    await runner.query('CREATE INDEX lot_transfer_to_idx ON lot_transfer (to_id, status, sent_at DESC)');
    await runner.query('CREATE INDEX lot_transfer_from_idx ON lot_transfer (from_id, sent_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX lot_transfer_from_idx');
    await runner.query('DROP INDEX lot_transfer_to_idx');
    await runner.query('DROP INDEX lot_location_idx');
  }
}
