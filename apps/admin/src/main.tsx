import { createI18n } from '@fupin/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router-dom';
import { AdminApp, createAdminContext } from './app/admin-app';
import { adminRoutes } from './app/admin-routes';
import { ADMIN_STRINGS } from './app/admin-strings';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AdminApp
      i18n={createI18n(ADMIN_STRINGS)}
      context={createAdminContext()}
      router={createBrowserRouter(adminRoutes)}
    />
  </StrictMode>,
);
