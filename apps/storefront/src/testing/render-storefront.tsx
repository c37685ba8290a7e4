import { createI18n, type Language } from '@fupin/ui';
import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router-dom';
import { REFRESH_TOKEN_KEY } from '../app/auth/session-store';
import { StorefrontApp, createStorefrontContext } from '../app/storefront-app';
import { storefrontRoutes } from '../app/storefront-routes';
import { STOREFRONT_STRINGS } from '../app/storefront-strings';

/** Storage stand-in that tests can look into. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

export interface RenderStorefrontOptions {
  /** Start signed in as this fake user (a kept refresh token, restored on start). */
  as?: string;
  language?: Language;
  /** The cart's localStorage (shared between renders to prove it is kept). */
  cartStorage?: ReturnType<typeof memoryStorage>;
}

const sessions = new Set<{ dispose(): void }>();

/** Stops the renewal timers of every session rendered so far (call in afterEach). */
export function disposeSessions(): void {
  for (const session of sessions) session.dispose();
  sessions.clear();
}

/** The whole storefront at `path`, talking to a fake server over HTTP. */
export function renderStorefront(
  server: { url: string; signedIn?: (username: string) => string },
  path = '/',
  options: RenderStorefrontOptions = {},
) {
  const storage = memoryStorage(
    options.as && server.signedIn ? { [REFRESH_TOKEN_KEY]: server.signedIn(options.as) } : {},
  );
  const cartStorage = options.cartStorage ?? memoryStorage();
  const context = createStorefrontContext({ baseUrl: server.url, storage, cartStorage });
  sessions.add(context.session);
  const router = createMemoryRouter(storefrontRoutes, { initialEntries: [path] });
  const i18n = createI18n(STOREFRONT_STRINGS, { storage: null, language: options.language });
  const view = render(<StorefrontApp i18n={i18n} context={context} router={router} />);
  return { ...view, router, context, storage, cartStorage, i18n };
}
