import { createAuditLogTable, dropAuditLogTable } from '@fupin/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only record of who changed what in the dividends service. */
export class CreateAuditLog1763900000000 implements MigrationInterface {
  name = 'CreateAuditLog1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await createAuditLogTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropAuditLogTable(runner);
  }
}
