import { createDiagnosticsTables, dropDiagnosticsTables } from '@fupin/service-kit';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the registry service records the pings it consumed (end-to-end messaging check). */
export class CreateDiagnosticsTables1763900000002 implements MigrationInterface {
  name = 'CreateDiagnosticsTables1763900000002';

  async up(runner: QueryRunner): Promise<void> {
    await createDiagnosticsTables(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropDiagnosticsTables(runner);
  }
}
