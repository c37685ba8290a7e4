/**
 * Jest global setup for suites that need PostgreSQL: starts one embedded server per Jest run
 * (a fresh throwaway cluster) and hands its admin URL to the suites, which each create their
 * own database. With TEST_DATABASE_ADMIN_URL set, that server is used and nothing is started.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres } from '../../libs/persistence/src/embedded/embedded-postgres';
import { TEST_PG_ADMIN_URL_ENV } from '../../libs/persistence/src/testing/test-database';

declare global {
  var __FUPIN_PG__: { server: EmbeddedPostgres; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const external = process.env.TEST_DATABASE_ADMIN_URL;
  if (external) {
    process.env[TEST_PG_ADMIN_URL_ENV] = external;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-test-pg-'));
  fs.chmodSync(dir, 0o755);
  const server = await EmbeddedPostgres.start({ dataDir: path.join(dir, 'data'), durable: false });
  globalThis.__FUPIN_PG__ = { server, dir };
  process.env[TEST_PG_ADMIN_URL_ENV] = server.url();
}
