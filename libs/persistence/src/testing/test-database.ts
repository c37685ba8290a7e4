import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase } from '../embedded/embedded-postgres';

/** Environment variable through which the Jest global setup hands the server's admin URL to suites. */
export const TEST_PG_ADMIN_URL_ENV = 'FUPIN_TEST_PG_ADMIN_URL';

/** A fresh database on the test server, private to one suite. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh, empty database for one test suite on the server started by the global
 * setup (or on the server named by TEST_DATABASE_ADMIN_URL in the environment).
 */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_PG_ADMIN_URL_ENV];
  if (!adminUrl) {
    throw new Error(`${TEST_PG_ADMIN_URL_ENV} is not set: this suite needs the persistence global setup`);
  }
  const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
