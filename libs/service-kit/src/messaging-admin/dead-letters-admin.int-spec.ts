/**
 * Operators see and resolve the events a service could not apply, and only the right people can:
 * county admins replay or discard, auditors only read, anyone else is refused.
 */
import { createTestTokenIssuer, TestTokenIssuer } from '@fupin/auth/testing';
import { createMessagingTables } from '@fupin/messaging';
import { createAuditLogTable } from '@fupin/persistence';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { baseConfigSchema } from '../config/service-config';
import { createDiagnosticsTables } from '../diagnostics/diagnostics-tables';
import { ServiceUnderTest, startServiceForTest } from '../testing/start-service-for-test';
import { ServiceDefinition } from '../bootstrap/service-definition';

class ShellTables1700000000001 implements MigrationInterface {
  name = 'ShellTables1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    await createAuditLogTable(runner);
    await createMessagingTables(runner);
    await createDiagnosticsTables(runner);
  }
  async down(): Promise<void> {}
}

const shell: ServiceDefinition<typeof baseConfigSchema> = {
  name: 'shell',
  title: 'Shell',
  description: 'A service with nothing but the shared parts',
  configSchema: baseConfigSchema,
  entities: [],
  migrations: [ShellTables1700000000001],
  modules: () => [],
};

describe('dead letters and diagnostics, over HTTP with real tokens', () => {
  let issuer: TestTokenIssuer;
  let jwks: http.Server;
  let service: ServiceUnderTest<unknown>;
  let ds: DataSource;
  const tokens: Record<string, string> = {};

  const call = (method: string, path: string, who?: string, body?: unknown) =>
    fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  async function deadLetter(rawValue: string, eventId?: string): Promise<string> {
    const [row] = await ds.query(
      `INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, raw_value, reason, error, attempts, event_id)
       VALUES ('shell.diagnostics', 'platform.test.v1', 0, $1, $2, 'failed', 'database was briefly unavailable', 5, $3)
       RETURNING id::text`,
      [Math.floor(Math.random() * 1e9), rawValue, eventId ?? null],
    );
    return row.id;
  }

  beforeAll(async () => {
    issuer = await createTestTokenIssuer();
    jwks = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks)),
    );
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    service = await startServiceForTest(shell, {
      AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
    });
    ds = service.app.get(DataSource);
    const county = { kind: 'region', code: '411322' } as const;
    tokens.admin = await issuer.mint({ sub: 'county-admin-1', role: 'county_admin', scope: county });
    tokens.auditor = await issuer.mint({ role: 'auditor', scope: county });
    tokens.village = await issuer.mint({
      role: 'village_admin',
      scope: { kind: 'region', code: '411322100201' },
    });
  });

  afterAll(async () => {
    await service?.stop();
    jwks?.close();
  });

  it('refuses callers without a token, and roles that have no business here', async () => {
    expect((await call('GET', '/admin/dead-letters')).status).toBe(401);
    expect((await call('GET', '/admin/dead-letters', 'village')).status).toBe(403);
    const id = await deadLetter('{}');
    const res = await call('POST', `/admin/dead-letters/${id}/replay`, 'auditor');
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('FORBIDDEN');
  });

  it('lets an auditor list and read, and a county admin replay a fixed event exactly once', async () => {
    const eventId = randomUUID();
    const envelope = {
      id: eventId,
      type: 'platform.ping',
      version: 1,
      aggregateType: 'platform',
      aggregateId: 'registry',
      occurredAt: new Date().toISOString(),
      payload: { message: 'stuck ping', sequence: 0 },
    };
    const id = await deadLetter(JSON.stringify(envelope), eventId);
    const list = await (await call('GET', '/admin/dead-letters?status=open', 'auditor')).json();
    expect(list.items.map((l: { id: string }) => l.id)).toContain(id);
    expect(list.total).toBeGreaterThanOrEqual(1);

    const replay = await call('POST', `/admin/dead-letters/${id}/replay`, 'admin');
    expect(replay.status).toBe(200);
    expect((await replay.json()).deadLetter).toMatchObject({
      status: 'replayed',
      resolvedBy: 'county-admin-1',
    });
    const again = await call('POST', `/admin/dead-letters/${id}/replay`, 'admin');
    expect(again.status).toBe(409);
    const pings = await ds.query(`SELECT message FROM diagnostics_ping WHERE event_id = $1`, [eventId]);
    expect(pings).toEqual([{ message: 'stuck ping' }]);
  });

  it('keeps a message that still fails open, and lets it be discarded with a reason', async () => {
    const id = await deadLetter('not even json');
    const replay = await call('POST', `/admin/dead-letters/${id}/replay`, 'admin');
    expect(replay.status).toBe(409);
    expect((await replay.json()).code).toBe('REPLAY_FAILED');
    expect((await call('POST', `/admin/dead-letters/${id}/discard`, 'admin', {})).status).toBe(400);
    const discard = await call('POST', `/admin/dead-letters/${id}/discard`, 'admin', {
      reason: '测试数据，无需处理',
    });
    expect(discard.status).toBe(200);
    expect(await discard.json()).toMatchObject({ status: 'discarded', resolutionNote: '测试数据，无需处理' });
  });

  it('answers unknown and malformed ids with 404 and 400', async () => {
    expect((await call('GET', '/admin/dead-letters/999999999', 'admin')).status).toBe(404);
    expect((await call('GET', '/admin/dead-letters/abc', 'admin')).status).toBe(400);
    expect((await call('GET', '/admin/dead-letters?pageSize=5000', 'admin')).status).toBe(400);
  });

  it('queues pings in the outbox for the relay, within limits', async () => {
    const res = await call('POST', '/diagnostics/pings', 'admin', {
      count: 3,
      message: 'hello',
      target: 'ledger',
    });
    expect(res.status).toBe(201);
    expect((await res.json()).eventIds).toHaveLength(3);
    const rows = await ds.query(
      `SELECT envelope->'payload'->>'target' AS target FROM outbox WHERE event_type = 'platform.ping'`,
    );
    expect(rows).toEqual([{ target: 'ledger' }, { target: 'ledger' }, { target: 'ledger' }]);
    expect((await call('POST', '/diagnostics/pings', 'admin', { count: 1, target: 'bank' })).status).toBe(
      400,
    );
    expect((await call('POST', '/diagnostics/pings', 'admin', { count: 100000 })).status).toBe(400);
    expect((await call('POST', '/diagnostics/pings', 'auditor', { count: 1 })).status).toBe(403);
  });
});
