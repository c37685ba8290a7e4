import { MigrationInterface, QueryRunner } from 'typeorm';

/** Data backfill: distributions posted before their postings entered the fund ledger get their entries. */
export class BackfillFundFlowsOfPostedDistributions1763900004501 implements MigrationInterface {
  name = 'BackfillFundFlowsOfPostedDistributions1763900004501';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `SELECT fund_flows_for_distribution(id) FROM distribution WHERE status = 'posted' ORDER BY posted_at`,
    );
  }

  async down(): Promise<void> {
    // The entries are ledger history; they stay.
  }
}
