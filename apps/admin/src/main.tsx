import { createApiClient } from '@fupin/api-client';
import { AppProviders, createI18n } from '@fupin/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import { adminRoutes } from './app/admin-routes';
import { ADMIN_STRINGS } from './app/admin-strings';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProviders i18n={createI18n(ADMIN_STRINGS)} client={createApiClient()}>
      <RouterProvider router={createBrowserRouter(adminRoutes)} />
    </AppProviders>
  </StrictMode>,
);
