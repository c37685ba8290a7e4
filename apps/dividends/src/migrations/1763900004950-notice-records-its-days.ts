import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notice records how many days it runs and how long its day is. The database still refuses a
 * notice of fewer than 10 days, and an end that does not match its days; the day length is 86400
 * seconds except where the configuration shortens it for a browser test (never in production).
 */
export class NoticeRecordsItsDays1763900004950 implements MigrationInterface {
  name = 'NoticeRecordsItsDays1763900004950';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notice ADD COLUMN days integer, ADD COLUMN day_seconds integer');
    await runner.query(`
      UPDATE notice SET day_seconds = 86400,
        days = ceil(extract(epoch FROM ends_at - published_at) / 86400)::int`);
    await runner.query(`
      DO $$
      DECLARE c text;
      BEGIN
        FOR c IN SELECT conname FROM pg_constraint
                 WHERE conrelid = 'notice'::regclass AND contype = 'c'
                   AND pg_get_constraintdef(oid) LIKE '%10 days%'
        LOOP
          EXECUTE format('ALTER TABLE notice DROP CONSTRAINT %I', c);
        END LOOP;
      END $$`);
    await runner.query(`
      ALTER TABLE notice
        ALTER COLUMN days SET NOT NULL, ALTER COLUMN day_seconds SET NOT NULL,
        ADD CONSTRAINT notice_runs_ten_days CHECK (days >= 10),
        ADD CONSTRAINT notice_day_length CHECK (day_seconds BETWEEN 1 AND 86400),
        ADD CONSTRAINT notice_ends_after_its_days
          CHECK (ends_at >= published_at + make_interval(secs => days::double precision * day_seconds))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE notice DROP CONSTRAINT notice_ends_after_its_days, DROP CONSTRAINT notice_day_length,
        DROP CONSTRAINT notice_runs_ten_days, DROP COLUMN day_seconds, DROP COLUMN days,
        ADD CONSTRAINT notice_ends_at_check CHECK (ends_at >= published_at + interval '10 days')`);
  }
}
