import { ErrorState } from '@fupin/ui';
import type { RouteObject } from 'react-router-dom';
import { AdminShell, PublicShell } from './admin-shell';
import { AuditPage } from './audit/audit-page';
import { ChangePasswordPage } from './auth/change-password-page';
import { LoginPage } from './auth/login-page';
import { RequireSession } from './auth/require-session';
import { guarded } from './common/guarded-route';
import { DashboardPage } from './dashboard/dashboard-page';
import { HouseholdDetailPage } from './households/household-detail-page';
import { HouseholdEditPage } from './households/household-edit-page';
import { HouseholdImportPage } from './households/household-import-page';
import { HouseholdRegisterPage } from './households/household-register-page';
import { HouseholdsPage } from './households/households-page';
import { DIVIDENDS_PUBLIC_ROUTES, DIVIDENDS_ROUTES } from './dividends/dividends-routes';
import { MARKET_PUBLIC_ROUTES, MARKET_ROUTES } from './market/market-routes';
import { NotFoundPage } from './not-found-page';
import { OrganisationDetailPage } from './organisations/organisation-detail-page';
import { OrganisationCreatePage, OrganisationEditPage } from './organisations/organisation-pages';
import { OrganisationsPage } from './organisations/organisations-page';
import { POINTS_PUBLIC_ROUTES, POINTS_ROUTES } from './points/points-routes';
import { RegionsPage } from './regions/regions-page';
import { UserCreatePage, UserEditPage } from './users/user-create-page';
import { UserDetailPage } from './users/user-detail-page';
import { UsersPage } from './users/users-page';

export const adminRoutes: RouteObject[] = [
  {
    path: '/login',
    element: <PublicShell />,
    errorElement: <ErrorState onRetry={() => window.location.reload()} />,
    children: [{ index: true, element: <LoginPage /> }],
  },
  {
    // Notices, fund flows and payouts anyone may read without an account (printed notices link here).
    path: '/public',
    element: <PublicShell />,
    errorElement: <ErrorState onRetry={() => window.location.reload()} />,
    children: [
      ...POINTS_PUBLIC_ROUTES,
      ...MARKET_PUBLIC_ROUTES,
      ...DIVIDENDS_PUBLIC_ROUTES,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/',
    element: <RequireSession />,
    errorElement: <ErrorState onRetry={() => window.location.reload()} />,
    children: [
      {
        element: <AdminShell />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'password', element: <ChangePasswordPage /> },
          guarded('regions', 'regions.read', <RegionsPage />),
          guarded('households', 'households.read', <HouseholdsPage />),
          guarded('households/new', 'households.write', <HouseholdRegisterPage />),
          guarded('households/import', 'households.write', <HouseholdImportPage />),
          guarded('households/:id', 'households.read', <HouseholdDetailPage />),
          guarded('households/:id/edit', 'households.write', <HouseholdEditPage />),
          guarded('users', 'users.read', <UsersPage />),
          guarded('users/new', 'users.write', <UserCreatePage />),
          guarded('users/:id', 'users.read', <UserDetailPage />),
          guarded('users/:id/edit', 'users.write', <UserEditPage />),
          guarded('organisations', 'organisations.read', <OrganisationsPage />),
          guarded('organisations/new', 'organisations.write', <OrganisationCreatePage />),
          guarded('organisations/:id', 'organisations.read', <OrganisationDetailPage />),
          guarded('organisations/:id/edit', 'organisations.write', <OrganisationEditPage />),
          guarded('audit', 'audit.read', <AuditPage />),
          ...POINTS_ROUTES,
          ...MARKET_ROUTES,
          ...DIVIDENDS_ROUTES,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
