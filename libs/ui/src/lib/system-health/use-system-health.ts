import { isApiClientError, type ApiClientError } from '@fupin/api-client';
import { SERVICES, type HealthResponse, type ServiceName } from '@fupin/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApiClient } from '../api/api-client-context';

/** What is known about one service's health check. */
export type ServiceHealth =
  | { service: ServiceName; state: 'checking' }
  | { service: ServiceName; state: 'up'; health: HealthResponse }
  /** `health` when the service answered (503: a check failed), `error` when it could not be asked. */
  | { service: ServiceName; state: 'down'; health?: HealthResponse; error?: ApiClientError };

export interface SystemHealth {
  /** One entry per service, in the order asked for. */
  services: readonly ServiceHealth[];
  /** True while any service has not answered yet. */
  checking: boolean;
  /** True when no service could be reached at all: the network (or the server) is down, not a service. */
  networkDown: boolean;
  /** Asks every service again. */
  recheck(): void;
}

/** Asks each service's `GET /api/<service>/health` through the app's api client, in parallel. */
export function useSystemHealth(services: readonly ServiceName[] = SERVICES): SystemHealth {
  const client = useApiClient();
  const [round, setRound] = useState(0);
  const [results, setResults] = useState<ReadonlyMap<ServiceName, ServiceHealth>>(new Map());
  // Keyed by the names, so a new array with the same services asks nothing again.
  const serviceKey = services.join(',');
  const names = useMemo(() => (serviceKey ? (serviceKey.split(',') as ServiceName[]) : []), [serviceKey]);

  useEffect(() => {
    const controller = new AbortController();
    const record = (entry: ServiceHealth) => {
      if (!controller.signal.aborted) setResults((previous) => new Map(previous).set(entry.service, entry));
    };
    for (const service of names) {
      client.getHealth(service, { signal: controller.signal }).then(
        (health) => record({ service, state: health.status === 'ok' ? 'up' : 'down', health }),
        (error: unknown) =>
          record({ service, state: 'down', error: isApiClientError(error) ? error : undefined }),
      );
    }
    return () => controller.abort();
  }, [client, names, round]);

  const recheck = useCallback(() => {
    setResults(new Map());
    setRound((current) => current + 1);
  }, []);

  return useMemo(() => {
    const entries = names.map(
      (service): ServiceHealth => results.get(service) ?? { service, state: 'checking' },
    );
    return {
      services: entries,
      checking: entries.some((entry) => entry.state === 'checking'),
      networkDown:
        entries.length > 0 &&
        entries.every((entry) => entry.state === 'down' && entry.error?.isNetworkError === true),
      recheck,
    };
  }, [results, names, recheck]);
}
