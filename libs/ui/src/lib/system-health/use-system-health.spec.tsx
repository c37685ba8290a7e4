import { createApiClient } from '@fupin/api-client';
import { startHealthServer, unreachableUrl, type HealthServer } from '@fupin/api-client/testing';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiClientProvider } from '../api/api-client-context';
import { healthChecks } from './service-status';
import { useSystemHealth } from './use-system-health';

function withClient(baseUrl: string) {
  const client = createApiClient({ baseUrl });
  return ({ children }: { children: ReactNode }) => (
    <ApiClientProvider client={client}>{children}</ApiClientProvider>
  );
}

describe('useSystemHealth against real health endpoints', () => {
  let server: HealthServer;

  beforeEach(async () => {
    server = await startHealthServer();
  });

  afterEach(() => server.close());

  it('starts with every service checking, then reports all four up with their database', async () => {
    const { result } = renderHook(() => useSystemHealth(), { wrapper: withClient(server.url) });
    expect(result.current.services.map((entry) => entry.state)).toEqual([
      'checking',
      'checking',
      'checking',
      'checking',
    ]);
    await waitFor(() => expect(result.current.checking).toBe(false));
    expect(result.current.services.map((entry) => [entry.service, entry.state])).toEqual([
      ['registry', 'up'],
      ['ledger', 'up'],
      ['market', 'up'],
      ['dividends', 'up'],
    ]);
    const first = result.current.services[0]!;
    expect(first.state === 'up' && healthChecks(first.health)).toEqual([{ name: 'database', up: true }]);
    expect(result.current.networkDown).toBe(false);
  });

  it('reports a service whose database is down, keeping its failed check', async () => {
    server.setScenario('database-down', 'ledger');
    const { result } = renderHook(() => useSystemHealth(), { wrapper: withClient(server.url) });
    await waitFor(() => expect(result.current.checking).toBe(false));
    const ledger = result.current.services.find((entry) => entry.service === 'ledger')!;
    expect(ledger.state).toBe('down');
    expect(ledger.state === 'down' && healthChecks(ledger.health)).toEqual([{ name: 'database', up: false }]);
    expect(result.current.networkDown).toBe(false);
  });

  it('asks again on recheck and sees a service that came back', async () => {
    server.setScenario('unreachable');
    const { result } = renderHook(() => useSystemHealth(['registry', 'market']), {
      wrapper: withClient(server.url),
    });
    await waitFor(() => expect(result.current.checking).toBe(false));
    expect(result.current.networkDown).toBe(true);

    server.setScenario('up');
    act(() => result.current.recheck());
    expect(result.current.checking).toBe(true);
    await waitFor(() => expect(result.current.checking).toBe(false));
    expect(result.current.services.map((entry) => entry.state)).toEqual(['up', 'up']);
    expect(result.current.networkDown).toBe(false);
  });
});

describe('useSystemHealth with the network down', () => {
  it('says the network is down rather than blaming each service', async () => {
    const { result } = renderHook(() => useSystemHealth(), { wrapper: withClient(await unreachableUrl()) });
    await waitFor(() => expect(result.current.checking).toBe(false));
    expect(result.current.networkDown).toBe(true);
    expect(
      result.current.services.every((entry) => entry.state === 'down' && entry.error?.code === 'network'),
    ).toBe(true);
  });
});
