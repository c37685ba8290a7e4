import { sendJson, startHealthServer, startStubServer, unreachableUrl, type HealthServer } from '../testing';
import { createApiClient } from './api-client';

describe('getHealth', () => {
  let server: HealthServer;

  beforeEach(async () => {
    server = await startHealthServer();
  });

  afterEach(() => server.close());

  it('returns the terminus body of a healthy service', async () => {
    const health = await createApiClient({ baseUrl: server.url }).getHealth('ledger');
    expect(health.status).toBe('ok');
    expect(health.details).toEqual({ database: { status: 'up' } });
    expect(server.requests[0]!.url).toBe('/api/ledger/health');
  });

  it('returns, not throws, the 503 body of a service whose database is down', async () => {
    server.setScenario('database-down', 'market');
    const health = await createApiClient({ baseUrl: server.url }).getHealth('market');
    expect(health.status).toBe('error');
    expect(health.error).toMatchObject({ database: { status: 'down' } });
  });

  it('throws a network error when the service drops the connection', async () => {
    server.setScenario('unreachable', 'dividends');
    await expect(createApiClient({ baseUrl: server.url }).getHealth('dividends')).rejects.toMatchObject({
      code: 'network',
    });
  });
});

describe('getHealth without a terminus body', () => {
  it('throws for a 503 from something other than the service, such as a proxy', async () => {
    const proxy = await startStubServer((_request, response) =>
      sendJson(response, 503, { code: 'upstream_unavailable', message: 'registry is not running' }),
    );
    try {
      await expect(createApiClient({ baseUrl: proxy.url }).getHealth('registry')).rejects.toMatchObject({
        status: 503,
        code: 'upstream_unavailable',
      });
    } finally {
      await proxy.close();
    }
  });

  it('throws a network error when nothing listens', async () => {
    const client = createApiClient({ baseUrl: await unreachableUrl() });
    await expect(client.getHealth('registry')).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});
