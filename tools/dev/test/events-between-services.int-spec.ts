/**
 * Events between two real services, the way they run under `npm start`: the registry's outbox
 * relay publishes to the dev broker, the ledger's consumer applies them through its inbox. The
 * relay is killed mid-batch, the broker restarts, and already-sent rows are sent again — and
 * every event still takes effect exactly once.
 */
import { platformPingV1 } from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { createDataSource } from '@fupin/persistence';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';

const ROOT = path.resolve(__dirname, '../../..');
jest.setTimeout(180_000);

interface Stack {
  urls: Record<string, string>;
  databaseUrlsWithPasswords: Record<string, string>;
  stop(): Promise<void>;
  restartService(name: string, signal?: string): Promise<void>;
  restartKafka(): Promise<void>;
}

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('events between the registry and the ledger', () => {
  let stack: Stack;
  let kafkaDir: string;
  let registryDb: DataSource;
  let ledgerDb: DataSource;

  const count = async (db: DataSource, sql: string): Promise<number> => (await db.query(sql))[0].n;
  const received = () =>
    count(ledgerDb, `SELECT count(*)::int AS n FROM diagnostics_ping WHERE message LIKE 'run:%'`);

  async function sendPings(from: number, n: number): Promise<void> {
    // Many small transactions, as real commands are: the relay sees a stream, not one batch.
    for (let start = from; start < from + n; start += 50) {
      await registryDb.transaction(async (manager) => {
        for (let sequence = start; sequence < Math.min(start + 50, from + n); sequence++) {
          await publish(manager, platformPingV1, {
            aggregateId: `registry-${sequence % 7}`,
            payload: { message: `run:${sequence}`, sequence },
          });
        }
      });
    }
  }

  beforeAll(async () => {
    kafkaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-events-kafka-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startStackProcess } = require(path.join(ROOT, 'tools/dev/stack-client.cjs'));
    stack = await startStackProcess({
      ports: 0,
      kafkaDataDir: kafkaDir,
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    registryDb = createDataSource({
      url: stack.databaseUrlsWithPasswords.registry,
      entities: [],
      migrations: [],
    });
    ledgerDb = createDataSource({
      url: stack.databaseUrlsWithPasswords.ledger,
      entities: [],
      migrations: [],
    });
    await registryDb.initialize();
    await ledgerDb.initialize();
  });

  afterAll(async () => {
    await registryDb?.destroy();
    await ledgerDb?.destroy();
    await stack?.stop();
    fs.rmSync(kafkaDir, { recursive: true, force: true });
  });

  it('applies each event exactly once through a relay crash, a broker restart and duplicate sends', async () => {
    await sendPings(0, 1500);
    // Kill the registry (and its relay) while the outbox is being drained.
    await eventually('the relay to be under way', async () => (await received()) > 0, 30_000);
    const atKill = await count(
      registryDb,
      `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
    );
    await stack.restartService('registry', 'SIGKILL');
    process.stderr.write(`unsent outbox rows when the relay was killed: ${atKill}\n`);

    await sendPings(1500, 500);
    await stack.restartKafka();

    // Make the relay send 300 already-published rows again: duplicates on the wire.
    await registryDb.query(
      `UPDATE outbox SET published_at = NULL WHERE id IN (SELECT id FROM outbox WHERE published_at IS NOT NULL ORDER BY id LIMIT 300)`,
    );
    await registryDb.query(`NOTIFY outbox_appended`);

    await eventually('all 2,000 events in the ledger', async () => (await received()) === 2000, 120_000);
    await eventually(
      'the outbox to drain',
      async () =>
        (await count(registryDb, `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)) === 0,
    );
    // Let any straggling duplicate arrive before counting.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await received()).toBe(2000);
    expect(
      await count(
        ledgerDb,
        `SELECT count(DISTINCT sequence)::int AS n FROM diagnostics_ping WHERE message LIKE 'run:%'`,
      ),
    ).toBe(2000);
    expect(
      await count(
        ledgerDb,
        `SELECT count(*)::int AS n FROM inbox WHERE consumer = 'ledger.diagnostics' AND event_type = 'platform.ping'`,
      ),
    ).toBe(2000);
    expect(await count(ledgerDb, `SELECT count(*)::int AS n FROM dead_letter`)).toBe(0);
  });

  it('reports messaging figures on /metrics', async () => {
    const text = await (await fetch(`${stack.urls.ledger}/metrics`)).text();
    expect(text).toMatch(/messaging_events_consumed_total\{[^}]*consumer="ledger.diagnostics"[^}]*\} \d+/);
    expect(text).toMatch(/messaging_outbox_unsent\{[^}]*\} 0/);
    const registry = await (await fetch(`${stack.urls.registry}/metrics`)).text();
    expect(registry).toMatch(/messaging_events_published_total\{[^}]*topic="platform.test.v1"[^}]*\} \d+/);
  });
});
