import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三级三账 "every allocation from a source down to a household payout is an entry": a posted dividend
 * distribution enters the fund-flow ledger as a source of kind `dividend` (its id is the
 * distribution's id) with one root flow into the entity's distributable income, one flow per paid
 * household and one per retained part (shown as a project-like destination). The fund-flow queries
 * ("where did it go", "where did a household's money come from", the public query) then include
 * dividends without knowing about them.
 *
 * HOOK (clearly marked, owned by funds/): a trigger on `distribution.status` becoming 'posted', so the
 * entries are written inside the posting transaction without touching the posting service; a
 * posting that rolls back leaves no entries. Idempotent: the source row is keyed by the
 * distribution id, and a second call for the same distribution writes nothing.
 */
export class DividendPostingsEnterTheFundLedger1763900004500 implements MigrationInterface {
  name = 'DividendPostingsEnterTheFundLedger1763900004500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE fund_source DROP CONSTRAINT fund_source_kind_check');
    await runner.query(`
      ALTER TABLE fund_source ADD CONSTRAINT fund_source_kind_check
      CHECK (kind IN ('project_construction', 'livelihood_protection', 'policy_subsidy', 'dividend'))`);
    await runner.query(`
      CREATE FUNCTION fund_flows_for_distribution(dist uuid) RETURNS void LANGUAGE plpgsql AS $$
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
        INSERT INTO fund_flow (id, source_id, parent_id, kind, from_account, to_account, to_type, region_code,
          household_id, amount_fen, purpose, created_by, created_at)
        SELECT uuidv7(), d.id, root, 'dividend', root_account, 'household:' || l.household_id || ':dividend',
          'household', l.village_code, l.household_id, l.amount_fen, '分红：' || d.title,
          'system:distribution-posting', at
        FROM distribution_line l WHERE l.distribution_id = d.id AND l.amount_fen > 0;
        INSERT INTO fund_flow (id, source_id, parent_id, kind, from_account, to_account, to_type, region_code,
          project_name, amount_fen, purpose, created_by, created_at)
        SELECT uuidv7(), d.id, root, 'dividend', root_account,
          'entity:' || d.entity_id || ':retained:' || (p ->> 'account'), 'project', org.region_code,
          p ->> 'account', (p ->> 'amountFen')::bigint, '留存：' || d.title, 'system:distribution-posting', at
        FROM jsonb_array_elements(d.account_parts) p WHERE (p ->> 'amountFen')::bigint > 0;
      END $$`);
    await runner.query(`
      CREATE FUNCTION distribution_posted_enters_fund_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM fund_flows_for_distribution(NEW.id);
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER distribution_posted_enters_fund_ledger AFTER UPDATE OF status ON distribution
      FOR EACH ROW WHEN (NEW.status = 'posted' AND OLD.status IS DISTINCT FROM 'posted')
      EXECUTE FUNCTION distribution_posted_enters_fund_ledger()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER IF EXISTS distribution_posted_enters_fund_ledger ON distribution');
    await runner.query('DROP FUNCTION IF EXISTS distribution_posted_enters_fund_ledger()');
    await runner.query('DROP FUNCTION IF EXISTS fund_flows_for_distribution(uuid)');
    await runner.query(`DELETE FROM fund_flow WHERE kind = 'dividend' AND parent_id IS NOT NULL`);
    await runner.query(`DELETE FROM fund_flow WHERE kind = 'dividend'`);
    await runner.query(`DELETE FROM fund_source WHERE kind = 'dividend'`);
    await runner.query('ALTER TABLE fund_source DROP CONSTRAINT fund_source_kind_check');
    await runner.query(`
      ALTER TABLE fund_source ADD CONSTRAINT fund_source_kind_check
      CHECK (kind IN ('project_construction', 'livelihood_protection', 'policy_subsidy'))`);
  }
}
