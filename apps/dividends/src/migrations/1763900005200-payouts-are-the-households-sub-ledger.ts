import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A posting wrote each household's dividend three times: a ledger entry on "households payable",
 * a payout and a fund-flow row, about 12 million rows for a county of 4 million households. The
 * payouts are now the one household-level record, and the other two read from them:
 *
 * - Ledger: the posting credits "households payable" once, with the total, as a control account
 *   whose sub-ledger is the posting's payouts. The database checks at commit that each payout
 *   batch holds exactly its stated count and total, and that a posting's payable entry equals
 *   its batch's total, so the control account and the payouts cannot disagree.
 * - Fund flows: a posted distribution still enters the fund ledger as a source with a root flow
 *   and one flow per retained part; the flow to each household is read from its payout through
 *   the view `fund_flow_all` (stored flows plus those), which the fund queries read. The
 *   household flows stored by earlier postings are removed; the view gives the same households,
 *   amounts, accounts and places (with the payout's id as the flow's id).
 * - "My payouts" and a household's fund origins look payouts up by household: indexed now.
 * - A ledger transaction's entries are indexed again (migration 1763900005000 dropped the index
 *   while a posting wrote millions of entries; now it writes a handful), so the check below
 *   finds a posting's payable credit without reading the ledger.
 * - A batch's payouts are read in id order (the chain hashes them so, as a stream): the batch
 *   index also holds the id, so that read never walks other batches' payouts.
 *
 * Earlier postings keep their per-household payable entries; both forms balance.
 */
export class PayoutsAreTheHouseholdsSubLedger1763900005200 implements MigrationInterface {
  name = 'PayoutsAreTheHouseholdsSubLedger1763900005200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX payout_household_idx ON payout (household_id)');
    await runner.query('CREATE INDEX payout_batch_id_idx ON payout (batch_id, id)');
    await runner.query('DROP INDEX payout_batch_idx');
    await runner.query('CREATE INDEX ledger_entry_tx_idx ON ledger_entry (transaction_id)');
    await runner.query(
      `CREATE INDEX ledger_transaction_posting_idx ON ledger_transaction (distribution_id) WHERE kind = 'distribution.posted'`,
    );

    await runner.query(`
      CREATE VIEW fund_flow_all AS
      SELECT f.id, f.source_id, f.parent_id, f.kind, f.from_account, f.to_account, f.to_type, f.to_level,
             f.region_code, f.household_id, f.project_name, f.amount_fen, f.purpose, f.created_by, f.created_at
      FROM fund_flow f
      UNION ALL
      SELECT p.id, r.source_id, r.id, 'dividend', r.to_account, 'household:' || p.household_id || ':dividend',
             'household', NULL, l.village_code, p.household_id, NULL, p.amount_fen, '分红：' || d.title,
             'system:distribution-posting', r.created_at
      FROM fund_flow r
      JOIN distribution d ON d.id = r.source_id
      JOIN payout_batch b ON b.distribution_id = d.id
      JOIN payout p ON p.batch_id = b.id AND p.retry_of IS NULL
      JOIN distribution_line l ON l.distribution_id = d.id AND l.household_id = p.household_id
      WHERE r.kind = 'dividend' AND r.parent_id IS NULL`);

    await runner.query(fundFlowsForDistribution({ householdFlows: false }));
    await runner.query(
      `DELETE FROM fund_flow WHERE kind = 'dividend' AND to_type = 'household' AND created_by = 'system:distribution-posting'`,
    );

    // A batch holds exactly the payouts it states, checked once at commit (after every statement
    // of the transaction that made it, so a batch made first and filled after passes).
    await runner.query(`
      CREATE FUNCTION payout_batch_holds_what_it_states() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE n bigint; total numeric; stated record;
      BEGIN
        SELECT line_count, total_fen INTO stated FROM payout_batch WHERE id = NEW.id;
        IF NOT FOUND THEN RETURN NULL; END IF; -- deleted again in the same transaction
        SELECT count(*), coalesce(sum(amount_fen), 0) INTO n, total FROM payout WHERE batch_id = NEW.id;
        IF n <> stated.line_count OR total <> stated.total_fen THEN
          RAISE EXCEPTION 'payout batch % states % payouts of % fen but holds % of % fen',
            NEW.id, stated.line_count, stated.total_fen, n, total USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER payout_batch_holds_what_it_states AFTER INSERT ON payout_batch
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION payout_batch_holds_what_it_states()`);

    // A posting's "households payable" credit equals its batch's stated total, which the check
    // above holds to the payouts in it: so the credit equals what the payouts add up to, and the
    // millions of payouts are summed once at commit, not twice.
    await runner.query(`
      CREATE FUNCTION distribution_posting_matches_its_payouts() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE payable numeric; batches numeric;
      BEGIN
        SELECT -coalesce(sum(e.amount_fen), 0) INTO payable
        FROM ledger_transaction t JOIN ledger_entry e
          ON e.transaction_id = t.id AND e.account = 'entity:' || t.entity_id || ':households_payable'
        WHERE t.distribution_id = NEW.id AND t.kind = 'distribution.posted';
        SELECT coalesce(sum(total_fen), 0) INTO batches FROM payout_batch WHERE distribution_id = NEW.id;
        IF payable <> batches THEN
          RAISE EXCEPTION 'posting of distribution % credits % fen to households payable, but its payout batches hold % fen',
            NEW.id, payable, batches USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER distribution_posting_matches_its_payouts AFTER UPDATE OF status ON distribution
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.status = 'posted' AND OLD.status IS DISTINCT FROM 'posted')
      EXECUTE FUNCTION distribution_posting_matches_its_payouts()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER IF EXISTS distribution_posting_matches_its_payouts ON distribution');
    await runner.query('DROP FUNCTION IF EXISTS distribution_posting_matches_its_payouts()');
    await runner.query('DROP TRIGGER IF EXISTS payout_batch_holds_what_it_states ON payout_batch');
    await runner.query('DROP FUNCTION IF EXISTS payout_batch_holds_what_it_states()');
    // Household flows are stored again, as migration 1763900004500 wrote them.
    await runner.query(`
      INSERT INTO fund_flow (id, source_id, parent_id, kind, from_account, to_account, to_type, region_code,
        household_id, amount_fen, purpose, created_by, created_at)
      SELECT uuidv7(), source_id, parent_id, kind, from_account, to_account, to_type, region_code,
        household_id, amount_fen, purpose, created_by, created_at
      FROM fund_flow_all a WHERE NOT EXISTS (SELECT 1 FROM fund_flow f WHERE f.id = a.id)`);
    await runner.query('DROP VIEW IF EXISTS fund_flow_all');
    await runner.query('DROP INDEX IF EXISTS payout_household_idx');
    await runner.query('CREATE INDEX payout_batch_idx ON payout (batch_id)');
    await runner.query('DROP INDEX IF EXISTS payout_batch_id_idx');
    await runner.query('DROP INDEX IF EXISTS ledger_entry_tx_idx');
    await runner.query('DROP INDEX IF EXISTS ledger_transaction_posting_idx');
    await runner.query(fundFlowsForDistribution({ householdFlows: true }));
  }
}

/**
 * fund_flows_for_distribution (migration 1763900004500): the source, its root flow and the retained
 * parts; with householdFlows, also one stored flow per paid household (its form before this migration).
 */
function fundFlowsForDistribution({ householdFlows }: { householdFlows: boolean }): string {
  const households = householdFlows
    ? `INSERT INTO fund_flow (id, source_id, parent_id, kind, from_account, to_account, to_type, region_code,
          household_id, amount_fen, purpose, created_by, created_at)
        SELECT uuidv7(), d.id, root, 'dividend', root_account, 'household:' || l.household_id || ':dividend',
          'household', l.village_code, l.household_id, l.amount_fen, '分红：' || d.title,
          'system:distribution-posting', at
        FROM distribution_line l WHERE l.distribution_id = d.id AND l.amount_fen > 0;`
    : `-- Each household's flow is its payout, read through fund_flow_all.`;
  return `
    CREATE OR REPLACE FUNCTION fund_flows_for_distribution(dist uuid) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      d distribution%ROWTYPE;
      org organisation_rm%ROWTYPE;
      root uuid := uuidv7();
      root_account text;
      at timestamptz;
    BEGIN
      SELECT * INTO d FROM distribution WHERE id = dist;
      IF NOT FOUND OR d.status <> 'posted' THEN RETURN; END IF;
      SELECT * INTO org FROM organisation_rm WHERE id = d.entity_id;
      at := coalesce(d.posted_at, now());
      INSERT INTO fund_source (id, name, kind, county_code, amount_fen, reference, created_by, created_at)
      VALUES (d.id, d.title, 'dividend', org.county_code, d.pool_fen, 'distribution:' || d.id,
              'system:distribution-posting', at)
      ON CONFLICT (id) DO NOTHING;
      IF NOT FOUND THEN RETURN; END IF;
      root_account := 'entity:' || d.entity_id || ':distributable_income';
      INSERT INTO fund_flow (id, source_id, parent_id, kind, from_account, to_account, to_type, to_level,
        region_code, amount_fen, purpose, created_by, created_at)
      VALUES (root, d.id, NULL, 'dividend', 'source:' || d.id, root_account, 'account',
        CASE length(org.region_code) WHEN 6 THEN 'county' WHEN 9 THEN 'town' WHEN 12 THEN 'village' END,
        org.region_code, d.pool_fen, '可分配收益：' || d.title, 'system:distribution-posting', at);
      ${households}
      INSERT INTO fund_flow (id, source_id, parent_id, kind, from_account, to_account, to_type, region_code,
        project_name, amount_fen, purpose, created_by, created_at)
      SELECT uuidv7(), d.id, root, 'dividend', root_account,
        'entity:' || d.entity_id || ':retained:' || (p ->> 'account'), 'project', org.region_code,
        p ->> 'account', (p ->> 'amountFen')::bigint, '留存：' || d.title, 'system:distribution-posting', at
      FROM jsonb_array_elements(d.account_parts) p WHERE (p ->> 'amountFen')::bigint > 0;
    END $$`;
}
