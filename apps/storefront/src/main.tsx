import { createI18n } from '@fupin/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router-dom';
import { StorefrontApp, createStorefrontContext } from './app/storefront-app';
import { storefrontRoutes } from './app/storefront-routes';
import { STOREFRONT_STRINGS } from './app/storefront-strings';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <StorefrontApp
      i18n={createI18n(STOREFRONT_STRINGS)}
      context={createStorefrontContext()}
      router={createBrowserRouter(storefrontRoutes)}
    />
  </StrictMode>,
);
