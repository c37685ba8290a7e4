import { createApiClient } from '@fupin/api-client';
import { AppProviders, createI18n } from '@fupin/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import { storefrontRoutes } from './app/storefront-routes';
import { STOREFRONT_STRINGS } from './app/storefront-strings';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProviders i18n={createI18n(STOREFRONT_STRINGS)} client={createApiClient()}>
      <RouterProvider router={createBrowserRouter(storefrontRoutes)} />
    </AppProviders>
  </StrictMode>,
);
