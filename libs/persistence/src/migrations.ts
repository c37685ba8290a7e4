import { DataSource } from 'typeorm';

/** Result of {@link runMigrations}: the names of the migrations applied now, in order. */
export interface MigrationReport {
  applied: string[];
}

/**
 * Applies pending migrations, each in its own transaction. Concurrent starters are serialised
 * with an advisory lock, so two replicas starting together never run a migration twice.
 */
export async function runMigrations(dataSource: DataSource): Promise<MigrationReport> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(7243001)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { applied: applied.map((m) => m.name) };
  } finally {
    await runner.query('SELECT pg_advisory_unlock(7243001)').catch(() => undefined);
    await runner.release();
  }
}

/** Migrations not yet applied, for health and start-up reports. */
export async function pendingMigrations(dataSource: DataSource): Promise<boolean> {
  return dataSource.showMigrations();
}
