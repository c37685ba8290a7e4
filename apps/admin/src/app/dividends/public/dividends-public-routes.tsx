import type { RouteObject } from 'react-router-dom';
import { ChainVerifyPage } from './chain-verify-page';
import { FundFlowPage } from './fund-flow-page';
import { FundSourcesPage } from './fund-sources-page';
import { HouseholdPayoutsPage } from './household-payouts-page';
import { NoticeListPage } from './notice-list-page';
import { NoticePage } from './notice-page';

/** Dividends pages anyone may open without signing in (notices, fund flows, a household's payouts, chain check), under `/public`. */
export const DIVIDENDS_PUBLIC_PAGES: RouteObject[] = [
  { path: 'dividends/notices', element: <NoticeListPage /> },
  { path: 'dividends/notices/:id', element: <NoticePage /> },
  { path: 'dividends/chain', element: <ChainVerifyPage /> },
  { path: 'dividends/mine', element: <HouseholdPayoutsPage /> },
  { path: 'funds', element: <FundSourcesPage /> },
  { path: 'funds/:id', element: <FundFlowPage /> },
];
