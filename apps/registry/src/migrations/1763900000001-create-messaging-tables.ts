import { createMessagingTables, dropMessagingTables } from '@fupin/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox, inbox and dead letters: how the registry service publishes and consumes events. */
export class CreateMessagingTables1763900000001 implements MigrationInterface {
  name = 'CreateMessagingTables1763900000001';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner);
  }
}
