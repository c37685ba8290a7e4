import { ErrorState } from '@fupin/ui';
import type { RouteObject } from 'react-router-dom';
import { AdminShell } from './admin-shell';
import { DashboardPage } from './dashboard/dashboard-page';
import { NotFoundPage } from './not-found-page';

export const adminRoutes: RouteObject[] = [
  {
    path: '/',
    element: <AdminShell />,
    errorElement: <ErrorState onRetry={() => window.location.reload()} />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
