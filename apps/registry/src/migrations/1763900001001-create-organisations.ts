import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations the registry knows as scopes, each in a region at the level its type allows;
 * one love supermarket per village and one county supermarket per county.
 */
export class CreateOrganisations1763900001001 implements MigrationInterface {
  name = 'CreateOrganisations1763900001001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('work_unit', 'cooperative', 'village_collective', 'enterprise', 'pv_station',
          'love_supermarket', 'collection_point', 'sorting_station', 'county_supermarket')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        region_code text NOT NULL REFERENCES regions (code),
        contact_name text CHECK (contact_name IS NULL OR length(contact_name) <= 32),
        contact_phone text CHECK (contact_phone IS NULL OR contact_phone ~ '^[0-9-]{7,16}$'),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisations_region_level CHECK (
          (type IN ('love_supermarket', 'collection_point', 'village_collective') AND length(region_code) = 12) OR
          (type = 'sorting_station' AND length(region_code) = 9) OR
          (type = 'county_supermarket' AND length(region_code) = 6) OR
          (type = 'work_unit' AND length(region_code) IN (6, 9)) OR
          (type IN ('cooperative', 'enterprise', 'pv_station') AND length(region_code) IN (6, 9, 12)))
      )`);
    await runner.query(`
      CREATE UNIQUE INDEX organisations_one_store_per_region_uq ON organisations (type, region_code)
      WHERE type IN ('love_supermarket', 'county_supermarket')`);
    await runner.query(
      'CREATE UNIQUE INDEX organisations_name_uq ON organisations (type, region_code, name)',
    );
    await runner.query(
      'CREATE INDEX organisations_region_idx ON organisations (region_code text_pattern_ops)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS organisations');
  }
}
