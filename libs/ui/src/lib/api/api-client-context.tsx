import type { ApiClient } from '@fupin/api-client';
import { createContext, useContext, type ReactNode } from 'react';

const ApiClientContext = createContext<ApiClient | null>(null);

/** Makes one api client available to every screen; tests pass one pointed at their local server. */
export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('useApiClient needs an <ApiClientProvider> above it');
  return client;
}
