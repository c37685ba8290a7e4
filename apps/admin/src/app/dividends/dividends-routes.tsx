import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../admin-nav';
import type { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-session';
import { DIVIDENDS_PUBLIC_PAGES } from './public/dividends-public-routes';

/**
 * A signed-in dividends page, loaded only when first opened (keeps the admin bundle small); roles
 * without `permission` see the forbidden page, as with `guarded`.
 */
function lazyPage(path: string, permission: Permission, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
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

const entity = 'dividends/entities/:id';

/** Signed-in pages of this part, mounted under `/`. */
export const DIVIDENDS_ROUTES: RouteObject[] = [
  lazyPage('dividends/entities', 'dividends.read', () =>
    import('./entities/entities-page').then((m) => m.EntitiesPage),
  ),
  lazyPage(entity, 'dividends.read', () => import('./entities/entity-page').then((m) => m.EntityPage)),
  lazyPage(`${entity}/members/import`, 'dividends.write', () =>
    import('./entities/member-import-page').then((m) => m.MemberImportPage),
  ),
  lazyPage(`${entity}/attendance`, 'dividends.read', () =>
    import('./entities/attendance-page').then((m) => m.AttendancePage),
  ),
  lazyPage(`${entity}/income`, 'dividends.read', () =>
    import('./income/income-page').then((m) => m.IncomePage),
  ),
  lazyPage(`${entity}/plans`, 'dividends.read', () => import('./plans/plans-page').then((m) => m.PlansPage)),
  lazyPage(`${entity}/plans/new`, 'dividends.write', () =>
    import('./plans/plan-editor-page').then((m) => m.PlanEditorPage),
  ),
  lazyPage(`${entity}/plans/:planId`, 'dividends.read', () =>
    import('./plans/plan-editor-page').then((m) => m.PlanEditorPage),
  ),
  lazyPage(`${entity}/distributions`, 'dividends.read', () =>
    import('./distributions/distributions-page').then((m) => m.DistributionsPage),
  ),
  lazyPage(`${entity}/distributions/new`, 'dividends.write', () =>
    import('./distributions/distribution-new-page').then((m) => m.DistributionNewPage),
  ),
  lazyPage('dividends/distributions/:id', 'dividends.read', () =>
    import('./distributions/distribution-page').then((m) => m.DistributionPage),
  ),
  lazyPage('dividends/fund-flows', 'dividends.funds', () =>
    import('./fund-flow').then((m) => m.FundFlowExplorerPage),
  ),
];

/** Pages anyone may open without signing in, mounted under `/public`. */
export const DIVIDENDS_PUBLIC_ROUTES: RouteObject[] = [...DIVIDENDS_PUBLIC_PAGES];

/** Menu entries, after the registry's. */
export const DIVIDENDS_NAV: readonly NavItem[] = [
  { to: '/dividends/entities', label: 'dividends.nav.entities', permission: 'dividends.read' },
  { to: '/dividends/fund-flows', label: 'dividends.nav.fundFlows', permission: 'dividends.funds' },
];
