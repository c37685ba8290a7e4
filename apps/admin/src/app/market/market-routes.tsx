import { LoadingState } from '@fupin/ui';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../admin-nav';
import { RequirePermission } from '../auth/require-session';
import type { Permission } from '../auth/permissions';

/** Shown while a page's code is fetched on first visit. */
function PageLoading() {
  const { t } = useTranslation();
  return <LoadingState label={t('market.loading')} />;
}

/**
 * A signed-in market page, loaded only when first opened (keeps the admin bundle small); roles
 * without `permission` see the forbidden page, as with `guarded`.
 */
function lazyPage(path: string, permission: Permission, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    HydrateFallback: PageLoading,
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
export const MARKET_ROUTES: RouteObject[] = [
  lazyPage('market/procurement', 'market.purchases.read', () =>
    import('./procurement/procurement-page').then((m) => m.ProcurementPage),
  ),
  lazyPage('market/lots', 'market.lots.read', () => import('./lots/lots-page').then((m) => m.LotsPage)),
  lazyPage('market/lots/:id', 'market.lots.read', () =>
    import('./lots/lot-detail-page').then((m) => m.LotDetailPage),
  ),
  lazyPage('market/transfers/:id/receive', 'market.lots.write', () =>
    import('./lots/receive-page').then((m) => m.ReceivePage),
  ),
  lazyPage('market/catalogue', 'market.catalogue.read', () =>
    import('./catalogue/catalogue-page').then((m) => m.CataloguePage),
  ),
  lazyPage('market/catalogue/new', 'market.catalogue.write', () =>
    import('./catalogue/product-create-page').then((m) => m.ProductCreatePage),
  ),
  lazyPage('market/catalogue/:id', 'market.catalogue.read', () =>
    import('./catalogue/product-detail-page').then((m) => m.ProductDetailPage),
  ),
  lazyPage('market/work-units', 'market.workUnits.read', () =>
    import('./network/work-units-page').then((m) => m.WorkUnitsPage),
  ),
  lazyPage('market/work-units/:id', 'market.allowances.read', () =>
    import('./network/work-unit-allowances-page').then((m) => m.WorkUnitAllowancesPage),
  ),
  lazyPage('market/fulfilment', 'market.fulfilment.read', () =>
    import('./fulfilment/fulfilment-page').then((m) => m.FulfilmentPage),
  ),
  lazyPage('market/fulfilment/picking-list', 'market.fulfilment.read', () =>
    import('./fulfilment/picking-list-page').then((m) => m.PickingListPage),
  ),
  lazyPage('market/fulfilment/packing-lists', 'market.fulfilment.read', () =>
    import('./fulfilment/packing-lists-page').then((m) => m.PackingListsPage),
  ),
  lazyPage('market/settlements', 'market.settlement.read', () =>
    import('./settlement/settlements-page').then((m) => m.SettlementsPage),
  ),
  lazyPage('market/settlements/:id', 'market.settlement.read', () =>
    import('./settlement/settlement-detail-page').then((m) => m.SettlementDetailPage),
  ),
  lazyPage('market/ledger', 'market.ledger.read', () =>
    import('./settlement/ledger-page').then((m) => m.LedgerPage),
  ),
];

/** Pages anyone may open without signing in, mounted under `/public`. */
export const MARKET_PUBLIC_ROUTES: RouteObject[] = [
  {
    path: 'market/trace/:code',
    HydrateFallback: PageLoading,
    lazy: async () => {
      const { TracePage } = await import('./catalogue/trace-page');
      return { element: <TracePage /> };
    },
  },
];

/** Menu entries, after the registry's. */
export const MARKET_NAV: readonly NavItem[] = [
  { to: '/market/procurement', label: 'market.nav.procurement', permission: 'market.purchases.read' },
  { to: '/market/lots', label: 'market.nav.lots', permission: 'market.lots.read' },
  { to: '/market/catalogue', label: 'market.nav.catalogue', permission: 'market.catalogue.read' },
  { to: '/market/fulfilment', label: 'market.nav.fulfilment', permission: 'market.fulfilment.read' },
  { to: '/market/work-units', label: 'market.nav.workUnits', permission: 'market.workUnits.read' },
  { to: '/market/settlements', label: 'market.nav.settlements', permission: 'market.settlement.read' },
  { to: '/market/ledger', label: 'market.nav.ledger', permission: 'market.ledger.read' },
];
