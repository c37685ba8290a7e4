import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * County → town → village → villager group, keyed by 统计用区划代码-style codes (6/9/12/15 digits),
 * so that "inside a region" is a prefix test. The parent is always the code's own prefix.
 */
export class CreateRegions1763900001000 implements MigrationInterface {
  name = 'CreateRegions1763900001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE regions (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3}){0,3}$'),
        level text NOT NULL CHECK (level IN ('county', 'town', 'village', 'group')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 64),
        parent_code text REFERENCES regions (code),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT regions_level_matches_code CHECK (
          (level = 'county' AND length(code) = 6 AND parent_code IS NULL) OR
          (level = 'town' AND length(code) = 9 AND parent_code = left(code, 6)) OR
          (level = 'village' AND length(code) = 12 AND parent_code = left(code, 9)) OR
          (level = 'group' AND length(code) = 15 AND parent_code = left(code, 12)))
      )`);
    await runner.query('CREATE INDEX regions_parent_idx ON regions (parent_code)');
    await runner.query('CREATE INDEX regions_code_prefix_idx ON regions (code text_pattern_ops)');
    await runner.query(
      `CREATE UNIQUE INDEX regions_sibling_name_uq ON regions (coalesce(parent_code, ''), name)`,
    );
    // History tables of the registry can be appended to, never rewritten.
    await runner.query(`
      CREATE FUNCTION registry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS regions');
    await runner.query('DROP FUNCTION IF EXISTS registry_append_only()');
  }
}
