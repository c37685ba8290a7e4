import {
  SERVICES,
  type HealthIndicatorResult,
  type HealthResponse,
  type ServiceName,
} from '@fupin/contracts';
import { sendJson, startStubServer, type StubServer } from './stub-server';

/**
 * How a stub service answers its health check:
 * - `up`: 200, database up;
 * - `database-down`: 503 with the terminus body naming the failed database check;
 * - `unreachable`: the connection is dropped, as when the service or the network is down.
 */
export type HealthScenario = 'up' | 'database-down' | 'unreachable';

/** The terminus body a service sends for a scenario. */
export function healthBody(scenario: Exclude<HealthScenario, 'unreachable'>): HealthResponse {
  if (scenario === 'up') {
    const up: HealthIndicatorResult = { database: { status: 'up' } };
    return { status: 'ok', info: up, error: {}, details: up };
  }
  const down: HealthIndicatorResult = {
    database: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
  };
  return { status: 'error', info: {}, error: down, details: down };
}

export interface HealthServer extends StubServer {
  /** Changes how one service, or all of them, answer from the next request on. */
  setScenario(scenario: HealthScenario, service?: ServiceName): void;
}

/** A real HTTP server answering `GET /api/<service>/health` for the four services. */
export async function startHealthServer(
  initial: HealthScenario | Partial<Record<ServiceName, HealthScenario>> = 'up',
): Promise<HealthServer> {
  const scenarios = new Map<ServiceName, HealthScenario>(
    SERVICES.map((service) => [service, typeof initial === 'string' ? initial : (initial[service] ?? 'up')]),
  );
  const server = await startStubServer((request, response) => {
    const service = SERVICES.find((name) => request.url === `/api/${name}/health`);
    if (!service) return sendJson(response, 404, { code: 'not_found', message: `No route ${request.url}` });
    const scenario = scenarios.get(service) ?? 'up';
    if (scenario === 'unreachable') {
      response.socket?.destroy();
      return;
    }
    sendJson(response, scenario === 'up' ? 200 : 503, healthBody(scenario));
  });
  return {
    ...server,
    setScenario(scenario, service) {
      for (const name of service ? [service] : SERVICES) scenarios.set(name, scenario);
    },
  };
}
