import { createApiClient } from '@fupin/api-client';
import { AppProviders, createI18n } from '@fupin/ui';
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router-dom';
import { CREDENTIAL_STORAGE_KEY } from '../app/device/credential-storage';
import { kioskRoutes } from '../app/kiosk-routes';
import { KIOSK_STRINGS } from '../app/kiosk-strings';

/**
 * Renders the kiosk app against a (fake or real) backend at `baseUrl`, at `path`, with the device
 * credential already stored on the machine unless `credential` is null.
 */
export function renderKiosk(baseUrl: string, options: { path?: string; credential?: string | null } = {}) {
  localStorage.clear();
  if (options.credential) localStorage.setItem(CREDENTIAL_STORAGE_KEY, options.credential);
  const router = createMemoryRouter(kioskRoutes, { initialEntries: [options.path ?? '/'] });
  const i18n = createI18n(KIOSK_STRINGS, { storage: null });
  const view = render(
    <AppProviders i18n={i18n} client={createApiClient({ baseUrl })}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, i18n };
}
