import { MigrationInterface, QueryRunner } from 'typeorm';

const householdFlows = (region: string, lineJoin: string) => `
  CREATE OR REPLACE VIEW fund_flow_all AS
  SELECT f.id, f.source_id, f.parent_id, f.kind, f.from_account, f.to_account, f.to_type, f.to_level,
         f.region_code, f.household_id, f.project_name, f.amount_fen, f.purpose, f.created_by, f.created_at
  FROM fund_flow f
  UNION ALL
  SELECT p.id, r.source_id, r.id, 'dividend', r.to_account, 'household:' || p.household_id || ':dividend',
         'household', NULL, ${region}, p.household_id, NULL, p.amount_fen, '分红：' || d.title,
         'system:distribution-posting', r.created_at
  FROM fund_flow r
  JOIN distribution d ON d.id = r.source_id
  JOIN payout_batch b ON b.distribution_id = d.id
  JOIN payout p ON p.batch_id = b.id AND p.retry_of IS NULL
  ${lineJoin}
  WHERE r.kind = 'dividend' AND r.parent_id IS NULL`;

/**
 * A dividend's household flows (the view `fund_flow_all`, migration 1763900005200) took each
 * household's village from its distribution line, so every question about a posted distribution
 * — the public list of funds, a fund's trace, a page of its households — joined all its payouts
 * to all its lines: 4.9 s for a distribution of 1M households, about 20–30 s for 4M. A payout now
 * carries the village of its line (the posting copies it with the line, a retry from the payout
 * it retries), so the view reads payouts through their batch alone (0.25 s for the same 1M).
 */
export class PayoutsCarryTheirVillage1763900005300 implements MigrationInterface {
  name = 'PayoutsCarryTheirVillage1763900005300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE payout ADD COLUMN village_code text');
    await runner.query(`
      UPDATE payout p SET village_code = l.village_code
      FROM distribution_line l WHERE l.distribution_id = p.distribution_id AND l.household_id = p.household_id`);
    await runner.query(householdFlows('p.village_code', ''));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      householdFlows(
        'l.village_code',
        'JOIN distribution_line l ON l.distribution_id = d.id AND l.household_id = p.household_id',
      ),
    );
    await runner.query('ALTER TABLE payout DROP COLUMN village_code');
  }
}
