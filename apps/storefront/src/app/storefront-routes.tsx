import { ErrorState } from '@fupin/ui';
import type { RouteObject } from 'react-router-dom';
import { HomePage } from './home/home-page';
import { NotFoundPage } from './not-found-page';
import { StorefrontShell } from './storefront-shell';

export const storefrontRoutes: RouteObject[] = [
  {
    path: '/',
    element: <StorefrontShell />,
    errorElement: <ErrorState onRetry={() => window.location.reload()} />,
    children: [
      { index: true, element: <HomePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
