import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from './embedded-postgres';

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-pg-spec-'));
    fs.chmodSync(dir, 0o755);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps committed data across a stop and a restart on the same folder', async () => {
    const dataDir = path.join(dir, 'cluster');
    const first = await EmbeddedPostgres.start({ dataDir });
    await first.ensureDatabase('registry');
    await query(first.url('registry'), 'CREATE TABLE kept (v text)');
    await query(first.url('registry'), "INSERT INTO kept VALUES ('爱心积分')");
    await first.stop();

    const second = await EmbeddedPostgres.start({ dataDir });
    try {
      const rows = await query(second.url('registry'), 'SELECT v FROM kept');
      expect(rows.rows).toEqual([{ v: '爱心积分' }]);
      const version = await query(second.url(), 'SHOW server_version');
      expect(version.rows[0].server_version).toMatch(/^18\./);
    } finally {
      await second.stop();
    }
  });

  it('refuses a wrong password', async () => {
    const server = await EmbeddedPostgres.start({ dataDir: path.join(dir, 'auth'), password: 'right' });
    try {
      const wrong = server.url().replace(':right@', ':wrong@');
      await expect(query(wrong, 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    } finally {
      await server.stop();
    }
  });

  it('takes over a folder whose previous server was left running', async () => {
    const dataDir = path.join(dir, 'leftover');
    const orphan = await EmbeddedPostgres.start({ dataDir });
    // Simulate a launcher that died without stopping its server: start again on the same folder.
    const next = await EmbeddedPostgres.start({ dataDir });
    try {
      const rows = await query(next.url(), 'SELECT 1 AS ok');
      expect(rows.rows[0].ok).toBe(1);
    } finally {
      await next.stop();
      await orphan.stop();
    }
  });
});
