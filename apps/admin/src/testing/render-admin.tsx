import { createI18n, type Language } from '@fupin/ui';
import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router-dom';
import { AdminApp, createAdminContext } from '../app/admin-app';
import { adminRoutes } from '../app/admin-routes';
import { ADMIN_STRINGS } from '../app/admin-strings';
import { REFRESH_TOKEN_KEY } from '../app/auth/session-store';
import type { FakeRegistry } from './fake-registry';

/** sessionStorage stand-in that tests can look into. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

export interface RenderAdminOptions {
  /** Start signed in as this fake user (a kept refresh token, restored on start, as after a reload). */
  as?: string;
  language?: Language;
}

const sessions = new Set<{ dispose(): void }>();

/** Stops the renewal timers of every session rendered so far (call in afterEach). */
export function disposeSessions(): void {
  for (const session of sessions) session.dispose();
  sessions.clear();
}

/** The whole admin app at `path`, talking to the fake registry over HTTP. */
export function renderAdmin(
  registry: Pick<FakeRegistry, 'url' | 'signedIn'>,
  path = '/',
  options: RenderAdminOptions = {},
) {
  const storage = memoryStorage(options.as ? { [REFRESH_TOKEN_KEY]: registry.signedIn(options.as) } : {});
  const context = createAdminContext({ baseUrl: registry.url, storage });
  sessions.add(context.session);
  const router = createMemoryRouter(adminRoutes, { initialEntries: [path] });
  const i18n = createI18n(ADMIN_STRINGS, { storage: null, language: options.language });
  const view = render(<AdminApp i18n={i18n} context={context} router={router} />);
  return { ...view, router, context, storage, i18n };
}
