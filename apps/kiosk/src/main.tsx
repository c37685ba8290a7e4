import { createApiClient } from '@fupin/api-client';
import { AppProviders, createI18n } from '@fupin/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import { kioskRoutes } from './app/kiosk-routes';
import { KIOSK_STRINGS } from './app/kiosk-strings';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProviders i18n={createI18n(KIOSK_STRINGS)} client={createApiClient()}>
      <RouterProvider router={createBrowserRouter(kioskRoutes)} />
    </AppProviders>
  </StrictMode>,
);
