import { createApiClient, type FetchLike } from '@fupin/api-client';
import { AppProviders } from '@fupin/ui';
import type { i18n as I18n } from 'i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router-dom';
import { SessionProvider } from './auth/session-context';
import { SessionStore, type SessionStoreOptions } from './auth/session-store';

export interface AdminContext {
  session: SessionStore;
  client: ReturnType<typeof createApiClient>;
}

/**
 * The session and an api client bound to it: every request carries the access token, and a 401
 * triggers one silent refresh and one retry.
 */
export function createAdminContext(
  options: SessionStoreOptions & { fetchImpl?: FetchLike } = {},
): AdminContext {
  const session = new SessionStore(options);
  const client = createApiClient({
    baseUrl: options.baseUrl,
    fetchImpl: options.fetchImpl,
    getToken: session.getToken,
    onUnauthorized: session.refresh,
  });
  return { session, client };
}

interface AdminAppProps {
  i18n: I18n;
  context: AdminContext;
  router: ReturnType<typeof createBrowserRouter>;
}

/** Everything a page relies on: language, api client, session, router. Tests pass a memory router. */
export function AdminApp({ i18n, context, router }: AdminAppProps) {
  return (
    <AppProviders i18n={i18n} client={context.client}>
      <SessionProvider store={context.session}>
        <RouterProvider router={router} />
      </SessionProvider>
    </AppProviders>
  );
}
