import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an order started picking and when it was ready, so the buyer's timeline and the staff's
 * lists show every step's time. Orders already past those steps get their times from the audit
 * log, which recorded each step.
 */
export class OrderPickingAndReadyTimes1763900003510 implements MigrationInterface {
  name = 'OrderPickingAndReadyTimes1763900003510';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE market_order ADD COLUMN picking_at timestamptz, ADD COLUMN ready_at timestamptz');
    await runner.query(`
      UPDATE market_order o SET
        picking_at = (SELECT min(a.occurred_at) FROM audit_log a
                      WHERE a.target_type = 'order' AND a.target_id = o.id::text AND a.action = 'market.order.picking'),
        ready_at = (SELECT min(a.occurred_at) FROM audit_log a
                    WHERE a.target_type = 'order' AND a.target_id = o.id::text AND a.action = 'market.order.ready')
      WHERE o.status IN ('picking', 'ready', 'accepted')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE market_order DROP COLUMN picking_at, DROP COLUMN ready_at');
  }
}
