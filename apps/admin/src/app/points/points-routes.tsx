import { LoadingState } from '@fupin/ui';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../admin-nav';
import type { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-session';
import './points.css';

/**
 * A signed-in points page, loaded only when first opened (keeps the admin bundle small); roles
 * without `permission` see the forbidden page, as with `guarded`.
 */
function lazyPage(path: string, permission: Permission, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    hydrateFallbackElement: <LoadingState />,
    lazy: async () => {
      const Page = await load();
      return {
        element: (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ),
      };
    },
  };
}

/** Signed-in pages of this part, mounted under `/`. */
export const POINTS_ROUTES: RouteObject[] = [
  lazyPage('points/rules', 'points.rules.read', () =>
    import('./rules/rule-sets-page').then((m) => m.RuleSetsPage),
  ),
  lazyPage('points/rules/new', 'points.rules.write', () =>
    import('./rules/rule-set-create-page').then((m) => m.RuleSetCreatePage),
  ),
  lazyPage('points/rules/:id', 'points.rules.read', () =>
    import('./rules/rule-set-page').then((m) => m.RuleSetPage),
  ),
  lazyPage('points/sheets', 'points.sheets.read', () =>
    import('./sheets/award-sheets-page').then((m) => m.AwardSheetsPage),
  ),
  lazyPage('points/sheets/:id', 'points.sheets.read', () =>
    import('./sheets/award-sheet-page').then((m) => m.AwardSheetPage),
  ),
  lazyPage('points/blacklist', 'points.blacklist.read', () =>
    import('./blacklist/blacklist-page').then((m) => m.BlacklistPage),
  ),
  lazyPage('points/stores', 'points.stores.read', () =>
    import('./stores/stores-page').then((m) => m.StoresPage),
  ),
  lazyPage('points/stores/:id', 'points.stores.read', () =>
    import('./stores/store-page').then((m) => m.StorePage),
  ),
  lazyPage('points/reports', 'points.reports.village', () =>
    import('./reports/village-report-page').then((m) => m.VillageReportPage),
  ),
  lazyPage('points/trial-balance', 'points.trialBalance', () =>
    import('./reports/trial-balance-page').then((m) => m.TrialBalancePage),
  ),
  lazyPage('points/expiry', 'points.expiry.read', () =>
    import('./expiry/expiry-page').then((m) => m.ExpiryPage),
  ),
  lazyPage('households/:id/points', 'points.accounts.read', () =>
    import('./reports/household-points-page').then((m) => m.HouseholdPointsPage),
  ),
];

/** Pages anyone may open without signing in, mounted under `/public`. */
export const POINTS_PUBLIC_ROUTES: RouteObject[] = [
  {
    path: 'points/notices/:token',
    hydrateFallbackElement: <LoadingState />,
    lazy: async () => {
      const { PublicNoticePage } = await import('./public/public-notice-page');
      return { element: <PublicNoticePage /> };
    },
  },
];

/** Menu entries, after the registry's. */
export const POINTS_NAV: readonly NavItem[] = [
  { to: '/points/sheets', label: 'points.nav.sheets', permission: 'points.sheets.read' },
  { to: '/points/rules', label: 'points.nav.rules', permission: 'points.rules.read' },
  { to: '/points/blacklist', label: 'points.nav.blacklist', permission: 'points.blacklist.read' },
  { to: '/points/stores', label: 'points.nav.stores', permission: 'points.stores.read' },
  { to: '/points/reports', label: 'points.nav.reports', permission: 'points.reports.village' },
  { to: '/points/expiry', label: 'points.nav.expiry', permission: 'points.expiry.read' },
  { to: '/points/trial-balance', label: 'points.nav.trialBalance', permission: 'points.trialBalance' },
];
