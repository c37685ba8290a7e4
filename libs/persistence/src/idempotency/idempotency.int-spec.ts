import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { createDataSource } from '../data-source';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable, IdempotencyKeyReusedError, runIdempotent } from './idempotency';

class Tables1700000000002 implements MigrationInterface {
  name = 'Tables1700000000002';
  async up(runner: QueryRunner): Promise<void> {
    await createIdempotencyTable(runner);
    await runner.query('CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)');
    await runner.query('INSERT INTO counter VALUES (1, 0)');
  }
  async down(): Promise<void> {}
}

describe('idempotent commands', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const increment = (key: string, by = 1, caller = 'u1') =>
    ds.transaction((m) =>
      runIdempotent(m, { caller, key, operation: 'POST /counter', body: { by } }, async () => {
        await m.query('UPDATE counter SET value = value + $1 WHERE id = 1', [by]);
        const [row] = await m.query('SELECT value FROM counter WHERE id = 1');
        return { status: 201, body: { value: row.value as number } };
      }),
    );
  const value = async () => (await ds.query('SELECT value FROM counter WHERE id = 1'))[0].value;

  beforeAll(async () => {
    db = await createTestDatabase('idem');
    ds = createDataSource({ url: db.url, entities: [], migrations: [Tables1700000000002], poolSize: 20 });
    await ds.initialize();
    await ds.runMigrations();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('returns the first answer to a repeat and changes nothing', async () => {
    const first = await increment('key-repeat-0001');
    const second = await increment('key-repeat-0001');
    expect(first).toEqual({ status: 201, body: { value: 1 }, replayed: false });
    expect(second).toEqual({ status: 201, body: { value: 1 }, replayed: true });
    expect(await value()).toBe(1);
  });

  it('runs a key once even when twenty copies arrive at the same moment', async () => {
    const before = await value();
    const results = await Promise.all(Array.from({ length: 20 }, () => increment('key-concurrent-01', 5)));
    expect(await value()).toBe(before + 5);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.value))).toEqual(new Set([before + 5]));
  });

  it('refuses a key reused for a different request', async () => {
    await increment('key-reused-00001', 1);
    await expect(increment('key-reused-00001', 2)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('keeps keys private to their caller', async () => {
    const before = await value();
    await increment('key-shared-00001', 1, 'alice');
    const bob = await increment('key-shared-00001', 1, 'bob');
    expect(bob.replayed).toBe(false);
    expect(await value()).toBe(before + 2);
  });

  it('lets a failed attempt be retried with the same key', async () => {
    const before = await value();
    await expect(
      ds.transaction((m) =>
        runIdempotent(
          m,
          { caller: 'u1', key: 'key-failing-0001', operation: 'POST /counter', body: {} },
          async () => {
            throw new Error('out of stock');
          },
        ),
      ),
    ).rejects.toThrow('out of stock');
    const retry = await ds.transaction((m) =>
      runIdempotent(
        m,
        { caller: 'u1', key: 'key-failing-0001', operation: 'POST /counter', body: {} },
        async () => ({
          status: 201,
          body: { ok: true },
        }),
      ),
    );
    expect(retry.replayed).toBe(false);
    expect(await value()).toBe(before);
  });
});
