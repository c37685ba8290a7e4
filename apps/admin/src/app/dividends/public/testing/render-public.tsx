import { createApiClient } from '@fupin/api-client';
import { AppProviders, createI18n, type Language } from '@fupin/ui';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { ADMIN_STRINGS } from '../../../admin-strings';
import { renderAdmin } from '../../../../testing/render-admin';
import type { FakeDividends } from './fake-dividends';

/** The whole admin app at a public path, nobody signed in, talking to the fake dividends service. */
export function renderPublic(fake: FakeDividends, path: string, language?: Language) {
  return renderAdmin({ url: fake.url, signedIn: () => '' }, path, { language });
}

/** One page on its own (e.g. a signed-in page before its route exists), with the app's words. */
export function renderPage(fake: FakeDividends, path: string, routePath: string, page: ReactNode) {
  const client = createApiClient({ baseUrl: fake.url });
  const router = createMemoryRouter([{ path: routePath, element: page }], { initialEntries: [path] });
  const i18n = createI18n(ADMIN_STRINGS, { storage: null });
  const view = render(
    <AppProviders i18n={i18n} client={client}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router };
}
