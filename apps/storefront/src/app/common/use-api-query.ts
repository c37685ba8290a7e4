import type { ApiClient } from '@fupin/api-client';
import { isApiClientError } from '@fupin/api-client';
import { useApiClient } from '@fupin/ui';
import { useCallback, useEffect, useState, type DependencyList } from 'react';

export interface ApiQuery<T> {
  /** The last answer; kept while a new one loads, so a table does not blink between pages. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads something from the API whenever `deps` change, cancelling the request before; `reload`
 * asks again. Pass `enabled: false` to wait (e.g. until a parent is chosen).
 */
export function useApiQuery<T>(
  load: (client: ApiClient, signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  enabled = true,
): ApiQuery<T> {
  const client = useApiClient();
  const [round, setRound] = useState(0);
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: enabled,
  });

  useEffect(() => {
    if (!enabled) {
      setState((current) => ({ ...current, loading: false }));
      return;
    }
    const controller = new AbortController();
    setState((current) => ({ ...current, error: undefined, loading: true }));
    load(client, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted || (isApiClientError(error) && error.code === 'aborted')) return;
        setState((current) => ({ ...current, error, loading: false }));
      },
    );
    return () => controller.abort();
    // `load` is a new function every render; what it depends on is listed in `deps`.
  }, [client, round, enabled, ...deps]);

  const reload = useCallback(() => setRound((current) => current + 1), []);
  return { ...state, reload };
}
