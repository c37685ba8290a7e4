import { createApiClient, type FetchLike } from '@fupin/api-client';
import { AppProviders } from '@fupin/ui';
import type { i18n as I18n } from 'i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router-dom';
import { SessionProvider } from './auth/session-context';
import { SessionStore, type SessionStoreOptions } from './auth/session-store';
import { CartProvider } from './cart/cart-context';
import { CartStore } from './cart/cart-store';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface StorefrontContext {
  session: SessionStore;
  client: ReturnType<typeof createApiClient>;
  cart: CartStore;
}

/**
 * The session, an api client bound to it (every request carries the access token; a 401 triggers
 * one silent refresh and one retry) and the cart kept in localStorage.
 */
export function createStorefrontContext(
  options: SessionStoreOptions & { fetchImpl?: FetchLike; cartStorage?: KeyValueStorage | null } = {},
): StorefrontContext {
  const session = new SessionStore(options);
  const client = createApiClient({
    baseUrl: options.baseUrl,
    fetchImpl: options.fetchImpl,
    getToken: session.getToken,
    onUnauthorized: session.refresh,
  });
  return { session, client, cart: new CartStore(options.cartStorage) };
}

interface StorefrontAppProps {
  i18n: I18n;
  context: StorefrontContext;
  router: ReturnType<typeof createBrowserRouter>;
}

/** Everything a page relies on: language, api client, session, cart, router. Tests pass a memory router. */
export function StorefrontApp({ i18n, context, router }: StorefrontAppProps) {
  return (
    <AppProviders i18n={i18n} client={context.client}>
      <SessionProvider store={context.session}>
        <CartProvider store={context.cart}>
          <RouterProvider router={router} />
        </CartProvider>
      </SessionProvider>
    </AppProviders>
  );
}
