import { ErrorState } from '@fupin/ui';
import type { RouteObject } from 'react-router-dom';
import { KioskShell } from './kiosk-shell';
import { NotFoundPage } from './not-found-page';
import { SetupPage } from './setup/setup-page';
import { StartPage } from './start/start-page';

export const kioskRoutes: RouteObject[] = [
  {
    path: '/',
    element: <KioskShell />,
    errorElement: <ErrorState onRetry={() => window.location.reload()} />,
    children: [
      { index: true, element: <StartPage /> },
      { path: 'setup', element: <SetupPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
